"""Consent as the person gave it: recorded with date, method and staff member; withdrawable at once.

Law of the RK on personal data, art. 7 and 8 (see :mod:`kenes.desk.rules`): consent to keep the data, to
share it with one named partner organisation (and only the fields it covers), to count it anonymised in
statistics. Withdrawing a share consent revokes its pending referrals in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .models import AuditAction, Case, Consent, ConsentKind, ConsentMethod
from .models.choices import DEFAULT_SHARED, SHAREABLE_FIELDS
from .referrals import revoke_for_withdrawn_consent
from .scope import Staff


@transaction.atomic
def record_consent(
    staff: Staff,
    case: Case,
    kind: str,
    method: str,
    given_on: dt.date | None = None,
    partner=None,
    covers: list[str] | None = None,
    request=None,
) -> Consent:
    if kind not in ConsentKind.values or method not in ConsentMethod.values:
        raise ValidationError(_("Unknown consent kind or method."))
    if kind == ConsentKind.SHARE and partner is None:
        raise ValidationError({"partner": _("A consent to share names the partner organisation.")})
    unknown = [f for f in covers or [] if f not in SHAREABLE_FIELDS]
    if unknown:
        raise ValidationError({"covers": _("Cannot be shared: %(f)s") % {"f": ", ".join(unknown)}})
    consent = Consent.objects.create(
        case=case,
        kind=kind,
        method=method,
        given_on=given_on or timezone.localdate(),
        partner=partner if kind == ConsentKind.SHARE else None,
        covers=",".join(covers or (DEFAULT_SHARED if kind == ConsentKind.SHARE else [])),
        recorded_by=staff.user,
    )
    audit.by_staff(
        staff, AuditAction.CONSENT, request, case, detail=f"given {kind} ({method}) consent {consent.pk}"
    )
    return consent


@transaction.atomic
def withdraw_consent(staff: Staff, consent: Consent, request=None) -> Consent:
    """Withdraw at once: a share consent's pending referrals are revoked in the same transaction."""
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by = staff.user
        consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
        audit.by_staff(
            staff,
            AuditAction.CONSENT,
            request,
            consent.case,
            detail=f"withdrew {consent.kind} consent {consent.pk}",
        )
        if consent.kind == ConsentKind.SHARE:
            revoke_for_withdrawn_consent(staff, consent, request=request)
    return consent
