"""What a search is asked: one frozen value the API, the pages, the command line and the benches build.

It used to travel as twelve keyword arguments through three callers, each spelling them slightly
differently; now each caller builds a :class:`SearchRequest` (``from_params`` reads the API's and the
command line's query-string names) and the service reads nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["ANY_JURISDICTION", "MAX_LIMIT", "MAX_OFFSET", "SearchRequest"]

MAX_LIMIT = 50
#: ``jurisdiction`` meaning every country, whatever the question names
ANY_JURISDICTION = "*"
MAX_OFFSET = 1000


#: Field -> its query-string name (the API's ``/api/search`` parameters, the command line's options).
PARAM_NAMES: dict[str, str] = {
    **{name: name for name in ("jurisdiction", "topic", "lang", "date", "work", "limit", "offset")},
    **{"work_type": "type", "group_by_work": "group", "explain": "explain", "facets": "facets"},
    "tell_not_here": "not_here",
}


@dataclass(frozen=True)
class SearchRequest:
    """A search: the words, the filters, which page, and what to add to the hits.

    ``date`` None means today (the service fills it in); ``lang`` is a BCP 47 or AKN code; ``work`` a work
    URI. ``limit`` is capped at :data:`MAX_LIMIT` and ``offset`` at :data:`MAX_OFFSET` by :meth:`capped`.
    """

    q: str
    jurisdiction: str | None = None
    work_type: str | None = None
    topic: str | None = None
    lang: str | None = None
    date: dt.date | None = None
    work: str | None = None
    limit: int = 10
    offset: int = 0
    #: one hit per work instead of one per article
    group_by_work: bool = False
    #: each hit says why it ranked (the BM25 tree and the priors)
    explain: bool = False
    #: count results per jurisdiction, type, topic and language
    facets: bool = True
    #: a question that names one country (or, naming none, is written in Kazakh) and no ``jurisdiction``
    #: is given searches that country's law (places.py); ``jurisdiction="*"`` asks for every country and
    #: turns this off
    infer_place: bool = True
    #: a question about law the database does not hold is told so instead of given articles
    #: (not_here.py); False lists the nearest articles anyway: a reading of the question's words or
    #: meaning can be wrong, and the person it sent away must still reach the law that is here
    tell_not_here: bool = True

    @classmethod
    def from_params(cls, q: str, params: object, **given: Any) -> SearchRequest:
        """A request from an object holding the query-string names (:data:`PARAM_NAMES`) as attributes: the
        API's parameters, the command line's arguments. A name ``params`` lacks keeps its default;
        ``given`` overrides."""
        found = {field: getattr(params, name) for field, name in PARAM_NAMES.items() if hasattr(params, name)}
        return cls(q, **{**found, **given})

    def capped(self) -> SearchRequest:
        """The request with its page inside the limits and empty filters as None (negative values are the
        caller's to refuse: the service raises QueryError for them)."""
        asked = (self.jurisdiction or "").strip().lower()
        every = asked == ANY_JURISDICTION
        return replace(
            self,
            limit=min(self.limit, MAX_LIMIT),
            offset=min(self.offset, MAX_OFFSET),
            jurisdiction=None if every else asked or None,
            infer_place=self.infer_place and not every,
            work_type=self.work_type or None,
            topic=self.topic or None,
            lang=self.lang or None,
            work=(self.work or "").rstrip("/") or None,
        )
