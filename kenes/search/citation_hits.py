"""A query that is a citation: the provisions it names, or a notice that the work cited holds no such one.

Why a notice: "ст. 999 ТК РК" names a code that is held and an article it does not have. Searched as text,
its words ("ст", "999", "тк", "рк") listed 148 unrelated provisions, a traffic offence first; a lawyer who
mistyped a number needs to be told that the code has no such article, and where its text is.
"""

from __future__ import annotations

import logging

import tantivy

from . import engine
from .engine import Filters
from .notices import Notice
from .results import Hit, hit_from

__all__ = ["citation_hits"]

log = logging.getLogger("kenes.search")


def citation_hits(
    q: str, filters: Filters, searcher: tantivy.Searcher, schema: tantivy.Schema, parsed: engine.ParsedQuery
) -> tuple[list[Hit], Notice | None]:
    """The provisions a citation names, in force on the date, in the language asked for (or the query's);
    with none, a ``citation-not-found`` notice where the query cites a provision of a work it names."""
    if parsed.question or not any(c.isdigit() for c in q):  # every citation names a number
        return [], None
    try:
        from .citations import parse_citation, resolve_citation

        targets = resolve_citation(q, date=filters.date, lang=filters.lang)
        hits = _hits(targets, filters, searcher, schema, parsed)
        cit = None if hits else parse_citation(q)
    except Exception:  # a broken resolver must not take text search down with it
        # (never the query itself: what a person types may name them)
        log.exception("citation resolution failed for a query of %d characters", len(q))
        return [], None
    if cit is None or cit.work_uri is None or not (cit.article or cit.paragraph):
        return hits, None
    if filters.work and filters.work != cit.work_uri:
        return [], None  # (another work searched: the words may still mean something there)
    if not _searched(cit.work_uri, filters, searcher, schema):
        return (
            [],
            None,
        )  # a work not held (or not in force on the date): its provisions are not for us to deny
    eid = cit.eid_candidates()[0]
    return [], Notice(
        "citation-not-found",
        f"{cit.work_uri} holds no provision {eid} in force on {filters.date.isoformat()}",
        cit.work_uri,
        eid=eid,
    )


def _searched(work_uri: str, filters: Filters, searcher: tantivy.Searcher, schema: tantivy.Schema) -> bool:
    """Whether the search holds any text of the work that the filters allow."""
    Q, Must = tantivy.Query, tantivy.Occur.Must
    query = Q.boolean_query(
        [(Must, Q.term_query(schema, "work", work_uri)), (Must, engine.filter_query(schema, filters))]
    )
    return bool(searcher.search(query, limit=1).hits)


def _hits(
    targets: list[tuple[str, str]],
    filters: Filters,
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    parsed: engine.ParsedQuery,
) -> list[Hit]:
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
        hit = hit_from(docs[0], 0.0, parsed.highlight_terms())
        hit.citation = True
        hit.score = float(1000 - len(hits))
        hits.append(hit)
    return hits
