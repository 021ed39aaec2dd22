"""The one entry point for every query of case data: the user's organisation and role decide what exists.

Pages, the API, exports, the admin and the commands ask here and nowhere else. Anything outside the user's
scope simply is not found: the ``*_or_404`` helpers raise :class:`~django.http.Http404` for another
organisation's object exactly as for an id that never existed, so a response never tells the two apart.

Roles (kenes.accounts): consultants, lawyers and centre heads work on their organisation's cases; the centre
head also reads the audit log and may override consent for an urgent referral; analysts see anonymised
statistics only; organisation admins manage staff, not cases.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from .models import (
    Attachment,
    AuditEntry,
    Case,
    Consent,
    ConsentKind,
    Consultation,
    FollowUp,
    Referral,
    ReferralState,
)

CASEWORK_ROLES = frozenset({"consultant", "lawyer", "head"})
STATISTICS_ROLES = frozenset({"consultant", "lawyer", "head", "analyst"})

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Staff:
    user: object
    organisation_id: uuid.UUID
    role: str
    organisation: object

    @property
    def casework(self) -> bool:
        return self.role in CASEWORK_ROLES

    @property
    def head(self) -> bool:
        return self.role == "head"


def staff_of(user) -> Staff | None:
    """The user's desk identity, or None (anonymous, inactive, or no organisation)."""
    from kenes.accounts.roles import membership_of

    membership = membership_of(user)
    if membership is None:
        return None
    return Staff(user, membership.organisation_id, membership.role, membership.organisation)


def _parse_id(value) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise Http404("not found") from None


def cases_for(user) -> QuerySet[Case]:
    """Cases the user may work on: their organisation's (incl. their copies of accepted referrals)."""
    staff = staff_of(user)
    if staff is None or not staff.casework:
        return Case.objects.none()
    return Case.objects.filter(organisation_id=staff.organisation_id)


def case_or_404(user, case_id) -> Case:
    try:
        return cases_for(user).select_related("person").get(pk=_parse_id(case_id))
    except Case.DoesNotExist:
        raise Http404("not found") from None


def one_or_404(rows: QuerySet[M], pk) -> M:
    """One row of a query already in scope (a case's consents, follow-ups …), or 404 as for any other."""
    found = rows.filter(pk=_parse_id(pk)).first()
    if found is None:
        raise Http404("not found")
    return found


def consultations_for(user) -> QuerySet[Consultation]:
    return Consultation.objects.filter(case__in=cases_for(user))


def consents_for(user) -> QuerySet[Consent]:
    return Consent.objects.filter(case__in=cases_for(user))


def follow_ups_for(user) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(case__in=cases_for(user))


def attachment_or_404(user, attachment_id) -> Attachment:
    try:
        return Attachment.objects.get(pk=_parse_id(attachment_id), case__in=cases_for(user))
    except Attachment.DoesNotExist:
        raise Http404("not found") from None


def referrals_for(user) -> QuerySet[Referral]:
    """Referrals the user's organisation sent, and those it received (a declined or revoked one stays listed
    for the receiver without its content: see :func:`referral_payload_visible`)."""
    staff = staff_of(user)
    if staff is None or not staff.casework:
        return Referral.objects.none()
    return Referral.objects.filter(
        Q(from_organisation_id=staff.organisation_id) | Q(to_organisation_id=staff.organisation_id)
    )


def referral_or_404(user, referral_id) -> Referral:
    try:
        return referrals_for(user).get(pk=_parse_id(referral_id))
    except Referral.DoesNotExist:
        raise Http404("not found") from None


def sent_referral_or_404(user, referral_id) -> Referral:
    """A referral the user's organisation sent (what only the sender may act on, such as its file)."""
    staff = staff_of(user)
    referral = referral_or_404(user, referral_id)
    if staff is None or referral.from_organisation_id != staff.organisation_id:
        raise Http404("not found")
    return referral


def referral_payload_visible(user, referral: Referral) -> bool:
    """The sender always sees what it sent; the receiver only while the referral is pending or accepted."""
    staff = staff_of(user)
    if staff is None:
        return False
    if referral.from_organisation_id == staff.organisation_id:
        return True
    return referral.to_organisation_id == staff.organisation_id and referral.state in (
        ReferralState.SENT,
        ReferralState.ACCEPTED,
    )


def statistics_cases_for(user) -> QuerySet[Case]:
    """Cases that may be counted for the user: their organisation's, with a statistics consent in force."""
    staff = staff_of(user)
    if staff is None or staff.role not in STATISTICS_ROLES:
        return Case.objects.none()
    consented = Consent.objects.filter(kind=ConsentKind.STATISTICS, withdrawn_at__isnull=True)
    return Case.objects.filter(organisation_id=staff.organisation_id, pk__in=consented.values("case_id"))


def published_statistics_cases() -> QuerySet[Case]:
    """Every organisation's cases that may be counted in public figures (the observatory's desk page).

    Only cases with a statistics consent in force; a receiver's copy of a referral whose original case is
    held in this database is left out, so a referred person is counted once (by the centre that took them in).
    Nothing but suppressed aggregates may be built from this queryset: see :mod:`kenes.desk.published`.
    """
    consented = Consent.objects.filter(kind=ConsentKind.STATISTICS, withdrawn_at__isnull=True)
    original = Q(received_from__isnull=True) | Q(received_from__case__isnull=True)
    return Case.objects.filter(original, pk__in=consented.values("case_id"))


def audit_for(user) -> QuerySet[AuditEntry]:
    """The centre head reads their organisation's audit entries; nobody else reads the log in the desk."""
    staff = staff_of(user)
    if staff is None or not staff.head:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(organisation_id=staff.organisation_id)


def require_casework(user) -> Staff:
    """The staff identity of a case worker, or 404 (a page of the desk does not exist for anyone else)."""
    staff = staff_of(user)
    if staff is None or not staff.casework:
        raise Http404("not found")
    return staff
