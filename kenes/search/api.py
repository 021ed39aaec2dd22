"""``GET /api/search``: the search service over HTTP, every failure a JSON error body."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from pydantic import ValidationError as PydanticError

from ..site.errors import ApiError
from ..site.fields import IsoDate
from . import check_scope
from .index import IndexMissing
from .service import QueryError, QueryTooLong, SearchRequest, search

router = Router(tags=["search"])
log = logging.getLogger("kenes.search")


class SearchParams(Schema):
    q: str = ""
    jurisdiction: str | None = Field(
        None,
        description="a country or body code (kz, kg, aa-ilo…; any other is a 400); * for every country. "
        "Without it, a question "
        'or a few keywords that name one country search that country\'s law ("overtime pay KZ"), and so '
        "does a question naming none that is written in a language only that country works in, Kazakh "
        "(notice 'place', with its 'language')",
    )
    lang: str | None = None
    date: IsoDate | None = None
    topic: str | None = None
    type: str | None = None
    work: str | None = None
    limit: int = 10
    offset: int = 0
    group: bool = False
    explain: bool = False
    facets: bool = False
    not_here: bool = Field(
        True,
        description="false: list the nearest articles even for a question about law not held here "
        "(instead of the 'not-here' notice)",
    )

    def request(self) -> SearchRequest:
        return SearchRequest.from_params(self.q, self)


class HitOut(Schema):
    work: str
    work_title: str
    lang: str
    date: dt.date
    eid: str
    num: str
    heading: str
    kind: str
    snippet: str
    score: float
    citation: bool
    explanation: dict | None = None


class NotHeldOut(Schema):
    work: str
    title: str
    # "from" is a Python keyword
    first_edition: str = Field(alias="from", description="the date of the earliest edition held")


class BasisOut(Schema):
    label: str = Field(description="the article as a lawyer cites it")
    work: str = Field(description="the work's AKN URI")
    eid: str = Field(description="the article's eId")
    url: str = Field(description="the article's reader page, as in force on the search's date")


class CheckOut(Schema):
    slug: str = Field(description="the rights rule (kenes.rights)")
    url: str = Field(description="the check's page, the country searched chosen where it asks for one")
    api: str = Field(description="the check's API endpoint (POST)")
    basis: list[BasisOut] = Field(
        default_factory=list,
        description="the articles the check rests on for the country searched, held in the database",
    )


class NoticeOut(Schema):
    code: str
    message: str
    topic: str = ""
    language: str = Field("", description="'place': the question's language, where it named no country")
    eid: str = Field("", description="'citation-not-found': the provision cited, which the work cited lacks")


class SearchOut(Schema):
    hits: list[HitOut]
    not_held_on_date: list[NotHeldOut] = Field(
        [],
        description="with a date: acts held only in editions later than it (none of their text is searched)",
    )
    total: int = Field(
        description="Results after collapsing the entries of one article (what offset pages through); "
        "while it is exact, every offset below it (up to 1000) returns hits; an estimate may be off either "
        "way, and a page past the real end comes back empty with the exact total."
    )
    total_is_estimate: bool = Field(
        False,
        description="true when the query matched more than 1,000 index entries: total is approximate (with "
        "facets=1, or with group=1, a HyperLogLog count within a few per cent; without, estimated from the "
        "matching entries and the lower of the index's and the first page's entries per article, usually "
        "low, within about a factor of two)",
    )
    citation: bool
    facets: dict[str, list[tuple[str, int]]] | None = Field(
        None,
        description="with facets=1: per facet, [value, results] with the most results first, counted in "
        "the unit of total (so jurisdiction, type and language each add up to total; a result may have "
        "several topics)",
    )
    facets_are_estimate: bool = Field(
        False, description="true when the facet counts are approximate (above 1,000 matching entries)"
    )
    question: bool = Field(False, description="the query was read as a question (a situation described)")
    checks: list[CheckOut] = Field(
        default_factory=list,
        description=(
            "rights checks that answer the question, best first: show them before the articles; only "
            "those that hold rules for the country searched, when one is"
        ),
    )
    checks_withheld: list[str] = Field(
        default_factory=list,
        description=(
            "rights checks the question names that hold no rules for the country searched (they count by "
            "another country's law), so not offered: an advisory centre of that country can help"
        ),
    )
    notices: list[NoticeOut] = Field(
        default_factory=list,
        description=(
            "why the result is empty or partial: nothing-searchable, cut, not-here; not-here-shown: the "
            "same reading, the articles listed as not_here=false asked; place: the question names one "
            "country, or names none and is written in its language ('language'), and only its law was "
            "searched (jurisdiction=* searches every country); place-not-held: the question names a country "
            "('topic') whose law is not held, so every country's was searched and no check counting by "
            "another country's law is offered; citation-not-found: the query cites a provision ('eid') of "
            "a work held ('topic') that has no such provision in force on the date (no hits: its words are "
            "not searched); citation-work: the query is only a work's name ('topic': the work)"
        ),
    )


#: For the OpenAPI document (kenes.api.KenesAPI): no index built yet.
OPENAPI_ERRORS = {("get", "/api/search"): (503,)}
#: A query of only blanks is refused (400 "the query is empty").
OPENAPI_PARAMETERS = {("get", "/api/search", "q"): {"pattern": r"\S"}}


@router.get(
    "/search",
    response=SearchOut,
    by_alias=True,  # the document says "from", as the answer does
    summary="Search provisions (citations first, then text)",
)
def search_endpoint(request: HttpRequest, params: Query[SearchParams]) -> HttpResponse:
    """Provisions in force on ``date`` (default today) matching ``q``; ``explain=1`` says why each ranked.

    ``limit`` is capped at 50 and ``offset`` at 1000. ``total`` counts results as listed (one per article,
    or per work with ``group=1``), so ``offset < total`` returns hits while it is exact; above 1,000
    matching entries it is an estimate (``total_is_estimate``): counting more costs a second pass as long
    as the query.
    ``snippet`` is HTML-escaped text with ``<mark>`` around the matched words.
    """
    return _answer(params)


@router.post(
    "/search",
    response=SearchOut,
    by_alias=True,  # as GET: the document says "from"
    summary="Search with a long question (JSON body)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": SearchParams.model_json_schema()}},
        }
    },
)
def search_post(request: HttpRequest) -> HttpResponse:
    """The same search with the parameters in a JSON body: for a question of up to 20,000 characters
    (a pasted letter), which no URL carries comfortably. A query over 100 KB is refused with a 413."""
    try:
        raw = request.body
    except RequestDataTooBig:
        raise ApiError(413, "the request body is too large to read", code="query-too-long") from None
    try:
        data = json.loads(raw or b"null")
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc}", code="malformed-json") from None
    if not isinstance(data, dict):
        raise ApiError(400, "the body must be a JSON object with q and the filters", code="bad-query")
    try:
        params = SearchParams.model_validate(data)
    except PydanticError as exc:
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        raise ApiError(400, f"invalid search parameters: {where}", code="bad-query") from None
    return _answer(params)


def _answer(params: SearchParams) -> HttpResponse:
    try:
        result = search(params.request())
    except QueryTooLong as exc:
        raise ApiError(413, str(exc), code="query-too-long") from exc
    except QueryError as exc:
        raise ApiError(400, str(exc), code="bad-query") from exc
    except IndexMissing as exc:
        log.error("search request without an index: %s", exc)  # the path is for the log, not the public
        raise ApiError(
            503, "the search index has not been built yet: run `kenes reindex`", code="no-index"
        ) from exc
    body = result.as_json()
    on = params.date or timezone.localdate()
    body["checks"] = [
        {
            "slug": slug,
            "url": check_scope.url(slug, result.place),
            "api": f"/api/rights/{slug}",
            "basis": [
                {"label": b["label"], "work": b["work"], "eid": b["eid"], "url": b["reader_url"]}
                for b in check_scope.basis(slug, result.place, on)
            ],
        }
        for slug in result.checks
    ]
    if not params.facets:
        body["facets"] = None
    # Serialised here rather than validated again against SearchOut (which documents it): the service
    # built it, and re-validating ten hits costs as much as their snippets.
    started = time.perf_counter()
    response = HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/json")
    stages = {**result.timings, "json": (time.perf_counter() - started) * 1000}
    # where the request's time went (browsers' developer tools and bench/search.py read it)
    response["Server-Timing"] = ", ".join(f"{name};dur={ms:.2f}" for name, ms in stages.items())
    return response
