"""``GET /api/search``: the search service over HTTP, every failure a JSON error body."""

from __future__ import annotations

import datetime as dt
import json

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from ..api import ApiError
from .index import IndexMissing
from .service import QueryError, search

router = Router(tags=["search"])


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


class SearchOut(Schema):
    hits: list[HitOut]
    total: int
    citation: bool
    facets: dict[str, list[tuple[str, int]]] | None = None


@router.get("/search", response=SearchOut, summary="Search provisions (citations first, then text)")
def search_endpoint(request: HttpRequest, params: Query[SearchParams]) -> HttpResponse:
    """Provisions in force on ``date`` (default today) matching ``q``; ``explain=1`` says why each ranked.

    ``limit`` is capped at 50 and ``offset`` at 1000. ``snippet`` is HTML-escaped text with ``<mark>``
    around the matched words.
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
        raise ApiError(503, str(exc), code="no-index") from exc
    body = result.as_json()
    if not params.facets:
        body["facets"] = None
    # Serialised here rather than validated again against SearchOut (which documents it): the service
    # built it, and re-validating ten hits costs as much as their snippets.
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/json")
