"""Request and response bodies of ``/api/desk/`` (what the OpenAPI document shows)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from ninja import Schema
from pydantic import Field


class PersonIn(Schema):
    full_name: str = Field(min_length=1, max_length=300)
    document_number: str = Field("", max_length=64)
    phone: str = Field("", max_length=64)
    citizenship: str = Field("", max_length=2, description="ISO 3166-1 alpha-2, e.g. uz")
    messenger: str = Field("", max_length=120)
    languages: str = Field("", max_length=40, description="comma-separated language codes")
    birth_date: str = Field("", max_length=10)
    employer: str = Field("", max_length=300)
    address: str = Field("", max_length=500)
    sex: str = Field("", max_length=1)
    document_status: str = Field("", max_length=20)
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


class CaseIn(Schema):
    person: PersonIn
    host_country: str = Field("", max_length=2)
    categories: list[str] = Field(default_factory=list, max_length=30)
    summary: str = Field("", max_length=20000)
    urgency: str = "normal"
    channel: str = "visit"


class CaseCreated(Schema):
    id: uuid.UUID
    reference: str
    possible_duplicate: bool


class CasePatch(Schema):
    person: PersonPatch | None = None
    host_country: str | None = Field(None, max_length=2)
    categories: list[str] | None = Field(None, max_length=30)
    summary: str | None = Field(None, max_length=20000)
    urgency: str | None = None
    status: str | None = None
    outcome: str | None = None
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
    expression_date: dt.date
    lang: str = Field("", max_length=3)


class ConsultationIn(Schema):
    held_on: dt.date | None = None
    channel: str = "visit"
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


class ConsentIn(Schema):
    kind: str = Field(description="keep | share | statistics")
    method: str = Field(description="oral | written | electronic")
    given_on: dt.date | None = None
    partner: uuid.UUID | None = Field(None, description="the organisation a share consent names")
    covers: list[str] = Field(default_factory=list)


class ConsentOut(Schema):
    id: uuid.UUID
    kind: str
    method: str
    given_on: dt.date
    partner: uuid.UUID | None
    covers: list[str]
    withdrawn_at: dt.datetime | None


class ReferralIn(Schema):
    to_organisation: uuid.UUID
    note: str = Field("", max_length=5000)
    urgent_override: bool = False


class ReferralDecision(Schema):
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
