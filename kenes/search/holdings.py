"""What the index holds: asked by the search before it narrows or refuses, and kept per index state.

Why a module of its own: "the law is not here" (answers.py) and "the question names this country"
(places.py) both turn on whether the index holds some law at all, a question about the whole index
rather than a ranking, and each answer is cached on the index handle until the next commit.
"""

from __future__ import annotations

import dataclasses

import tantivy

from .analysis import LANGS
from .engine import Filters, filter_query

__all__ = [
    "HELD_MEMO_MAX",
    "NATIONAL_LAW_TYPES",
    "jurisdiction_holds",
    "language_held",
    "main_language",
    "titles_hold",
]


#: At most this many answers kept per index state: a key holds what a request names (a jurisdiction, a day),
#: so without a bound a caller could grow it without end.
HELD_MEMO_MAX = 1024
#: The kinds of work that hold a country's law on an area (not an ILO convention on "family
#: responsibilities", not a covenant on "civil" rights).
NATIONAL_LAW_TYPES = ("constitution", "code", "law", "bylaw")


def _count(searcher: tantivy.Searcher, memo: dict | None, key: tuple, query: tantivy.Query) -> int:
    """How many entries ``query`` matches, asked once per ``key`` and index state (``memo``, the handle's)."""
    memo = {} if memo is None else memo
    state = (searcher.num_docs, searcher.num_segments)
    known = memo.get("held")
    if known is None or known[0] != state or len(known[1]) >= HELD_MEMO_MAX:
        known = memo["held"] = (state, {})
    found = known[1].get(key)
    if found is None:
        found = known[1][key] = searcher.search(query, limit=1, count=True).count
    return found


def _held(searcher: tantivy.Searcher, memo: dict | None, key: tuple, query: tantivy.Query) -> bool:
    """Whether ``query`` matches anything (see :func:`_count`)."""
    return _count(searcher, memo, key, query) > 0


def jurisdiction_holds(
    searcher: tantivy.Searcher, schema: tantivy.Schema, filters: Filters, memo: dict | None
) -> bool:
    """Whether the index holds anything ``filters`` allow (its jurisdiction, day, type, topic, language):
    a place read from a question narrows a search only where that leaves something to find."""
    key = (
        "filters",
        filters.jurisdiction,
        filters.date,
        filters.work_type,
        filters.topic,
        filters.lang,
        filters.work,
    )
    return _held(searcher, memo, key, filter_query(schema, filters))


def language_held(
    searcher: tantivy.Searcher, schema: tantivy.Schema, filters: Filters, lang: str, memo: dict | None
) -> bool:
    """Whether most of what ``filters`` search (half its entries or more) is text in ``lang``.

    Why: "not here" from a low word score is calibrated on questions in the language of the law; a
    question in English or Uzbek about Kazakh law held in Russian meets it only through the glossary and
    the meaning, and its low score says nothing about whether the law is here. A few English conventions
    beside the codes do not make the words a judge of an English question about them all.
    """
    held, total = _in_language(searcher, schema, filters, lang, memo)
    return held > 0 and 2 * held >= total


def main_language(
    searcher: tantivy.Searcher, schema: tantivy.Schema, filters: Filters, memo: dict | None
) -> str | None:
    """The language of more than half of what ``filters`` search, where texts in other languages are
    searched too (None where one language holds it all, or none holds half).

    Why: a language that holds only a few of the texts searched has rare terms, and rare terms weigh
    most. A Kazakh question met the Kazakh civil-service law by its own words (30 days of leave, for civil
    servants) and the Labour Code, held in Russian only, through the glossary's translation; an English or
    Uzbek question, whose glossary concepts add their Kazakh terms too, met the Kazakh texts first as well.
    The service then ranks the main language's texts apart and fuses the two rankings.
    """
    if filters.lang:
        return None  # (one language asked for)
    held = {lang: _in_language(searcher, schema, filters, lang, memo) for lang in LANGS}
    total = next(iter(held.values()))[1]
    main = max(held, key=lambda lang: held[lang][0])
    return main if 2 * held[main][0] > total and held[main][0] < total else None


def _in_language(
    searcher: tantivy.Searcher, schema: tantivy.Schema, filters: Filters, lang: str, memo: dict | None
) -> tuple[int, int]:
    """Entries ``filters`` search that are text in ``lang``, and all they search (once per index state)."""

    def key(f: Filters) -> tuple:
        return ("filters", f.jurisdiction, f.date, f.work_type, f.topic, f.lang, f.work)

    in_lang = dataclasses.replace(filters, lang=lang)
    held = _count(searcher, memo, key(in_lang), filter_query(schema, in_lang))
    return held, _count(searcher, memo, key(filters), filter_query(schema, filters))


def titles_hold(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    title_terms: frozenset[str],
    filters: Filters,
    memo: dict | None,
) -> bool:
    """Whether a country's law in force in ``filters``' jurisdiction on its day (a constitution, code, law
    or by-law: :data:`NATIONAL_LAW_TYPES`) has one of ``title_terms`` in its title: asked once per set of
    terms, jurisdiction, day and index state (``memo``, the handle's).

    Why: "the law is not here" must follow what was imported, not a list written when it was not.
    The request's other filters (a type, a work, a language) narrow what is searched, not what the
    database holds, so they are not applied.
    """
    if not title_terms:
        return False
    Q, Occur = tantivy.Query, tantivy.Occur
    named = Q.boolean_query([(Occur.Should, Q.term_query(schema, "title", t)) for t in sorted(title_terms)])
    national = Q.boolean_query(
        [(Occur.Should, Q.term_query(schema, "work_type", t)) for t in NATIONAL_LAW_TYPES]
    )
    scope = filter_query(schema, Filters(date=filters.date, jurisdiction=filters.jurisdiction))
    query = Q.boolean_query([(Occur.Must, named), (Occur.Must, national), (Occur.Must, scope)])
    return _held(searcher, memo, ("titles", title_terms, filters.jurisdiction, filters.date), query)
