"""The articles a question quotes, as one more ranking to fuse: "Согласно ст. 44 ч. 1 КоАП штраф должен быть
наложен…" puts article 44 of the offences code beside what the words and the meaning find.

Why a ranking and not the answer: a short query that is a citation ("ст. 44 КоАП") is answered by the
cited provision alone (service.py); a question that quotes an article is still a question, and the article
it quotes is often, not always, the one that answers it (a person quotes what they were told; the lawyer
may answer with another). Fused by rank, a quoted article lands near the top without hiding the rest.
"""

from __future__ import annotations

import logging

import tantivy

from kenes.lex import eid as eids

from .citations import citations_in, resolve_citation
from .engine import Filters, Ranked, entry_of, filter_query

__all__ = ["ranking"]

log = logging.getLogger("kenes.search")


def ranking(searcher: tantivy.Searcher, schema: tantivy.Schema, text: str, filters: Filters) -> list[Ranked]:
    """The articles ``text`` quotes by work and number that exist in force on the date, in quoting order."""
    try:
        quoted = citations_in(text)
    except Exception:  # a broken reader must not take the question's search down with it
        log.exception("search: the citations a question quotes could not be read")  # never the question
        return []
    if not quoted:
        return []
    within = filter_query(schema, filters)
    out: list[Ranked] = []
    seen: set[int] = set()
    for citation in quoted:
        try:
            targets = resolve_citation(
                citation, date=filters.date, lang=filters.lang, jurisdiction=filters.jurisdiction
            )
        except Exception:  # as the citation lookup of a short query (service._citation_hits)
            log.exception("search: a quoted citation could not be resolved")
            continue
        for work, eid in targets:
            if not eid or (filters.work and filters.work != work):
                continue
            entry = entry_of(searcher, schema, work, eids.article_root(eid), within)
            if entry is None or entry[1] in seen:
                continue
            address, group = entry
            seen.add(group)
            out.append(Ranked(address, 0.0, 1.0, 1.0, 0, {"quoted": 1.0}, unit=group))
            break  # the first (most precise) existing target of a citation stands for it
    return out
