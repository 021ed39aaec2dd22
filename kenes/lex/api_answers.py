"""What the legal database's API answers: the response schemas, and the functions that fill them from the
read model (:mod:`kenes.lex.reading`).

The API's endpoints (:mod:`kenes.lex.api`) and the portal's ``….json`` pages both answer through
:func:`answer`, so the JSON of a page and of the API for the same AKN URI are one and the same.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from ninja import Schema

from ..site.errors import ApiError
from ..site.fields import IsoDate, JsonObjectBody
from . import history, reading
from .akn.uri import FrbrUri, provision_uri
from .models import AmendmentEffect, Expression, Work, WorkType


class PageMeta(Schema):
    count: int
    limit: int
    offset: int


class JurisdictionOut(Schema):
    code: str
    kind: str
    name: str
    official_languages: list[str]
    members: list[str]


class TopicOut(Schema):
    slug: str
    parent: str | None
    label: str
    labels: dict[str, str]


class WorkOut(Schema):
    frbr_uri: str
    title: str
    short_title: str
    type: str
    jurisdiction: str
    date: dt.date
    number: str
    original_lang: str
    commenced_on: dt.date | None
    repealed_on: dt.date | None
    topics: list[str]
    languages: list[str]


class WorkPage(PageMeta):
    items: list[WorkOut]


class PointInTimeOut(Schema):
    date: dt.date
    languages: list[str]


class EffectOut(Schema):
    eid: str
    effect: str
    in_force_on: dt.date | None
    in_force_text: str
    amending_act: str
    amending_number: str
    amending_date: dt.date | None


class WorkDetail(WorkOut):
    points_in_time: list[PointInTimeOut]
    expressions: list[str]
    amendments: list[EffectOut]
    collective_agreement: dict | None


class TocEntry(Schema):
    eid: str
    kind: str
    num: str
    heading: str
    depth: int


class ExpressionOut(Schema):
    uri: str
    work: str
    lang: str
    date: dt.date
    title: str
    source_name: str
    source_url: str
    retrieved_on: dt.date | None
    content_hash: str
    provisions: int
    toc: list[TocEntry]


class NoteOut(Schema):
    kind: str
    text: str


class NodeOut(Schema):
    eid: str
    kind: str
    num: str
    heading: str
    text: str
    wrap_up: str
    notes: list[NoteOut]
    children: list[NodeOut]


class TranslationOut(Schema):
    lang: str
    uri: str
    expression_date: dt.date
    heading: str
    older_than_original: bool


class ReferenceOut(Schema):
    citation: str
    source_uri: str
    target_work: str | None
    target_eid: str
    target_uri: str | None


class ProvisionOut(Schema):
    uri: str
    work: str
    expression: str
    lang: str
    expression_date: dt.date
    provision: NodeOut
    translations: list[TranslationOut]
    references_out: list[ReferenceOut]
    references_in: list[ReferenceOut]
    history: list[EffectOut]


class SegmentOut(Schema):
    op: str  # same | removed | added
    text: str


class ChangeOut(Schema):
    eid: str
    change: str
    heading: str
    old_text: str
    new_text: str
    segments: list[SegmentOut] = []  # a changed provision's wording, word by word


class DiffOut(Schema):
    work: str
    lang: str
    from_expression: str
    to_expression: str
    changes: list[ChangeOut]
    effects: list[EffectOut] = []  # amendments the publisher's notes record between the two editions


class RatificationOut(Schema):
    country: str
    instrument: str
    instrument_code: str
    instrument_title: str
    status: str
    ratified_on: dt.date | None
    in_force_on: dt.date | None
    denounced_on: dt.date | None
    accepted_parts: list[str]
    declarations: str
    note: str
    source: str
    verified_on: dt.date | None


class RatificationPage(PageMeta):
    items: list[RatificationOut]


class WorkIn(JsonObjectBody):
    frbr_uri: str
    title: str
    short_title: str = ""
    type: str | None = None
    original_lang: str = "rus"
    commenced_on: IsoDate | None = None
    repealed_on: IsoDate | None = None
    topics: list[str] = []


class WorkPatch(JsonObjectBody):
    title: str | None = None
    short_title: str | None = None
    commenced_on: IsoDate | None = None
    repealed_on: IsoDate | None = None
    topics: list[str] | None = None


class ImportOut(Schema):
    status: str
    expression: str
    articles: int
    provisions: int
    notes: int
    references: int
    amendments: int
    summary: str


# ---------------------------------------------------------------- filling them


def work_out(work: Work) -> dict:
    return {
        "frbr_uri": work.frbr_uri,
        "title": work.title,
        "short_title": work.short_title,
        "type": work.work_type,
        "jurisdiction": work.jurisdiction_id,
        "date": work.date,
        "number": work.number,
        "original_lang": work.original_lang,
        "commenced_on": work.commenced_on,
        "repealed_on": work.repealed_on,
        "topics": sorted(t.slug for t in work.topics.all()),
        "languages": sorted({e.lang for e in work.expressions.all()}),
    }


def effect_out(e: AmendmentEffect) -> dict:
    return {
        "eid": e.eid,
        "effect": e.effect,
        "in_force_on": e.in_force_on,
        "in_force_text": e.in_force_text,
        "amending_act": e.amendment.amending_title,
        "amending_number": e.amendment.amending_number,
        "amending_date": e.amendment.date,
    }


def work_detail(work: Work) -> dict:
    ca = (
        getattr(work, "collective_agreement", None)
        if work.work_type == WorkType.COLLECTIVE_AGREEMENT
        else None
    )
    return {
        **work_out(work),
        "points_in_time": [
            {"date": p.date, "languages": list(p.languages)} for p in history.points_in_time(work)
        ],
        "expressions": [e.uri for e in work.expressions.select_related("work").order_by("date", "lang")],
        "amendments": [effect_out(e) for e in reading.history(work)],
        "collective_agreement": None
        if ca is None
        else {
            "level": ca.level,
            "sector": ca.sector,
            "valid_from": ca.valid_from.isoformat(),
            "valid_until": ca.valid_until.isoformat() if ca.valid_until else None,
            "registration_number": ca.registration_number,
            "parties": [{"side": p.side, "name": p.name} for p in ca.parties.all()],
        },
    }


def expression_out(expression: Expression) -> dict:
    toc = expression.provisions.filter(
        kind__in=["preamble", "part", "section", "chapter", "article", "annex"]
    )
    return {
        "uri": expression.uri,
        "work": expression.work.frbr_uri,
        "lang": expression.lang,
        "date": expression.date,
        "title": expression.title,
        "source_name": expression.source_name,
        "source_url": expression.source_url,
        "retrieved_on": expression.retrieved_on,
        "content_hash": expression.content_hash,
        "provisions": expression.provisions.count(),
        "toc": list(toc.order_by("order").values("eid", "kind", "num", "heading", "depth")),
    }


def node_out(read: reading.ProvisionRead) -> dict:
    children: dict[int, list] = {}
    for row in read.rows[1:]:
        children.setdefault(row.parent_id, []).append(row)

    def build(p) -> dict:
        return {
            "eid": p.eid,
            "kind": p.kind,
            "num": p.num,
            "heading": p.heading,
            "text": p.text,
            "wrap_up": p.wrap_up,
            "notes": [{"kind": n.kind, "text": n.text} for n in read.notes.get(p.pk, [])],
            "children": [build(c) for c in children.get(p.pk, [])],
        }

    return build(read.root)


def provision_out(read: reading.ProvisionRead) -> dict:
    work, expression = read.work, read.expression
    eid_of = {r.pk: r.eid for r in read.rows}
    return {
        "uri": read.uri,
        "work": work.frbr_uri,
        "expression": expression.uri,
        "lang": expression.lang,
        "expression_date": expression.date,
        "provision": node_out(read),
        "translations": [
            {
                "lang": t.lang,
                "uri": t.uri,
                "expression_date": t.expression.date,
                "heading": t.provision.heading,
                "older_than_original": t.older_than_original,
            }
            for t in read.translations
        ],
        "references_out": [
            {
                "citation": r.citation,
                "source_uri": provision_uri(expression.uri, eid_of[r.source_id]),
                "target_work": r.target_work.frbr_uri if r.target_work else None,
                "target_eid": r.target_eid,
                "target_uri": reading.target_uri(r),
            }
            for r in read.references_out
        ],
        "references_in": [
            {
                "citation": r.citation,
                "source_uri": r.source.expression.provision_uri(r.source.eid),
                "target_work": work.frbr_uri,
                "target_eid": r.target_eid,
                "target_uri": reading.target_uri(r),
            }
            for r in read.references_in
        ],
        "history": [effect_out(e) for e in read.history],
    }


def _export(expression: Expression, fmt: str) -> HttpResponse:
    from .exporting import export_expression

    body, content_type = export_expression(expression, fmt)
    return HttpResponse(body, content_type=content_type)


def answer(frbr: FrbrUri) -> dict | HttpResponse:
    """The answer for a parsed AKN URI: a work, an expression, one provision, or an export by suffix.

    Raises :class:`ApiError` (404 with what is missing) rather than answering a partial body.
    """
    try:
        work = reading.get_work(frbr.work_uri)
        if frbr.portion and frbr.format in {"xml", "html"}:
            raise ApiError(
                404,
                f"no {frbr.format.upper()} export of one provision: exports are per expression "
                f"({frbr.expression_uri if frbr.lang else frbr.work_uri}.{frbr.format})",
                "not-found",
            )
        date = frbr.expression_date
        if not frbr.lang and not frbr.portion:
            if frbr.format in {"xml", "html"}:
                return _export(reading.expression_in_force(work, None, date), frbr.format)
            return work_detail(work)
        expression = reading.expression_in_force(work, frbr.lang or None, date)
        if not frbr.portion:
            if frbr.format in {"xml", "html"}:
                return _export(expression, frbr.format)
            return expression_out(expression)
        return provision_out(reading.read_provision(work, expression, frbr.portion))
    except reading.NotFound as exc:
        raise ApiError(404, str(exc), "not-found") from exc
