"""The login policy shared by every login path: admin, the staff login page and HTTP Basic on the API.

Failed logins are counted by django-axes in the database (so every worker process sees the same lockout),
per account and per client address. While either is locked out, :class:`LockoutBackend` refuses before any
backend computes a password hash, so a flood of wrong passwords costs one indexed read per request, not an
Argon2 computation. The locked-out client gets a 429 with ``Retry-After`` and a message saying when to try
again. We deliberately do not ``sleep`` in the worker to slow an attacker down: a sleeping worker thread is
exactly what a flood wants to take from legitimate users; the lockout is the delay.
"""

from __future__ import annotations

import datetime as dt
import math

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kenes.site.errors import error_response

from .client_ip import client_ip


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out account or address before the password is looked at.

    A call without a request (a test client's ``login()``, a management command) comes from code running on
    the server, not from the network, so there is nothing to throttle: it passes through to the next backend.
    """

    def authenticate(self, request: HttpRequest | None, *args: object, **kwargs: object) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


class PasswordBackend(ModelBackend):
    """Django's password check; also reports a successful HTTP Basic login (which never calls ``login()``)."""

    def authenticate(self, request, username=None, password=None, **kwargs):  # type: ignore[override]
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and request is not None and _is_basic(request):
            from .signals import login_attempt

            login_attempt.send(
                sender=LockoutBackend,
                outcome="succeeded",
                channel="basic",
                username=user.get_username(),
                user=user,
                ip_address=client_ip(request),
                path=request.path,
            )
        return user


def _is_basic(request: HttpRequest) -> bool:
    return request.META.get("HTTP_AUTHORIZATION", "").lower().startswith("basic ")


def needs_second_factor(user: object) -> bool:
    """True when the user has a confirmed one-time-code device: password-only logins are not enough then."""
    from django_otp import user_has_device

    return user_has_device(user)


def cool_off_seconds() -> int:
    cool_off = settings.AXES_COOLOFF_TIME
    return int(cool_off.total_seconds()) if isinstance(cool_off, dt.timedelta) else 0


def lockout_message() -> str:
    minutes = max(1, math.ceil(cool_off_seconds() / 60))
    return ngettext(
        "Too many failed logins for this account or from this address. Try again in %(minutes)d minute.",
        "Too many failed logins for this account or from this address. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """django-axes' answer to a locked-out login: JSON under /api/, the login page's message elsewhere."""
    message = lockout_message()
    if request.path.startswith("/api/"):
        response: HttpResponse = error_response(429, "locked-out", message)
    else:
        response = render(request, "accounts/locked.html", {"message": message}, status=429)
    response["Retry-After"] = str(cool_off_seconds())
    return response


def basic_refused_message() -> str:
    """Why HTTP Basic is refused to an account with a second factor (a password alone would bypass it)."""
    return _("this account has a second factor: log in on the staff login page instead of HTTP Basic")
