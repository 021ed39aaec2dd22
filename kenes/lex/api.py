"""Read API of the legal database (and the editor's write operations), mounted under /api/."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import HttpBasicAuth, django_auth

from kenes.accounts.roles import is_editor

from ..site.errors import ApiError
from . import history
from .akn import uri as akn_uri
from .importing import ImportRefused, import_file, new_work, parse_work_uri
from .models import (
    AmendmentEffect,
    Expression,
    Jurisdiction,
    Provision,
    Ratification,
    Reference,
    Topic,
    Work,
    WorkType,
)

router = Router(tags=["legal database"])

MAX_LIMIT = 100
#: Deeper pages than this are refused: no listing here is that long, and a huge offset is a 500 in SQL.
MAX_OFFSET = 100_000


class BasicAuth(HttpBasicAuth):
    """HTTP Basic for scripts; browsers use the session (with CSRF).

    It is tried before the session: ninja stops at the first auth callback that raises, and the session's
    CSRF check raises for every request without a token, which a script never has. A request that sends
    Basic credentials is judged on them alone: wrong ones are a 401, never a CSRF failure.
    """

    def __call__(self, request: HttpRequest) -> AbstractBaseUser | None:
        if not request.headers.get(self.header):
            return None
        user = super().__call__(request)
        if user is None:
            raise ApiError(401, "the HTTP Basic user name or password was not accepted", "unauthenticated")
        return user

    def authenticate(self, request: HttpRequest, username: str, password: str) -> AbstractBaseUser | None:
        from django.contrib.auth import authenticate

        from kenes.accounts.login import basic_refused_message, needs_second_factor

        user = authenticate(request, username=username, password=password)
        if user is not None and needs_second_factor(user):
            raise ApiError(401, basic_refused_message(), "second-factor-required")
        if user is not None:
            request.user = user
        return user


EDITOR_AUTH = [BasicAuth(), django_auth]


def require_editor(request: HttpRequest) -> None:
    user = getattr(request, "auth", None) or request.user
    if not is_editor(user):
        raise PermissionDenied("this operation needs the editor role")


# ---------------------------------------------------------------- schemas


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


class ChangeOut(Schema):
    eid: str
    change: str
    heading: str
    old_text: str
    new_text: str


class DiffOut(Schema):
    work: str
    lang: str
    from_expression: str
    to_expression: str
    changes: list[ChangeOut]


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


class WorkIn(Schema):
    frbr_uri: str
    title: str
    short_title: str = ""
    type: str | None = None
    original_lang: str = "rus"
    commenced_on: dt.date | None = None
    repealed_on: dt.date | None = None
    topics: list[str] = []


class WorkPatch(Schema):
    title: str | None = None
    short_title: str | None = None
    commenced_on: dt.date | None = None
    repealed_on: dt.date | None = None
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


# ---------------------------------------------------------------- helpers


def _page(limit: int, offset: int) -> tuple[int, int]:
    """The page asked for, the limit capped at MAX_LIMIT; a negative or absurd offset is a 400."""
    if limit < 1 or offset < 0:
        raise ApiError(400, "limit must be at least 1 and offset at least 0", "invalid")
    if offset > MAX_OFFSET:
        raise ApiError(400, f"offset must be at most {MAX_OFFSET}", "invalid")
    return min(limit, MAX_LIMIT), offset


def _parse_date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)", "invalid") from exc


def _work_out(work: Work) -> dict:
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


def _effect_out(e: AmendmentEffect) -> dict:
    return {
        "eid": e.eid,
        "effect": e.effect,
        "in_force_on": e.in_force_on,
        "in_force_text": e.in_force_text,
        "amending_act": e.amendment.amending_title,
        "amending_number": e.amendment.amending_number,
        "amending_date": e.amendment.date,
    }


def _get_work(work_uri: str) -> Work:
    work = Work.objects.select_related("jurisdiction").filter(frbr_uri=work_uri).first()
    if work is None:
        raise ApiError(404, f"no work {work_uri} in the database", "not-found")
    return work


def _expression_for(work: Work, lang: str | None, date: dt.date | None) -> Expression:
    on = date or timezone.localdate()
    expression = work.expression_at(lang, on)
    if expression is None:
        held = ", ".join(f"{e.lang}@{e.date}" for e in work.expressions.order_by("date")) or "none"
        raise ApiError(
            404,
            f"{work.frbr_uri} has no {lang or work.original_lang} expression in force on {on}; held: {held}",
            "not-found",
        )
    return expression


def _node_out(root: Provision, rows: list[Provision], notes: dict[int, list]) -> dict:
    children: dict[int, list[Provision]] = {}
    for r in rows:
        if r.parent_id:
            children.setdefault(r.parent_id, []).append(r)

    def build(p: Provision) -> dict:
        return {
            "eid": p.eid,
            "kind": p.kind,
            "num": p.num,
            "heading": p.heading,
            "text": p.text,
            "wrap_up": p.wrap_up,
            "notes": [{"kind": n.kind, "text": n.text} for n in notes.get(p.pk, [])],
            "children": [build(c) for c in children.get(p.pk, [])],
        }

    return build(root)


def _subtree(expression: Expression, root: Provision) -> list[Provision]:
    """The provision and its descendants: the rows after it in document order deeper than it."""
    following = expression.provisions.filter(order__gt=root.order).order_by("order")
    next_sibling = following.filter(depth__lte=root.depth).values_list("order", flat=True).first()
    if next_sibling is not None:
        following = following.filter(order__lt=next_sibling)
    return [root, *following]


def _target_uri(ref: Reference) -> str | None:
    if ref.target_work is None:
        return None
    return ref.target_work.frbr_uri + (f"/~{ref.target_eid}" if ref.target_eid else "")


# ---------------------------------------------------------------- endpoints


@router.get("/jurisdictions", response=list[JurisdictionOut], summary="Jurisdictions")
def list_jurisdictions(request: HttpRequest) -> list[dict]:
    return [
        {
            "code": j.code,
            "kind": j.kind,
            "name": j.name,
            "official_languages": [x for x in j.official_languages.split(",") if x],
            "members": sorted(m.code for m in j.members.all()),
        }
        for j in Jurisdiction.objects.prefetch_related("members")
    ]


@router.get("/topics", response=list[TopicOut], summary="The topic taxonomy")
def list_topics(request: HttpRequest) -> list[dict]:
    topics = Topic.objects.select_related("parent").prefetch_related("labels")
    return [
        {
            "slug": t.slug,
            "parent": t.parent.slug if t.parent else None,
            "label": t.label(),
            "labels": {lab.lang: lab.label for lab in t.labels.all()},
        }
        for t in topics
    ]


@router.get("/works", response=WorkPage, summary="Works, filtered")
def list_works(
    request: HttpRequest,
    jurisdiction: str | None = None,
    type: str | None = None,  # noqa: A002 - the public parameter name
    topic: str | None = None,
    in_force_on: str | None = None,
    q: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict:
    """Filter by jurisdiction code, work type, topic slug (its sub-topics included), a date the work was in
    force on, and words of the title or short title."""
    limit, offset = _page(limit, offset)
    qs = Work.objects.select_related("jurisdiction").prefetch_related("topics", "expressions")
    if jurisdiction:
        qs = qs.filter(jurisdiction_id=jurisdiction)
    if type:
        if type not in WorkType.values:
            raise ApiError(400, f"unknown type {type!r}; one of: {', '.join(WorkType.values)}", "invalid")
        qs = qs.filter(work_type=type)
    if topic:
        qs = qs.filter(Q(topics__slug=topic) | Q(topics__parent__slug=topic)).distinct()
    on = _parse_date(in_force_on, "in_force_on")
    if on:
        qs = qs.filter(Q(commenced_on__isnull=True) | Q(commenced_on__lte=on))
        qs = qs.filter(Q(repealed_on__isnull=True) | Q(repealed_on__gt=on))
    if q:
        for word in q.split()[:10]:
            qs = qs.filter(Q(title__icontains=word) | Q(short_title__icontains=word))
    qs = qs.order_by("jurisdiction_id", "-date", "number")
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "items": [_work_out(w) for w in qs[offset : offset + limit]],
    }


@router.get(
    "/akn/{path:uri}",
    response={200: WorkDetail | ExpressionOut | ProvisionOut},
    summary="A work, an expression or one provision by its AKN URI",
)
def by_uri(request: HttpRequest, uri: str) -> dict | HttpResponse:
    """``/akn/kz/act/code/2015-11-23/414-v`` (work), ``…/rus@2024-01-01`` (the expression in force on that
    date), ``…/rus@2024-01-01/~art_113`` (one provision with its translations, references and history).
    A ``.xml`` or ``.html`` suffix on an expression gives its AKN XML or HTML."""
    try:
        frbr = akn_uri.parse("/akn/" + uri)
    except ValueError as exc:
        raise ApiError(400, str(exc), "invalid-uri") from exc
    work = _get_work(frbr.work_uri)
    date = frbr.expression_date
    if frbr.portion and frbr.format in {"xml", "html"}:
        raise ApiError(
            404,
            f"no {frbr.format.upper()} export of one provision: exports are per expression "
            f"({frbr.expression_uri if frbr.lang else frbr.work_uri}.{frbr.format})",
            "not-found",
        )
    if not frbr.lang and not frbr.portion:
        if frbr.format in {"xml", "html"}:
            return _export_response(_expression_for(work, None, date), frbr.format)
        return _work_detail(work)
    expression = _expression_for(work, frbr.lang or None, date)
    if not frbr.portion:
        if frbr.format in {"xml", "html"}:
            return _export_response(expression, frbr.format)
        return _expression_out(expression)
    return _provision_out(work, expression, frbr.portion)


def _work_detail(work: Work) -> dict:
    effects = AmendmentEffect.objects.filter(amendment__amended_work=work).select_related("amendment")
    ca = (
        getattr(work, "collective_agreement", None)
        if work.work_type == WorkType.COLLECTIVE_AGREEMENT
        else None
    )
    return {
        **_work_out(work),
        "points_in_time": [
            {"date": p.date, "languages": list(p.languages)} for p in history.points_in_time(work)
        ],
        "expressions": [e.uri for e in work.expressions.select_related("work").order_by("date", "lang")],
        "amendments": [_effect_out(e) for e in effects.order_by("in_force_on", "eid")],
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


def _expression_out(expression: Expression) -> dict:
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


def _provision_out(work: Work, expression: Expression, eid: str) -> dict:
    root = history.provision_at(work, expression.lang, expression.date, eid)
    if root is None:
        raise ApiError(404, f"{expression.uri} has no provision {eid}", "not-found")
    rows = _subtree(expression, root)
    notes: dict[int, list] = {}
    for n in expression.notes.filter(provision__in=[r.pk for r in rows]).order_by("order"):
        notes.setdefault(n.provision_id, []).append(n)
    base = f"{work.frbr_uri}/{expression.lang}@{expression.date.isoformat()}"
    original = work.expression_at(work.original_lang, expression.date)
    translations = []
    for lang in sorted({e.lang for e in work.expressions.all()} - {expression.lang}):
        other = work.expression_at(lang, expression.date)
        if other is None:
            continue
        match = other.provisions.filter(eid=root.eid).first()
        if match is None:
            continue
        translations.append(
            {
                "lang": lang,
                "uri": f"{work.frbr_uri}/{lang}@{other.date.isoformat()}/~{root.eid}",
                "expression_date": other.date,
                "heading": match.heading,
                "older_than_original": bool(
                    original and lang != work.original_lang and other.date < original.date
                ),
            }
        )
    ids = [r.pk for r in rows]
    refs_out = Reference.objects.filter(source_id__in=ids).select_related("target_work")
    prefix_q = Q(target_eid=root.eid) | Q(target_eid__startswith=root.eid + "__")
    refs_in = (
        Reference.objects.filter(target_work=work)
        .filter(prefix_q)
        .select_related("source__expression__work", "target_work")
        .filter(source__expression__lang=expression.lang)[:200]
    )
    effects = AmendmentEffect.objects.filter(amendment__amended_work=work).filter(
        Q(eid=root.eid) | Q(eid__startswith=root.eid + "__")
    )
    return {
        "uri": f"{base}/~{root.eid}",
        "work": work.frbr_uri,
        "expression": expression.uri,
        "lang": expression.lang,
        "expression_date": expression.date,
        "provision": _node_out(root, rows, notes),
        "translations": translations,
        "references_out": [
            {
                "citation": r.citation,
                "source_uri": f"{base}/~{next(x.eid for x in rows if x.pk == r.source_id)}",
                "target_work": r.target_work.frbr_uri if r.target_work else None,
                "target_eid": r.target_eid,
                "target_uri": _target_uri(r),
            }
            for r in refs_out
        ],
        "references_in": [
            {
                "citation": r.citation,
                "source_uri": f"{r.source.expression.uri}/~{r.source.eid}",
                "target_work": work.frbr_uri,
                "target_eid": r.target_eid,
                "target_uri": _target_uri(r),
            }
            for r in refs_in
        ],
        "history": [_effect_out(e) for e in effects.select_related("amendment").order_by("in_force_on")],
    }


def _export_response(expression: Expression, fmt: str) -> HttpResponse:
    from .exporting import export_expression

    body, content_type = export_expression(expression, fmt)
    return HttpResponse(body, content_type=content_type)


@router.get("/points-in-time", response=list[PointInTimeOut], summary="Dates from which a wording is held")
def points_in_time(request: HttpRequest, work: str) -> list[dict]:
    w = _get_work(work)
    return [{"date": p.date, "languages": list(p.languages)} for p in history.points_in_time(w)]


@router.get("/diff", response=DiffOut, summary="Provision-level changes of a work between two dates")
def diff(request: HttpRequest, work: str, date_from: str, date_to: str, lang: str | None = None) -> dict:
    w = _get_work(work)
    start = _parse_date(date_from, "date_from")
    end = _parse_date(date_to, "date_to")
    if start and end and start > end:
        raise ApiError(400, f"date_from ({start}) is after date_to ({end})", "invalid")
    old = _expression_for(w, lang, start)
    new = _expression_for(w, lang, end)
    changes = history.diff_expressions(old, new)
    return {
        "work": w.frbr_uri,
        "lang": new.lang,
        "from_expression": old.uri,
        "to_expression": new.uri,
        "changes": [c.__dict__ for c in changes],
    }


@router.get("/ratifications", response=RatificationPage, summary="Ratifications by country or instrument")
def list_ratifications(
    request: HttpRequest,
    country: str | None = None,
    instrument: str | None = None,
    status: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> dict:
    """``instrument`` is a work URI or a short code such as ``C097``."""
    limit, offset = _page(limit, offset)
    qs = Ratification.objects.select_related("instrument")
    if country:
        qs = qs.filter(country_id=country)
    if instrument:
        qs = qs.filter(Q(instrument__frbr_uri=instrument) | Q(instrument__short_title__iexact=instrument))
    if status:
        if status not in Ratification.Status.values:
            raise ApiError(400, f"unknown status {status!r}; one of: {', '.join(Ratification.Status.values)}")
        qs = qs.filter(status=status)
    qs = qs.order_by("country_id", "instrument__short_title")
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "items": [
            {
                "country": r.country_id,
                "instrument": r.instrument.frbr_uri,
                "instrument_code": r.instrument.short_title,
                "instrument_title": r.instrument.title,
                "status": r.status,
                "ratified_on": r.ratified_on,
                "in_force_on": r.in_force_on,
                "denounced_on": r.denounced_on,
                "accepted_parts": r.parts,
                "declarations": r.declarations,
                "note": r.note,
                "source": r.source,
                "verified_on": r.verified_on,
            }
            for r in qs[offset : offset + limit]
        ],
    }


# ---------------------------------------------------------------- writes (editor role)


def _topics(slugs: list[str]) -> list[Topic]:
    """The topics named, or a 400 naming the unknown ones (checked before anything is written)."""
    if any("\x00" in slug for slug in slugs):
        raise ApiError(400, "topics: a slug must not contain a NUL character", "invalid")
    topics = list(Topic.objects.filter(slug__in=slugs))
    unknown = set(slugs) - {t.slug for t in topics}
    if unknown:
        raise ApiError(400, f"topics: unknown {', '.join(sorted(unknown))}", "invalid")
    return topics


def _validate(work: Work) -> None:
    """Everything the model says about the row (lengths, a title, dates in order), before it is saved, so
    a refused write is a 400 naming the field on every database rather than a DataError on PostgreSQL."""
    errors: dict[str, list[str]] = {}
    for name in ("title", "short_title", "original_lang"):
        if "\x00" in getattr(work, name):
            errors.setdefault(name, []).append("must not contain a NUL character")
    if not re.fullmatch(r"[a-z]{3}", work.original_lang):
        errors.setdefault("original_lang", []).append("must be a three-letter AKN code such as rus")
    if work.commenced_on and work.repealed_on and work.repealed_on < work.commenced_on:
        errors.setdefault("repealed_on", []).append(
            f"{work.repealed_on} is before commenced_on ({work.commenced_on})"
        )
    try:
        work.full_clean(exclude=list(errors))
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@router.post("/works", response={201: WorkOut}, auth=EDITOR_AUTH, summary="Create a work (editor)")
def create_work(request: HttpRequest, payload: WorkIn) -> Status:
    """``frbr_uri`` must be a work URI: a language, date, ``~portion`` or ``.format`` part is a 400. A work
    that already exists (compared after normalising the URI) is a 409: edit it with PATCH."""
    require_editor(request)
    try:
        frbr = parse_work_uri(payload.frbr_uri)
    except ValueError as exc:  # ImportRefused included
        raise ApiError(400, str(exc), "invalid-uri") from exc
    if Work.objects.filter(frbr_uri=frbr.work_uri).exists():
        raise ApiError(409, f"{frbr.work_uri} already exists; change it with PATCH", "conflict")
    try:
        work = new_work(frbr, work_type=payload.type, original_lang=payload.original_lang)
    except ImportRefused as exc:
        raise ApiError(400, str(exc), "invalid") from exc
    work.title = payload.title.strip()  # not new_work's fallback to the number: an empty title is a 400
    work.short_title = payload.short_title.strip()
    work.commenced_on = payload.commenced_on
    work.repealed_on = payload.repealed_on
    topics = _topics(payload.topics)
    _validate(work)
    try:
        with transaction.atomic():
            work.save()
            work.topics.set(topics)
    except IntegrityError as exc:  # created by a concurrent request since the check above
        raise ApiError(409, f"{frbr.work_uri} already exists; change it with PATCH", "conflict") from exc
    return Status(201, _work_out(work))


@router.patch("/works", response=WorkOut, auth=EDITOR_AUTH, summary="Edit a work's metadata (editor)")
def patch_work(request: HttpRequest, work: str, payload: WorkPatch) -> dict:
    """All or nothing: every field and topic is checked before the row is saved."""
    require_editor(request)
    w = _get_work(work)
    for name in ("title", "short_title", "commenced_on", "repealed_on"):
        value = getattr(payload, name)
        if value is not None:
            setattr(w, name, value.strip() if isinstance(value, str) else value)
    topics = _topics(payload.topics) if payload.topics is not None else None
    _validate(w)
    with transaction.atomic():
        w.save()
        if topics is not None:
            w.topics.set(topics)
    return _work_out(w)


MAX_UPLOAD = 50 * 1024 * 1024


@router.post("/import", response={200: ImportOut, 201: ImportOut}, auth=EDITOR_AUTH, summary="Import a file")
def import_upload(
    request: HttpRequest,
    file: File[UploadedFile],
    work: Form[str] = "",
    lang: Form[str] = "",
    date: Form[str] = "",
    title: Form[str] = "",
    type: Form[str] = "",  # noqa: A002
    replace: Form[bool] = False,
) -> Status:
    """Upload txt, md, html, docx, pdf or AKN XML as one expression.

    Atomic, and idempotent: the same content twice changes nothing.
    """
    require_editor(request)
    fields = {"work": work, "lang": lang, "date": date, "title": title, "type": type}
    for name, value in fields.items():
        if "\x00" in value:
            raise ApiError(400, f"{name}: must not contain a NUL character", "invalid")
    longest = Work._meta.get_field("title").max_length
    if len(title) > longest:
        raise ApiError(400, f"title: at most {longest} characters ({len(title)} given)", "invalid")
    if file.size and file.size > MAX_UPLOAD:
        raise ApiError(413, f"file too large ({file.size} bytes; at most {MAX_UPLOAD})", "too-large")
    name = Path(file.name or "upload").name or "upload"  # basename only: never a path from the client
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        with path.open("wb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        try:
            result = import_file(
                path,
                work_uri=work or None,
                lang=lang or None,
                date=_parse_date(date, "date"),
                title=title or None,
                work_type=type or None,
                replace=replace,
                source_name=f"upload by {request.user}",
            )
        except (ImportRefused, ValueError) as exc:
            raise ApiError(400, str(exc).replace(str(path), name), "import-refused") from exc
    body = {
        "status": result.status,
        "expression": result.expression.uri,
        "articles": result.articles,
        "provisions": result.provisions,
        "notes": result.notes,
        "references": result.references,
        "amendments": result.amendments,
        "summary": result.summary(),
    }
    return Status(201 if result.status == "created" else 200, body)
