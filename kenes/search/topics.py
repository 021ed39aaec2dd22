"""The topics a question names in the law's own words, as one more ranking to fuse.

A person writes "каков срок давности за расклейку объявлений"; the offences code has an article headed
"Освобождение … в связи с истечением срока давности". Among a long question's two hundred words, "срок" and
"давности" are two common terms that BM25 weighs like any other pair, and the meaning encoder reads only
the question's opening. But the pair, side by side, is a phrase an article's heading uses: the law's own
name for a topic ("трудовой договор", "заработная плата", "испытательный срок", "срок давности").

:func:`ranking` looks for each pair of neighbouring words of the question as a phrase in the headings,
and ranks the articles whose heading holds the most of them, rarest first (BM25 over the heading field).
A pair is two words with nothing but stop words between them, inside one clause (punctuation ends it), and
it is looked for with those stop words, as the index keeps them: "отпуск по беременности" is not "отпуск
и беременность". Nothing is trained or stored: the headings are the vocabulary, so a newly imported law
brings its own topics. Measured on the development splits of bench/relevance.py; see profile.yaml
``question.topics_weight``.
"""

from __future__ import annotations

import datetime as dt
import re

import tantivy

from .analysis import STOP_WORDS, terms
from .engine import Filters, Ranked, filter_query, not_containers, rank
from .profile import Profile

__all__ = ["heading_pairs", "ranking"]

#: Stop words at most between the two words of a pair (as the question spells it: "в связи с беременностью").
MAX_GAP = 2

#: A clause: pairs do not reach across punctuation ("… ответственность? В связи с этим …" is no phrase).
_CLAUSE = re.compile(r"[^.!?…;:,()«»\"\n]+")

#: A phrase of two words as the index spells it: the first term, any stop words, the last term.
Pair = tuple[str, ...]


def heading_pairs(searcher: tantivy.Searcher, text: str, lang: str, most: int) -> list[Pair]:
    """The question's neighbouring word pairs whose two words both occur in some heading, rarest first.

    Why the heading check: a 2,000-character letter has some two hundred pairs; a pair with a word no heading
    uses cannot match, and two document-frequency lookups cost far less than a phrase query. At most
    ``most`` are kept (their rarer word's heading frequency decides), so a pasted letter costs a bounded
    query.
    """
    stops = STOP_WORDS.get(lang, frozenset())
    df: dict[str, int] = {}

    def heading_df(term: str) -> int:
        if term not in df:
            df[term] = searcher.doc_freq("heading", term)
        return df[term]

    pairs: dict[Pair, int] = {}
    for clause in _CLAUSE.findall(text):
        run: list[str] = []  # the last word and the stop words after it
        for term in terms(clause, lang):
            if term in stops:
                if run:
                    run.append(term)
                continue
            if term[0].isdigit() or len(term) < 2:
                run = []  # a number or a letter breaks the phrase
                continue
            if run and len(run) <= MAX_GAP + 1 and run[0] != term:
                pair = (*run, term)
                if pair not in pairs and (rarer := min(heading_df(run[0]), heading_df(term))):
                    pairs[pair] = rarer
            run = [term]
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
    asked: tuple[str, ...] = (),
) -> list[Ranked]:
    """The articles whose headings name the most (and rarest) of the question's word pairs, best first."""
    pairs = heading_pairs(searcher, text, lang, prof.question.topics_max)
    if not pairs:
        return []
    Q, Occur = tantivy.Query, tantivy.Occur
    phrases = [(Occur.Should, Q.phrase_query(schema, "heading", list(pair))) for pair in pairs]
    query = Q.boolean_query(
        [(Occur.Must, Q.boolean_query(phrases)), (Occur.Must, filter_query(schema, filters))]
        + not_containers(schema)  # (a chapter's heading names a topic; the articles inside are cited)
    )
    ranked, _count = rank(
        searcher,
        query,
        day=day,
        window=depth * 2,
        prof=prof,
        collapse=prof.collapse_articles,
        group_by_work=False,
        asked=asked,
        need=depth,
        count=False,
    )
    return ranked
