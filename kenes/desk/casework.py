"""Intake and the life of a case: every write goes through here, is scoped by the caller, and is audited.

The functions take a :class:`~kenes.desk.scope.Staff` (the caller's identity, from ``scope``) and objects
that were themselves found through ``scope``; they never look a case up by id on their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kenes.lex import eid as eids
from kenes.lex.akn import uri

from . import audit
from .crypto import blind_index, normalise_document, normalise_phone
from .models import (
    URGENT_CATEGORIES_SET,
    AuditAction,
    Case,
    CaseCategory,
    Category,
    Channel,
    Citation,
    ConsentKind,
    Consultation,
    FollowUp,
    Outcome,
    Person,
    Status,
    Urgency,
)
from .models.choices import TRANSITIONS
from .scope import Staff

PERSON_FIELDS = (
    "full_name",
    "document_number",
    "phone",
    "messenger",
    "address",
    "birth_date",
    "employer",
    "sex",
    "citizenship",
    "languages",
    "document_status",
    "host_region",
    "sector",
    "arrival_date",
)


@dataclass
class Intake:
    person: dict
    host_country: str = ""
    categories: list[str] = field(default_factory=list)
    summary: str = ""
    urgency: str = Urgency.NORMAL
    channel: str = Channel.VISIT


def _clean_categories(codes: list[str]) -> list[str]:
    known = set(Category.values)
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValidationError(
            {"categories": _("Unknown category: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    return sorted(set(codes))


def duplicates_of(staff: Staff, document_number: str, phone: str, exclude=None) -> list[Case]:
    """Cases of the caller's organisation whose person has the same document number or phone."""
    doc = blind_index("document", normalise_document(document_number or ""))
    tel = blind_index("phone", normalise_phone(phone or ""))
    keys = [k for k in (doc, tel) if k]
    if not keys:
        return []
    people: list = []
    for column, key in (("document_index", doc), ("phone_index", tel)):
        if key:  # two lookups, each on its (organisation, blind index) index
            people += Person.objects.filter(
                organisation_id=staff.organisation_id, **{column: key}
            ).values_list("id", flat=True)
    found = Case.objects.filter(person_id__in=people)  # the people are of the caller's organisation
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return list(found.order_by("-opened_at")[:10])


def _person_values(data: dict) -> dict:
    values = {k: data[k] for k in PERSON_FIELDS if k in data and data[k] is not None}
    for key in ("citizenship",):
        if key in values:
            values[key] = str(values[key]).strip().lower()[:2]
    if isinstance(values.get("arrival_date"), str):
        values["arrival_date"] = (
            dt.date.fromisoformat(values["arrival_date"]) if values["arrival_date"] else None
        )
    if "birth_date" in values:
        values["birth_date"] = str(values["birth_date"])
    return values


@transaction.atomic
def open_case(staff: Staff, intake: Intake, request=None, consultant=None) -> Case:
    """Create the person and the case; flags a possible duplicate (same document number or phone)."""
    if not str(intake.person.get("full_name", "")).strip():
        raise ValidationError({"person.full_name": _("The name is required.")})
    categories = _clean_categories(intake.categories)
    person = Person(organisation_id=staff.organisation_id, **_person_values(intake.person))
    person.full_clean(exclude=["organisation"], validate_unique=False)
    dupes = duplicates_of(staff, person.document_number, person.phone)
    person.save()
    urgency = Urgency.URGENT if URGENT_CATEGORIES_SET & set(categories) else intake.urgency
    case = Case(
        organisation_id=staff.organisation_id,
        person=person,
        host_country=(intake.host_country or "").strip().lower()[:2],
        summary=intake.summary or "",
        urgency=urgency,
        channel=intake.channel,
        consultant=consultant if consultant is not None else staff.user,
        possible_duplicate=bool(dupes),
    )
    case.full_clean(exclude=["organisation", "person", "consultant", "received_from"], validate_unique=False)
    case.save(force_insert=True)
    CaseCategory.objects.bulk_create([CaseCategory(case=case, code=c) for c in categories])
    audit.by_staff(staff, AuditAction.CREATE, request, case, detail="possible duplicate" if dupes else "")
    return case


EDITABLE_CASE_FIELDS = (
    "host_country",
    "summary",
    "urgency",
    "channel",
    "outcome",
    "outcome_amount",
    "outcome_currency",
)


@transaction.atomic
def update_case(staff: Staff, case: Case, changes: dict, request=None) -> Case:
    """Apply changes to a case (status through :data:`TRANSITIONS`); audits the names of changed fields."""
    if case.organisation_id != staff.organisation_id:
        raise ValidationError(_("This case belongs to another organisation."))
    changed: list[str] = []
    person_changes = changes.pop("person", None) or {}
    if "categories" in changes:
        codes = _clean_categories(list(changes.pop("categories") or []))
        CaseCategory.objects.filter(case=case).exclude(code__in=codes).delete()
        have = set(CaseCategory.objects.filter(case=case).values_list("code", flat=True))
        CaseCategory.objects.bulk_create([CaseCategory(case=case, code=c) for c in codes if c not in have])
        if URGENT_CATEGORIES_SET & set(codes):
            case.urgency = Urgency.URGENT
        changed.append("categories")
    if "status" in changes:
        new = changes.pop("status")
        if new != case.status:
            if new not in TRANSITIONS.get(case.status, ()):
                raise ValidationError(
                    {
                        "status": _("A case cannot go from %(old)s to %(new)s.")
                        % {"old": case.status, "new": new}
                    }
                )
            case.status = new
            case.closed_at = timezone.now() if new in (Status.RESOLVED, Status.CLOSED) else None
            changed.append(f"status={new}")
    for key in EDITABLE_CASE_FIELDS:
        if key in changes:
            value = changes.pop(key)
            if key == "outcome_amount" and value is not None:
                value = Decimal(str(value))
            if key == "host_country":
                value = (value or "").lower()[:2]
            setattr(case, key, value if value is not None else ("" if key != "outcome_amount" else None))
            changed.append(key)
    if changes:
        raise ValidationError({k: _("This field cannot be changed here.") for k in changes})
    if case.outcome and case.outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Unknown outcome.")})
    if (
        case.outcome == Outcome.WAGES_RECOVERED
        and case.outcome_amount is not None
        and not case.outcome_currency
    ):
        raise ValidationError({"outcome_currency": _("Give the currency of the amount.")})
    if person_changes:
        person = case.person
        for key, value in _person_values(person_changes).items():
            setattr(person, key, value)
            changed.append(f"person.{key}")
        person.full_clean(exclude=["organisation"])
        person.save()
    case.full_clean(exclude=["organisation", "person", "consultant", "received_from"])
    case.save()
    audit.by_staff(staff, AuditAction.EDIT, request, case, detail=", ".join(changed)[:300])
    return case


@transaction.atomic
def add_consultation(
    staff: Staff,
    case: Case,
    *,
    held_on: dt.date,
    channel: str,
    language: str,
    advice: str,
    minutes: int,
    citations: list[dict] | None = None,
    request=None,
) -> Consultation:
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Unknown channel.")})
    consultation = Consultation(
        case=case,
        held_on=held_on,
        channel=channel,
        language=language[:8],
        advice=advice,
        minutes=max(0, int(minutes)),
        consultant=staff.user,
    )
    consultation.full_clean(exclude=["case", "consultant"])
    consultation.save()
    rows = []
    for cited in citations or []:
        try:
            rows.append(
                Citation(
                    consultation=consultation,
                    work_uri=_cited_work(str(cited["work_uri"]).rstrip("/")[:200]),
                    eid=_cited_eid(str(cited["eid"])[:200]),
                    expression_date=dt.date.fromisoformat(str(cited["expression_date"])),
                    lang=str(cited.get("lang") or "")[:3],
                )
            )
        except (KeyError, ValueError) as exc:
            raise ValidationError(
                {
                    "citations": _(
                        "A citation needs work_uri (an AKN work URI such as "
                        "/akn/kz/act/code/2015-11-23/414-v), eid (such as art_113__para_1) and "
                        "expression_date."
                    )
                }
            ) from exc
    Citation.objects.bulk_create(rows)
    if case.status == Status.NEW:
        case.status = Status.IN_PROGRESS
        case.save(update_fields=["status", "updated_at"])
    audit.by_staff(
        staff,
        AuditAction.EDIT,
        request,
        case,
        detail=f"consultation {consultation.pk} ({len(rows)} citations)",
    )
    _share_experience(case, consultation, rows)
    return consultation


def _share_experience(case: Case, consultation: Consultation, citations: list[Citation]) -> None:
    """Search learns which articles answered a question like this one (kenes.search.experience).

    Only with the person's consent to anonymised use, and only the case's question with the person's own
    name, document number and phone taken out here (search de-identifies it again) plus the (work URI, eId)
    pairs cited: never a case id, date, centre or anything else of the case.
    """
    cited = [(c.work_uri, c.eid) for c in citations]  # each checked on the way in (_cited_work, _cited_eid)
    if not cited or not case.summary.strip():
        return
    if not case.consents.filter(kind=ConsentKind.STATISTICS, withdrawn_at__isnull=True).exists():
        return
    from kenes.search.experience import record

    record(scrub(case.summary, case.person), cited)


def _cited_work(text: str) -> str:
    """A work URI as the law database names works: a citation is followed to the law and, with consent,
    teaches search (which refuses anything else), so a typo is the consultant's to fix, not a 500 later."""
    if uri.parse(text).work_uri != text:
        raise ValueError(f"{text!r} is not a work URI")
    return text


def _cited_eid(text: str) -> str:
    if not eids.is_valid(text):
        raise ValueError(f"{text!r} is not an eId")
    return text


def scrub(text: str, person: Person) -> str:
    """``text`` without the person's name parts, document number or phone, however they were typed."""
    for part in {*person.full_name.split(), person.document_number, person.phone}:
        if len(part.strip()) >= 2:
            text = re.sub(re.escape(part.strip()), "#", text, flags=re.IGNORECASE)
    digits = normalise_phone(person.phone)
    if len(digits) >= 5:  # the phone written with other spaces or dashes
        text = re.sub(r"[\s().-]*".join(map(re.escape, digits[-7:])), "#", text)
    return text


@transaction.atomic
def add_follow_up(
    staff: Staff, case: Case, due_on: dt.date, note: str = "", assigned_to=None, request=None
) -> FollowUp:
    follow_up = FollowUp.objects.create(
        case=case, due_on=due_on, note=note, assigned_to=assigned_to or staff.user
    )
    audit.by_staff(
        staff, AuditAction.EDIT, request, case, detail=f"follow-up {follow_up.pk} due {due_on.isoformat()}"
    )
    return follow_up
