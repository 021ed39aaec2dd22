"""A query that is a citation: the provisions it names, or a notice that the work cited holds no such one,
or that the query is only a work's name.

Why a notice: "ст. 999 ТК РК" names a code that is held and an article it does not have. Searched as text,
its words ("ст", "999", "тк", "рк") listed 148 unrelated provisions, a traffic offence first; a lawyer who
mistyped a number needs to be told that the code has no such article, and where its text is.
"""

from __future__ import annotations

import logging
import re

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
    with none, a ``citation-not-found`` notice where the query cites a provision of a work it names, or
    a ``citation-work`` notice where it is only a work's name ("ТК РК")."""
    if parsed.question:
        return [], None
    if not any(c.isdigit() for c in q):  # every citation of a provision names a number
        return [], _named_work(q, parsed, filters, searcher, schema)
    try:
        from .citations import parse_citation, resolve_citation

        targets = resolve_citation(q, date=filters.date, lang=filters.lang)
        several = [] if targets else _several(q)
        for part in several:
            found = resolve_citation(part, date=filters.date, lang=filters.lang)
            targets += [t for t in found if t not in targets]
        hits = _hits(targets, filters, searcher, schema, parsed)
        cit = None if hits or several else parse_citation(q)
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


#: what joins citations in a list: "ст. 113 ТК РК и ст. 81 ТК РФ", "ст. 80, 81 ТК РФ"
_JOINED = re.compile(r"\s*(?:[;,]|\b(?:и|and|және|жана|va|ва)\b)\s*", re.IGNORECASE)


def _several(q: str) -> list[str]:
    """The citations of a list, each with its work ("ст. 80 и 81 ТК РФ": "ст. 80 тк рф", "81 ТК РФ"), or
    [] when ``q`` is not a list of two to five citations. One citation of two works parses as none, so
    "ст. 113 ТК РК и ст. 81 ТК РФ" was searched as its words."""
    from .citations import parse_citation

    parts = [p for p in _JOINED.split(q) if p.strip()]
    if not 2 <= len(parts) <= 5 or not all(any(c.isdigit() for c in p) for p in parts):
        return []
    last = parse_citation(parts[-1])
    if last is None:
        return []
    out = []
    for part in parts:
        cit = parse_citation(part)
        if cit is None:
            return []
        # a work named once, after the last number, is every number's
        out.append(f"{part} {last.work}" if cit.work is None and last.work else part)
    return out


def _named_work(
    q: str, parsed: engine.ParsedQuery, filters: Filters, searcher: tantivy.Searcher, schema: tantivy.Schema
) -> Notice | None:
    """A ``citation-work`` notice where the query is only the name of a work held ("ТК РК", "Трудовой
    кодекс Республики Казахстан"): its words searched as text listed the Constitution's paragraphs."""
    from .citations import name_vocabulary, parse_citation

    if not parsed.terms or len(parsed.terms) > 6 or not set(parsed.terms) <= name_vocabulary():
        return None
    try:
        cit = parse_citation(q)
    except Exception:
        log.exception("citation parsing failed for a query of %d characters", len(q))
        return None
    if cit is None or cit.work_uri is None or cit.article or cit.paragraph or cit.point:
        return None
    if (filters.work and filters.work != cit.work_uri) or not _searched(
        cit.work_uri, filters, searcher, schema
    ):
        return None
    return Notice(
        "citation-work", f"the query names the work {cit.work_uri}: its text is there", cit.work_uri
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
