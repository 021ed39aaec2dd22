"""Erasure: on request, and of closed cases past their organisation's retention period (``kenes desk purge``).

Erasing removes the person, the case and everything hanging off it (consultations, consents, follow-ups,
attachment files); referrals the case sent keep their trail (states and dates) but lose their sealed
content. The audit log keeps that the erasure happened (case id, why), never what was erased.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import audit, uploads
from .models import AuditAction, Case, Referral, ReferralEvent, Status


@transaction.atomic
def erase(case: Case, *, user=None, request=None, why: str = "on request") -> None:
    """Erase one case (found through :mod:`scope` by the caller, or by :func:`purge`)."""
    case_id, organisation_id, person = case.pk, case.organisation_id, case.person
    for attachment_id in list(case.attachments.values_list("pk", flat=True)):
        transaction.on_commit(lambda a=attachment_id: uploads.remove(a))
    sent = Referral.objects.filter(case=case)
    ReferralEvent.objects.filter(referral__in=sent).update(reason="")
    sent.update(payload="", note="", case=None)
    case.delete()
    if not person.cases.exists():
        person.delete()
    audit.record(
        AuditAction.ERASE,
        user=user,
        organisation_id=organisation_id,
        object_type="case",
        object_id=str(case_id),
        request=request,
        detail=why,
    )


@dataclass
class PurgeReport:
    erased: int
    by_organisation: dict[str, int]

    def __str__(self) -> str:
        per = ", ".join(f"{slug}: {n}" for slug, n in sorted(self.by_organisation.items())) or "none"
        return f"erased {self.erased} closed case(s) past their retention period ({per})"


def due_for_purge(now: dt.datetime | None = None):
    """Closed or resolved cases whose organisation's retention period has run out since closing."""
    from kenes.accounts.models import Organisation

    now = now or timezone.now()
    for organisation in Organisation.objects.all():
        cutoff = now - dt.timedelta(days=organisation.retention_days)
        yield (
            organisation,
            Case.objects.filter(
                organisation=organisation, status__in=(Status.CLOSED, Status.RESOLVED), closed_at__lt=cutoff
            ),
        )


def purge(now: dt.datetime | None = None, dry_run: bool = False) -> PurgeReport:
    erased, per = 0, {}
    for organisation, cases in due_for_purge(now):
        count = 0
        for case in cases.select_related("person").iterator(chunk_size=200):
            if not dry_run:
                erase(case, why=f"retention: closed more than {organisation.retention_days} days ago")
            count += 1
        if count:
            per[organisation.slug] = count
            erased += count
    return PurgeReport(erased, per)
