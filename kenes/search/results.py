"""What a search answers: the hits, and the result around them (the total, facets, checks, notices).

Kept apart from the service that computes them, so that the API, the pages and the command line read one
shape, and the service module holds the search itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import tantivy

from .notices import Notice
from .snippets import snippet

__all__ = ["Hit", "SearchResult", "hit_from"]


@dataclass
class Hit:
    work: str
    work_title: str
    lang: str
    date: dt.date
    eid: str
    num: str
    heading: str
    snippet: str
    score: float
    explanation: dict | None = None
    kind: str = ""
    citation: bool = False

    def as_json(self) -> dict:
        out = {
            "work": self.work,
            "work_title": self.work_title,
            "lang": self.lang,
            "date": self.date.isoformat(),
            "eid": self.eid,
            "num": self.num,
            "heading": self.heading,
            "kind": self.kind,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "citation": self.citation,
        }
        if self.explanation is not None:
            out["explanation"] = self.explanation
        return out


@dataclass
class SearchResult:
    hits: list[Hit]
    #: results after collapsing (one per article, or per work with ``group_by_work``): what the pages list
    total: int
    citation: bool = False
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: ``total`` is approximate: the query matched more than engine.EXACT_COUNT_MAX index entries (with
    #: facets a HyperLogLog count from their pass, without them estimated from the matches: rougher)
    total_is_estimate: bool = False
    #: the facet counts (results per value, the unit of ``total``) are approximate: same cap as ``total``
    facets_are_estimate: bool = False
    #: the query was read as a question (question mode)
    question: bool = False
    #: rights checks (kenes.rights slugs) that answer the question, best first: shown before the articles
    checks: list[str] = field(default_factory=list)
    #: checks the question names that hold no rules for the country searched (they count by another
    #: country's law): not offered, and the reader is sent to that country's advisory centres instead
    checks_withheld: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    #: the country whose law was searched (asked for, or read from the question); None: every country
    place: str | None = None
    #: acts held only in editions later than the search date (a past date): listed, not silently dropped
    not_held_on_date: list[dict[str, str]] = field(default_factory=list)
    #: milliseconds per stage of the request (parse, plan, rank, fuse, hits, facets): the API sends them
    #: as a Server-Timing header, bench/search.py reads them there; not part of the JSON body
    timings: dict[str, float] = field(default_factory=dict, repr=False)

    def as_json(self) -> dict:
        return {
            "hits": [h.as_json() for h in self.hits],
            "total": self.total,
            "total_is_estimate": self.total_is_estimate,
            "citation": self.citation,
            "facets": {k: [[v, n] for v, n in items] for k, items in self.facets.items()},
            "facets_are_estimate": self.facets_are_estimate,
            "question": self.question,
            "checks": list(self.checks),
            "checks_withheld": list(self.checks_withheld),
            "notices": [n.as_json() for n in self.notices],
            "not_held_on_date": self.not_held_on_date,
        }


def hit_from(doc: tantivy.Document, score: float, wanted: frozenset[str]) -> Hit:
    """A hit from its index entry, with the snippet of its text around ``wanted`` terms."""
    lang = doc.get_first("lang")
    text = doc.get_first("text") or ""
    return Hit(
        work=doc.get_first("work"),
        work_title=doc.get_first("work_title") or "",
        lang=lang,
        date=doc.get_first("date_from").date(),
        eid=doc.get_first("eid"),
        num=doc.get_first("num") or "",
        heading=doc.get_first("heading_text") or "",
        snippet=snippet(text, wanted, lang),
        score=score,
        kind=doc.get_first("kind") or "",
    )
