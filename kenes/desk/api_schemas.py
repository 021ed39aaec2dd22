"""Request and response bodies of ``/api/desk/`` (what the OpenAPI document shows).

A closed vocabulary (a category, a status …) is documented as an ``enum`` but checked by the desk itself
(``casework``, ``consents``): an unknown code is a 400 naming it, translated, as in the desk's pages.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field

from kenes.site.fields import IsoDate, JsonObjectBody

from .models import choices as vocab


def one_of(*codes: str) -> dict[str, Any]:
    """The documented values of a string field the desk checks itself (see the module's docstring)."""
    return {"enum": list(dict.fromkeys(codes))}


#: a desk body is a JSON object (a patch, a consultation, a decision: every field has a default)
Body = JsonObjectBody


CategoryCode = Annotated[str, Field(json_schema_extra=one_of(*vocab.Category.values))]


class PersonIn(Schema):
    full_name: str = Field(min_length=1, max_length=300, json_schema_extra={"pattern": r"\S"})
    document_number: str = Field("", max_length=64)
    phone: str = Field("", max_length=64)
    citizenship: str = Field("", max_length=2, description="ISO 3166-1 alpha-2, e.g. uz")
    messenger: str = Field("", max_length=120)
    languages: str = Field("", max_length=40, description="comma-separated language codes")
    birth_date: str = Field("", max_length=10)
    employer: str = Field("", max_length=300)
    address: str = Field("", max_length=500)
    sex: str = Field("", max_length=1, json_schema_extra=one_of(*vocab.Sex.values, ""))
    document_status: str = Field(
        "", max_length=20, json_schema_extra=one_of(*vocab.DocumentStatus.values, "")
    )
    host_region: str = Field("", max_length=80)
    sector: str = Field("", max_length=80)


class PersonPatch(Schema):
    full_name: str | None = Field(None, min_length=1, max_length=300)
    document_number: str | None = Field(None, max_length=64)
    phone: str | None = Field(None, max_length=64)
    citizenship: str | None = Field(None, max_length=2)
    messenger: str | None = Field(None, max_length=120)
    languages: str | None = Field(None, max_length=40)
    employer: str | None = Field(None, max_length=300)
    address: str | None = Field(None, max_length=500)


class CaseIn(Body):
    person: PersonIn
    host_country: str = Field("", max_length=2)
    categories: list[CategoryCode] = Field(default_factory=list, max_length=30)
    summary: str = Field("", max_length=20000)
    urgency: str = Field("normal", json_schema_extra=one_of(*vocab.Urgency.values))
    channel: str = Field("visit", json_schema_extra=one_of(*vocab.Channel.values))


class CaseCreated(Schema):
    id: uuid.UUID
    reference: str
    possible_duplicate: bool


class CasePatch(Body):
    person: PersonPatch | None = None
    host_country: str | None = Field(None, max_length=2)
    categories: list[CategoryCode] | None = Field(None, max_length=30)
    summary: str | None = Field(None, max_length=20000)
    urgency: Annotated[str, Field(json_schema_extra=one_of(*vocab.Urgency.values))] | None = None
    status: Annotated[str, Field(json_schema_extra=one_of(*vocab.Status.values))] | None = None
    outcome: Annotated[str, Field(json_schema_extra=one_of(*vocab.Outcome.values, ""))] | None = None
    outcome_amount: Decimal | None = None
    outcome_currency: str | None = Field(None, max_length=3)


class CaseRow(Schema):
    id: uuid.UUID
    reference: str
    status: str
    urgency: str
    host_country: str
    categories: list[str]
    opened_at: dt.datetime
    possible_duplicate: bool


class CaseList(Schema):
    items: list[CaseRow]
    count: int


class PersonOut(Schema):
    full_name: str
    document_number: str
    phone: str
    citizenship: str
    messenger: str
    languages: str
    employer: str
    address: str
    sex: str
    document_status: str
    host_region: str
    sector: str


class CaseOut(CaseRow):
    person: PersonOut
    summary: str
    channel: str
    outcome: str
    outcome_amount: Decimal | None
    outcome_currency: str
    received_from_referral: uuid.UUID | None


class CitationIn(Schema):
    work_uri: str = Field(max_length=200, description="AKN work URI, e.g. /akn/kz/act/code/2015-11-23/414-v")
    eid: str = Field(max_length=200)
    expression_date: IsoDate
    lang: str = Field("", max_length=3)


class ConsultationIn(Body):
    held_on: IsoDate | None = None
    channel: str = Field("visit", json_schema_extra=one_of(*vocab.Channel.values))
    language: str = Field("ru", max_length=8)
    advice: str = Field("", max_length=20000)
    minutes: int = Field(0, ge=0, le=24 * 60)
    citations: list[CitationIn] = Field(default_factory=list, max_length=50)


class ConsultationOut(Schema):
    id: uuid.UUID
    held_on: dt.date
    channel: str
    language: str
    advice: str
    minutes: int
    citations: list[CitationIn]


class ConsentIn(Body):
    kind: str = Field(
        description="keep | share | statistics", json_schema_extra=one_of(*vocab.ConsentKind.values)
    )
    method: str = Field(
        description="oral | written | electronic", json_schema_extra=one_of(*vocab.ConsentMethod.values)
    )
    given_on: IsoDate | None = None
    partner: uuid.UUID | None = Field(None, description="the organisation a share consent names")
    covers: list[Annotated[str, Field(json_schema_extra=one_of(*vocab.SHAREABLE_FIELDS))]] = Field(
        default_factory=list, description="what a referral may carry; none: everything shareable"
    )


class ConsentOut(Schema):
    id: uuid.UUID
    kind: str
    method: str
    given_on: dt.date
    partner: uuid.UUID | None
    covers: list[str]
    withdrawn_at: dt.datetime | None


class ReferralIn(Body):
    to_organisation: uuid.UUID
    note: str = Field("", max_length=5000)
    urgent_override: bool = False


class ReferralDecision(Body):
    reason: str = Field("", max_length=5000)


class ReferralOut(Schema):
    id: uuid.UUID
    state: str
    direction: str
    from_organisation: uuid.UUID
    to_organisation: uuid.UUID
    urgent_override: bool
    shared_fields: list[str]
    payload: dict | None
    received_case: uuid.UUID | None
    created_at: dt.datetime
    trail: list[dict]
