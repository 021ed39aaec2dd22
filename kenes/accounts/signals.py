"""One signal for every login attempt, so the desk's audit log can record them without accounts knowing it.

``login_attempt`` is sent with ``outcome`` ("succeeded", "failed", "locked_out"), ``channel`` ("form" for the
admin and staff login pages, "basic" for HTTP Basic on the API), ``username`` (as typed), ``user`` (None
unless it succeeded), ``ip_address`` and ``path``; a failed one also with ``while_locked`` (True when the
lockout refused it before the password was looked at). No password, no one-time code, nothing else of the
request.
"""

from __future__ import annotations

from django.dispatch import Signal

login_attempt = Signal()

#: Session key of the moment the user logged in (epoch seconds), for the absolute session lifetime.
LOGIN_AT = "kenes_login_at"


def _channel(request: object) -> str:
    meta = getattr(request, "META", {})
    return "basic" if meta.get("HTTP_AUTHORIZATION", "").lower().startswith("basic ") else "form"


def _on_logged_in(sender: object, request: object, user: object, **kwargs: object) -> None:
    import time

    from .client_ip import client_ip

    if request is None:
        return
    session = getattr(request, "session", None)
    if session is not None:
        session[LOGIN_AT] = int(time.time())
    login_attempt.send(
        sender=sender,
        outcome="succeeded",
        channel=_channel(request),
        username=user.get_username(),  # type: ignore[attr-defined]
        user=user,
        ip_address=client_ip(request),  # type: ignore[arg-type]
        path=getattr(request, "path", ""),
    )


def _on_login_failed(sender: object, credentials: dict, request: object = None, **kwargs: object) -> None:
    from .client_ip import client_ip

    if request is None:
        return
    login_attempt.send(
        sender=sender,
        outcome="failed",
        channel=_channel(request),
        username=str(credentials.get("username", "")),
        user=None,
        ip_address=client_ip(request),  # type: ignore[arg-type]
        path=getattr(request, "path", ""),
        # refused by the lockout before the password was looked at (django-axes marks the request)
        while_locked=bool(getattr(request, "axes_locked_out", False)),
    )


def _on_locked_out(sender: object, request: object, username: str | None, ip_address: str, **kwargs: object):
    login_attempt.send(
        sender=sender,
        outcome="locked_out",
        channel=_channel(request),
        username=username or "",
        user=None,
        ip_address=ip_address,
        path=getattr(request, "path", ""),
    )


def connect() -> None:
    from axes.signals import user_locked_out
    from django.contrib.auth.signals import user_logged_in, user_login_failed

    user_logged_in.connect(_on_logged_in, dispatch_uid="kenes.accounts.logged_in")
    user_login_failed.connect(_on_login_failed, dispatch_uid="kenes.accounts.login_failed")
    user_locked_out.connect(_on_locked_out, dispatch_uid="kenes.accounts.locked_out")
