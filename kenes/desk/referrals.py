"""Referrals: a small state machine guarded by recorded consent (Primero's flow, our scoping).

    sent ──accept──► accepted      (the receiver gets its own case; the sender can no longer edit or revoke)
      │ ──decline (reason)──► declined
      └──revoke──► revoked         (also at once when the share consent is withdrawn)

A referral needs an unwithdrawn consent to share with exactly that organisation, or an urgent override by a
centre head on an urgent case (processing without consent, Law of the RK on personal data art. 9: audited).
It carries a sealed copy of only the fields the consent covers, never a live view of the case. Every step is
a :class:`ReferralEvent`, and the audit log records it.
"""

from __future__ import annotations

import json

from django.db import transaction
from django.utils.translation import gettext as _

from . import audit
from .models import (
    AuditAction,
    Case,
    CaseCategory,
    Channel,
    Consent,
    ConsentKind,
    Person,
    Referral,
    ReferralEvent,
    ReferralState,
    Status,
    Urgency,
)
from .models.choices import DEFAULT_SHARED, SHAREABLE_FIELDS, TRANSITIONS
from .scope import Staff

#: what an urgent override may carry: enough to reach the person and act, nothing more
OVERRIDE_FIELDS = ("full_name", "phone", "languages", "summary", "categories", "host_country")


class ReferralRefused(Exception):
    """The step is not allowed; the message says why (shown to the user, never containing case data)."""

    def __init__(self, message: str, code: str = "refused"):
        super().__init__(message)
        self.code = code


def share_consent(case: Case, organisation_id) -> Consent | None:
    return (
        Consent.objects.filter(
            case=case, kind=ConsentKind.SHARE, partner_id=organisation_id, withdrawn_at__isnull=True
        )
        .order_by("-given_on")
        .first()
    )


def _payload(case: Case, fields: tuple[str, ...] | list[str]) -> dict:
    person = case.person
    out: dict = {}
    for name in fields:
        if name == "categories":
            out[name] = sorted(case.categories)
        elif name in ("summary", "host_country"):
            out[name] = getattr(case, name)
        elif hasattr(person, name):
            value = getattr(person, name)
            out[name] = "" if value is None else str(value)
    return out


def _event(referral: Referral, staff: Staff, state: str, reason: str = "") -> None:
    ReferralEvent.objects.create(
        referral=referral, state=state, by=staff.user, organisation_id=staff.organisation_id, reason=reason
    )


def _audit(staff: Staff, referral: Referral, detail: str, request=None, action=AuditAction.REFERRAL) -> None:
    audit.by_staff(staff, action, request, referral, detail=detail)


@transaction.atomic
def send(
    staff: Staff, case: Case, to_organisation, note: str = "", *, urgent_override: bool = False, request=None
) -> Referral:
    if case.organisation_id != staff.organisation_id:
        raise ReferralRefused(_("Only the centre that holds a case can refer it."), "not-yours")
    if to_organisation.pk == staff.organisation_id:
        raise ReferralRefused(_("A case cannot be referred to its own organisation."), "same-organisation")
    consent = share_consent(case, to_organisation.pk)
    if consent is not None:
        fields = [f for f in consent.covered_fields if f in SHAREABLE_FIELDS] or list(DEFAULT_SHARED)
        override = False
    elif urgent_override:
        if not staff.head:
            raise ReferralRefused(_("Only a centre head can refer without consent."), "override-not-allowed")
        if case.urgency != Urgency.URGENT:
            raise ReferralRefused(_("Referring without consent is only for urgent cases."), "not-urgent")
        fields, override = list(OVERRIDE_FIELDS), True
    else:
        raise ReferralRefused(
            _("There is no consent to share this case with %(org)s.") % {"org": to_organisation.name},
            "no-consent",
        )
    referral = Referral.objects.create(
        case=case,
        from_organisation_id=staff.organisation_id,
        to_organisation=to_organisation,
        payload=json.dumps(_payload(case, fields), ensure_ascii=False),
        shared_fields=",".join(fields),
        consent=consent,
        urgent_override=override,
        note=note,
        created_by=staff.user,
    )
    _event(referral, staff, ReferralState.SENT)
    if override:
        _audit(
            staff,
            referral,
            f"urgent override: case {case.pk} to {to_organisation.pk}",
            request,
            AuditAction.OVERRIDE,
        )
    _audit(staff, referral, f"sent case {case.pk} to {to_organisation.pk} ({','.join(fields)})", request)
    if Status.REFERRED in TRANSITIONS.get(case.status, ()):
        case.status = Status.REFERRED
        case.save(update_fields=["status", "updated_at"])
    return referral


def _still_sent(referral: Referral, refusal: str) -> None:
    """Every step leaves "sent" (or, for the note, needs it): a referral past it is refused in the step's own
    words, with the state it is in as the code."""
    if referral.state != ReferralState.SENT:
        raise ReferralRefused(refusal, f"already-{referral.state}")


def _pending_for_receiver(staff: Staff, referral: Referral) -> None:
    if referral.to_organisation_id != staff.organisation_id:
        raise ReferralRefused(_("Only the receiving organisation can answer a referral."), "not-receiver")
    _still_sent(referral, _("This referral is %(state)s already.") % {"state": referral.get_state_display()})


def _move(staff: Staff, referral: Referral, state: str, detail: str, request=None, reason: str = "") -> None:
    """A step of the state machine: the new state saved, its event and its audit entry, never one without
    the others."""
    referral.state = state
    referral.save(update_fields=["state", "updated_at"])
    _event(referral, staff, state, reason=reason)
    _audit(staff, referral, detail, request)


@transaction.atomic
def accept(staff: Staff, referral: Referral, request=None) -> Case:
    """The receiver takes the case: a new case of its own, built from the sealed payload."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    _pending_for_receiver(staff, referral)
    consent_gone = referral.consent is None or not referral.consent.active
    if not referral.urgent_override and not referral.imported and consent_gone:
        raise ReferralRefused(_("The person withdrew their consent to share."), "consent-withdrawn")
    data = json.loads(referral.payload or "{}")
    person = Person(organisation_id=staff.organisation_id)
    for name in SHAREABLE_FIELDS:
        if name in data and hasattr(person, name) and name not in ("summary", "host_country", "categories"):
            setattr(person, name, data[name] or "")
    if person.arrival_date == "":
        person.arrival_date = None
    person.save()
    case = Case.objects.create(
        organisation_id=staff.organisation_id,
        person=person,
        host_country=data.get("host_country", "")[:2],
        summary=data.get("summary", ""),
        urgency=Urgency.URGENT if referral.urgent_override else Urgency.NORMAL,
        channel=Channel.REFERRAL,
        consultant=staff.user,
        received_from=referral,
    )
    from .models.choices import Category

    codes = [c for c in data.get("categories", []) if c in Category.values]
    CaseCategory.objects.bulk_create([CaseCategory(case=case, code=c) for c in codes])
    _move(staff, referral, ReferralState.ACCEPTED, f"accepted as case {case.pk}", request)
    return case


@transaction.atomic
def decline(staff: Staff, referral: Referral, reason: str, request=None) -> Referral:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    _pending_for_receiver(staff, referral)
    if not reason.strip():
        raise ReferralRefused(_("Say why the referral is declined."), "reason-required")
    _move(staff, referral, ReferralState.DECLINED, "declined", request, reason=reason.strip())
    return referral


@transaction.atomic
def revoke(staff: Staff, referral: Referral, reason: str = "", request=None) -> Referral:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.from_organisation_id != staff.organisation_id:
        raise ReferralRefused(_("Only the sending organisation can revoke a referral."), "not-sender")
    _still_sent(
        referral,
        _("A referral that is %(state)s cannot be revoked.") % {"state": referral.get_state_display()},
    )
    _move(staff, referral, ReferralState.REVOKED, "revoked", request, reason=reason)
    return referral


@transaction.atomic
def edit_note(staff: Staff, referral: Referral, note: str, request=None) -> Referral:
    """The sender may correct its note while pending; after acceptance it is the receiver's."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.from_organisation_id != staff.organisation_id:
        raise ReferralRefused(_("Only the sending organisation can edit a referral."), "not-sender")
    _still_sent(referral, _("A referral can only be edited while it is pending."))
    referral.note = note
    referral.save(update_fields=["note", "updated_at"])
    _event(referral, staff, "edited")
    _audit(staff, referral, "edited note", request)
    return referral


def revoke_for_withdrawn_consent(staff: Staff, consent: Consent, request=None) -> int:
    """Withdrawal stops sharing at once: every pending referral resting on the consent is revoked."""
    count = 0
    for referral in Referral.objects.select_for_update().filter(consent=consent, state=ReferralState.SENT):
        _move(
            staff,
            referral,
            ReferralState.REVOKED,
            "revoked: consent withdrawn",
            request,
            reason="consent withdrawn",
        )
        count += 1
    return count
