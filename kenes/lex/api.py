"""Read API of the legal database (and the editor's write operations), mounted under /api/.

The endpoints parse and check what the client sent; what they answer is built by
:mod:`kenes.lex.api_answers` from the read model (:mod:`kenes.lex.reading`).
"""

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
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile
from ninja.security import HttpBasicAuth

from kenes.accounts.roles import is_editor

from ..site.apiauth import LoginSession
from ..site.errors import ApiError
from . import editions, history, reading
from .akn import uri as akn_uri
from .api_answers import (
    DiffOut,
    ExpressionOut,
    ImportOut,
    JurisdictionOut,
    PointInTimeOut,
    ProvisionOut,
    RatificationPage,
    TopicOut,
    WorkDetail,
    WorkIn,
    WorkOut,
    WorkPage,
    WorkPatch,
    answer,
    effect_out,
    work_out,
)
from .audit import record_import
from .importing import ImportRefused, import_file, new_work, parse_work_uri
from .models import (
    Expression,
    Jurisdiction,
    Ratification,
    Topic,
    Work,
    WorkType,
)

router = Router(tags=["legal database"])

MAX_LIMIT = 100
#: Deeper pages than this are refused: no listing here is that long, and a huge offset is a 500 in SQL.
MAX_OFFSET = 100_000

#: For the OpenAPI document (kenes.api.KenesAPI): errors beyond 400/422/401/403/413, and values the views
#: check themselves (a 400 otherwise).
OPENAPI_ERRORS: dict[tuple[str, str], tuple[int, ...]] = {
    ("post", "/api/works"): (409,),
    ("patch", "/api/works"): (404,),
    ("get", "/api/akn/{uri}"): (404,),
    ("get", "/api/points-in-time"): (404,),
    ("get", "/api/diff"): (404,),
    ("post", "/api/import"): (503,),  # SQLite busy with another import past its timeout
}
OPENAPI_PARAMETERS: dict[tuple[str, str, str], dict] = {
    ("get", "/api/works", "type"): {"enum": [*WorkType.values, ""]},  # empty: any type
    ("get", "/api/works", "in_force_on"): {"pattern": r"^(\d{4}-\d{2}-\d{2})?$"},  # empty: any date
    ("get", "/api/diff", "date_from"): {"format": "date"},
    ("get", "/api/diff", "date_to"): {"format": "date"},
    ("get", "/api/ratifications", "status"): {"enum": [*Ratification.Status.values, ""]},
    **{
        ("get", path, name): facts
        for path in ("/api/works", "/api/ratifications")
        for name, facts in (("offset", {"minimum": 0, "maximum": MAX_OFFSET}), ("limit", {"minimum": 1}))
    },
}


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
        return _editor_only(user)

    def authenticate(self, request: HttpRequest, username: str, password: str) -> AbstractBaseUser | None:
        from django.contrib.auth import authenticate

        from kenes.accounts.login import basic_refused_message, needs_second_factor

        user = authenticate(request, username=username, password=password)
        if user is not None and needs_second_factor(user):
            raise ApiError(401, basic_refused_message(), "second-factor-required")
        if user is not None:
            request.user = user
        return user


def _editor_only(user: AbstractBaseUser) -> AbstractBaseUser:
    """Every operation behind EDITOR_AUTH is an editor's: refusing others here, in authentication, answers
    before ninja reads the body (an upload is never received from someone who may not import)."""
    if not is_editor(user):
        raise PermissionDenied("this operation needs the editor role")
    return user


class EditorSessionAuth(LoginSession):
    """The browser session, for editors only (the role is checked before the CSRF check reads the body)."""

    def __call__(self, request: HttpRequest) -> AbstractBaseUser | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            _editor_only(user)
        return super().__call__(request)


EDITOR_AUTH = [BasicAuth(), EditorSessionAuth()]


def require_editor(request: HttpRequest) -> None:
    user = getattr(request, "auth", None) or request.user
    if not is_editor(user):
        raise PermissionDenied("this operation needs the editor role")


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


def _get_work(work_uri: str) -> Work:
    try:
        return reading.get_work(work_uri)
    except reading.NotFound as exc:
        raise ApiError(404, str(exc), "not-found") from exc


def _expression_for(work: Work, lang: str | None, date: dt.date | None) -> Expression:
    try:
        return reading.expression_in_force(work, lang, date)
    except reading.NotFound as exc:
        raise ApiError(404, str(exc), "not-found") from exc


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
        "items": [work_out(w) for w in qs[offset : offset + limit]],
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
    return answer(frbr)


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
    comparison = editions.compare(old, new)
    return {
        "work": w.frbr_uri,
        "lang": new.lang,
        "from_expression": comparison.old.uri,
        "to_expression": comparison.new.uri,
        "changes": [{**c.__dict__, "segments": [s.__dict__ for s in c.segments]} for c in comparison.changes],
        "effects": [effect_out(e) for e in comparison.effects],
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
    return Status(201, work_out(work))


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
    return work_out(w)


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
    force: Form[bool] = False,
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
                force=force,
            )
        except (ImportRefused, ValueError) as exc:
            raise ApiError(400, str(exc).replace(str(path), name), "import-refused") from exc
    record_import(request.auth, result.expression, result.status, name)
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
