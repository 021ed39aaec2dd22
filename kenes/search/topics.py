"""The topics a question names in the law's own words, as one more ranking to fuse.

A person writes "каков срок давности за расклейку объявлений"; the offences code has an article headed
"Освобождение … в связи с истечением срока давности". Among a long question's two hundred words, "срок" and
"давности" are two common terms that BM25 weighs like any other pair, and the meaning encoder reads only
the question's opening. But the pair, side by side, is a phrase an article's heading uses: the law's own
name for a topic ("трудовой договор", "заработная плата", "испытательный срок", "срок давности").

:func:`ranking` looks for each pair of neighbouring words of the question (stop words and numbers left
out, as index terms) as a phrase in the headings, and ranks the articles whose heading holds the most of
them, rarest first (BM25 over the heading field). Nothing is trained or stored: the headings are the
vocabulary, so a newly imported law brings its own topics. Measured on the development splits of
bench/relevance.py (pooled MRR@10 of the three question sets 0.51 -> 0.54 at weight 0.75); see
profile.yaml ``question.topics_weight``.
"""

from __future__ import annotations

import datetime as dt

import tantivy

from .analysis import STOP_WORDS, terms
from .engine import Filters, Ranked, filter_query, rank
from .profile import Profile

__all__ = ["heading_pairs", "ranking"]

#: Stop words at most between the two words of a pair (as the question spells it: "в связи с беременностью").
MAX_GAP = 2

#: (first term, second term, the second's offset: 1 when they stand side by side)
Pair = tuple[str, str, int]


def heading_pairs(searcher: tantivy.Searcher, text: str, lang: str, most: int) -> list[Pair]:
    """The question's neighbouring word pairs whose two terms both occur in some heading, rarest first.

    Neighbouring: nothing but stop words between them, spelled as the question spells them (the index keeps
    stop words at their positions, so "связи с беременностью" is a pair two positions apart).
    Why the heading check: a 2,000-character letter has some two hundred pairs; a pair with a word no heading
    uses cannot match, and two document-frequency lookups cost far less than a phrase query. At most
    ``most`` are kept (their rarer term's heading frequency decides), so a pasted letter costs a bounded
    query.
    """
    stops = STOP_WORDS.get(lang, frozenset())
    df: dict[str, int] = {}

    def heading_df(term: str) -> int:
        if term not in df:
            df[term] = searcher.doc_freq("heading", term)
        return df[term]

    pairs: dict[Pair, int] = {}
    last: tuple[int, str] | None = None
    for at, term in enumerate(terms(text, lang)):
        if term in stops:
            continue
        if term[0].isdigit() or len(term) < 2:
            last = None  # a number or a letter breaks the phrase
            continue
        if last is not None and at - last[0] <= MAX_GAP + 1 and last[1] != term:
            pair = (last[1], term, at - last[0])
            if pair not in pairs and (rarer := min(heading_df(pair[0]), heading_df(term))):
                pairs[pair] = rarer
        last = (at, term)
    return sorted(pairs, key=lambda p: (pairs[p], p))[:most]


def ranking(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    text: str,
    lang: str,
    filters: Filters,
    prof: Profile,
    day: dt.date,
    depth: int,
) -> list[Ranked]:
    """The articles whose headings name the most (and rarest) of the question's word pairs, best first."""
    pairs = heading_pairs(searcher, text, lang, prof.question.topics_max)
    if not pairs:
        return []
    Q, Occur = tantivy.Query, tantivy.Occur
    phrases = [(Occur.Should, Q.phrase_query(schema, "heading", [(0, a), (gap, b)])) for a, b, gap in pairs]
    query = Q.boolean_query(
        [(Occur.Must, Q.boolean_query(phrases)), (Occur.Must, filter_query(schema, filters))]
    )
    ranked, _count = rank(
        searcher,
        query,
        day=day,
        window=depth * 2,
        prof=prof,
        collapse=prof.collapse_articles,
        group_by_work=False,
        need=depth,
        count=False,
    )
    return ranked
