"""``GET /api/search``: the search service over HTTP, every failure a JSON error body."""

from __future__ import annotations

import datetime as dt
import json
import logging

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from ..site.errors import ApiError
from .index import IndexMissing
from .service import QueryError, search

router = Router(tags=["search"])
log = logging.getLogger("kenes.search")


class SearchParams(Schema):
    q: str = ""
    jurisdiction: str | None = None
    lang: str | None = None
    date: dt.date | None = None
    topic: str | None = None
    type: str | None = None
    work: str | None = None
    limit: int = 10
    offset: int = 0
    group: bool = False
    explain: bool = False
    facets: bool = False


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


class SearchOut(Schema):
    hits: list[HitOut]
    not_held_on_date: list[NotHeldOut] = Field(
        [],
        description="with a date: acts held only in editions later than it (none of their text is searched)",
    )
    total: int = Field(
        description="Results after collapsing the entries of one article (what offset pages through); "
        "every offset below it (up to 1000) returns hits. Exact unless total_is_estimate."
    )
    total_is_estimate: bool = Field(
        False, description="true when the query matched more than 10,000 index entries: total is approximate"
    )
    citation: bool
    facets: dict[str, list[tuple[str, int]]] | None = Field(
        None,
        description="with facets=1: per facet, [value, results] with the most results first, counted in "
        "the unit of total (so jurisdiction, type and language each add up to total; a result may have "
        "several topics)",
    )
    facets_are_estimate: bool = Field(
        False, description="true when the facet counts are approximate (above 10,000 matching entries)"
    )


@router.get("/search", response=SearchOut, summary="Search provisions (citations first, then text)")
def search_endpoint(request: HttpRequest, params: Query[SearchParams]) -> HttpResponse:
    """Provisions in force on ``date`` (default today) matching ``q``; ``explain=1`` says why each ranked.

    ``limit`` is capped at 50 and ``offset`` at 1000. ``total`` counts results as listed (one per article,
    or per work with ``group=1``), so ``offset < total`` always returns hits; above 10,000 matching entries
    it is an estimate (``total_is_estimate``). ``snippet`` is HTML-escaped text with ``<mark>`` around
    the matched words.
    """
    try:
        result = search(
            params.q,
            jurisdiction=params.jurisdiction,
            work_type=params.type,
            topic=params.topic,
            lang=params.lang,
            date=params.date,
            work=params.work,
            limit=params.limit,
            offset=params.offset,
            group_by_work=params.group,
            explain=params.explain,
            facets=params.facets,
        )
    except QueryError as exc:
        raise ApiError(400, str(exc), code="bad-query") from exc
    except IndexMissing as exc:
        log.error("search request without an index: %s", exc)  # the path is for the log, not the public
        raise ApiError(
            503, "the search index has not been built yet: run `kenes reindex`", code="no-index"
        ) from exc
    body = result.as_json()
    if not params.facets:
        body["facets"] = None
    # Serialised here rather than validated again against SearchOut (which documents it): the service
    # built it, and re-validating ten hits costs as much as their snippets.
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/json")
