"""Logins and failed logins go to the desk's audit log (accounts sends one signal for every attempt)."""

from __future__ import annotations


def _on_login_attempt(sender, outcome: str, username: str = "", user=None, ip_address=None, **kwargs) -> None:
    from . import audit
    from .models import AuditAction
    from .scope import staff_of

    staff = staff_of(user) if user is not None else None
    if user is None and username:
        # a failed attempt on a staff account goes to that organisation's log (the head reads it there)
        from django.contrib.auth import get_user_model

        named = get_user_model().objects.filter(username=username[:150]).first()
        staff = staff_of(named) if named is not None else None
    if outcome == "succeeded" and staff is None:
        return  # not desk staff: their logins are not about case data
    action = AuditAction.LOGIN if outcome == "succeeded" else AuditAction.LOGIN_FAILED
    entry_user = user if staff is not None and user is not None else None
    detail = f"{kwargs.get('channel', '')} {outcome}".strip()
    if entry_user is None:
        detail = f"{detail} as {username[:60]!r}"
    audit.record(
        action,
        user=entry_user,
        organisation_id=staff.organisation_id if staff else None,
        object_type="session",
        detail=detail,
        ip=ip_address,
    )


def connect() -> None:
    from kenes.accounts.signals import login_attempt

    login_attempt.connect(_on_login_attempt, dispatch_uid="kenes.desk.audit-logins")
