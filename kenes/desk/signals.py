"""Logins and failed logins of desk staff go to the audit log (accounts sends one signal for every attempt).

Only attempts on accounts that can reach case data are written: a succeeded or failed login of a desk staff
member (found by the user name typed, so the centre head sees attempts on their people's accounts). A
rejection while locked out writes nothing, here as in accounts: the attempts that caused the lockout are in
the log already, and a flood must not be able to grow it.
"""

from __future__ import annotations


def _on_login_attempt(sender, outcome: str, username: str = "", user=None, ip_address=None, **kwargs) -> None:
    if outcome not in ("succeeded", "failed") or kwargs.get("while_locked"):
        return
    from django.contrib.auth import get_user_model

    from . import audit
    from .models import AuditAction
    from .scope import staff_of

    if user is None and username:
        named = get_user_model().objects.filter(username=username[:150]).first()
        staff = staff_of(named) if named is not None else None
    else:
        staff = staff_of(user) if user is not None else None
    if staff is None:
        return  # not desk staff: the attempt is not about case data
    succeeded = outcome == "succeeded"
    audit.record(
        AuditAction.LOGIN if succeeded else AuditAction.LOGIN_FAILED,
        user=user if succeeded else None,
        organisation_id=staff.organisation_id,
        object_type="session",
        detail=f"{kwargs.get('channel', '')} {outcome}".strip()
        + ("" if succeeded else f" as {username[:60]!r}"),
        ip=ip_address,
    )


def connect() -> None:
    from kenes.accounts.signals import login_attempt

    login_attempt.connect(_on_login_attempt, dispatch_uid="kenes.desk.audit-logins")
