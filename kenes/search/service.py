"""The one search function the API, the pages and the command line call, so all three give the same results.

A citation ("ст. 113 ТК РК", "C097 art 6") is resolved before any text search: when it names provisions,
they are the result (its words are not searched as text). Nothing here reads the database on the text
path: everything a hit shows is stored in the index, so a request costs one engine query, a few stored
documents and their snippets.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import tantivy
from django.utils import timezone

from kenes.lex import editions

from . import engine
from .engine import MAX_LIMIT, MAX_OFFSET, Filters, QueryError
from .index import IndexMissing, open_index
from .snippets import snippet

__all__ = ["Hit", "IndexMissing", "QueryError", "SearchResult", "search"]

log = logging.getLogger("kenes.search")
FACETS = ("jurisdiction", "work_type", "topic", "lang")


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
    #: ``total`` is approximate: the query matched more than engine.EXACT_COUNT_MAX index entries
    total_is_estimate: bool = False
    #: the facet counts (results per value, the unit of ``total``) are approximate: same cap as ``total``
    facets_are_estimate: bool = False
    #: acts held only in editions later than the search date (a past date): listed, not silently dropped
    not_held_on_date: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "hits": [h.as_json() for h in self.hits],
            "total": self.total,
            "total_is_estimate": self.total_is_estimate,
            "citation": self.citation,
            "facets": {k: [[v, n] for v, n in items] for k, items in self.facets.items()},
            "facets_are_estimate": self.facets_are_estimate,
            "not_held_on_date": self.not_held_on_date,
        }


def search(q: str, **options) -> SearchResult:
    """See :func:`_search`; with a ``date``, also which acts have no edition held on it."""
    result = _search(q, **options)
    date, work = options.get("date"), (options.get("work") or "").rstrip("/") or None
    if date is not None:
        result.not_held_on_date = [
            {"work": w.frbr_uri, "title": w.short_title or w.title, "from": str(w.first)}
            for w in editions.not_yet_held(date, jurisdiction=options.get("jurisdiction"), work=work)
        ]
    return result


def _search(
    q: str,
    *,
    jurisdiction: str | None = None,
    work_type: str | None = None,
    topic: str | None = None,
    lang: str | None = None,
    date: dt.date | None = None,
    work: str | None = None,
    limit: int = 10,
    offset: int = 0,
    group_by_work: bool = False,
    explain: bool = False,
    facets: bool = True,
) -> SearchResult:
    """Provisions matching ``q`` in force on ``date`` (default today), best first.

    ``limit`` is capped at 50 and ``offset`` at 1000; bad input raises :class:`QueryError`; a missing index
    raises :class:`IndexMissing` (``kenes reindex`` builds it).
    """
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must not be negative")
    limit, offset = min(limit, MAX_LIMIT), min(offset, MAX_OFFSET)
    code = engine.normalise_lang(lang)
    parsed = engine.parse(q, code)
    filters = Filters(
        date=date or timezone.localdate(),
        jurisdiction=jurisdiction or None,
        work_type=work_type or None,
        topic=topic or None,
        lang=code,
        work=(work or "").rstrip("/") or None,
    )
    handle = open_index()
    searcher = handle.index.searcher()
    schema = handle.schema
    prof = engine.profile()

    cited = _citation_hits(q, filters, searcher, schema, parsed) if limit else []
    if cited or parsed.empty:
        # a citation names its provisions: the words of "ст. 113 ТК РК" are not a text search.
        # Nothing searchable (only operators, emoji, stop words): an empty result.
        if explain:
            for hit in cited:
                hit.explanation = {"citation": True, "why": "the query cites this provision"}
        return SearchResult(cited[offset : offset + limit], len(cited), bool(cited))

    planned = engine.plan(parsed, searcher, prof)
    query = engine.compile_query(parsed, planned, schema, filters, prof)

    collapse = bool(prof.get("collapse_articles", True))

    def rank(window: int) -> tuple[list[engine.Ranked], engine.Count]:
        return engine.rank(
            searcher,
            query,
            day=filters.date,
            window=window,
            prof=prof,
            collapse=collapse,
            group_by_work=group_by_work,
            asked=parsed.intents,
            need=offset + limit,
        )

    window = max(int(prof.get("rerank_window", 200)), (offset + limit) * 4)
    ranked, count = rank(window)
    widest = min(count.matches, engine.EXACT_COUNT_MAX)
    if len(ranked) < offset + limit and window < widest:
        # a deep page of a query whose articles have many matching points: the window held too few
        # articles, so re-rank all matches (the count promised these pages exist)
        ranked, count = rank(widest)
    wanted = planned.highlight_terms(parsed)
    hits = []
    for item in ranked[offset : offset + limit]:
        hit = _hit(searcher.doc(item.address), item.score, wanted)
        if explain:
            hit.explanation = engine.explanation(query, searcher, item, parsed, planned)
        hits.append(hit)
    result = SearchResult(hits, count.results, total_is_estimate=count.estimate)
    if facets:
        # counted in the unit of ``total`` (rank's collapse key), so a facet's numbers add up to it
        unit = "work_id" if group_by_work else "group" if collapse else None
        counted = engine.facet_counts(searcher, query, FACETS, unit, count)
        result.facets, result.facets_are_estimate = counted.values, counted.estimate
    return result


def _hit(doc: tantivy.Document, score: float, wanted: frozenset[str]) -> Hit:
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


def _citation_hits(
    q: str, filters: Filters, searcher: tantivy.Searcher, schema: tantivy.Schema, parsed: engine.ParsedQuery
) -> list[Hit]:
    """The provisions a citation names, in force on the date, in the language asked for (or the query's)."""
    if not any(c.isdigit() for c in q):  # every citation names a number (article, convention, law)
        return []
    try:
        from .citations import resolve_citation

        targets = resolve_citation(q, date=filters.date, lang=filters.lang)
    except Exception:  # a broken resolver must not take text search down with it
        log.exception("citation resolution failed for %r", q)
        return []
    if not targets:
        return []
    Q, Occur = tantivy.Query, tantivy.Occur
    preferred = [filters.lang or parsed.lang, "rus", "eng"]
    hits = []
    for work_uri, eid in targets[:10]:
        if filters.work and work_uri != filters.work:
            continue
        query = Q.boolean_query(
            [
                (Occur.Must, Q.term_query(schema, "work", work_uri)),
                (Occur.Must, Q.term_query(schema, "eid", eid)),
                (Occur.Must, engine.filter_query(schema, filters)),
            ]
        )
        docs = [searcher.doc(a) for _s, a in searcher.search(query, limit=10).hits]
        if not docs:
            continue
        docs.sort(key=lambda d: preferred.index(d["lang"][0]) if d["lang"][0] in preferred else 9)
        hit = _hit(docs[0], 0.0, parsed.highlight_terms())
        hit.citation = True
        hit.score = float(1000 - len(hits))
        hits.append(hit)
    return hits
