"""Meaning beyond the question's own words: related terms from the law itself, fused with BM25 by rank.

A person writes "не заплатили за два месяца, а теперь говорят уходи"; the law says "задержка выплаты
заработной платы", "расторжение трудового договора по инициативе работодателя". The words that bridge the
two are in the articles the question's own words already find: :func:`related_terms` reads the best few
(their stored text, through the same analysis as the index) and keeps the terms they share that the
question lacks and that are rare in the whole law (pseudo-relevance feedback: the corpus is the model,
nothing is trained or downloaded, and it costs a few stored documents per question). A second ranking of
the question's terms plus those is fused with the first by reciprocal rank fusion (:func:`fuse`), as is
the experience of earlier consultations (experience.py) when there is any.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import tantivy

from . import analysis
from .engine import Plan, Ranked
from .profile import Profile
from .query import ParsedQuery

__all__ = ["Ranking", "feedback_query", "fuse", "related_terms"]


@dataclass(frozen=True)
class Ranking:
    """One ranked list of results (collapsed: one per unit) and its weight in the fusion."""

    name: str
    items: Sequence[Ranked]
    weight: float = 1.0


def related_terms(
    searcher: tantivy.Searcher, top: Sequence[Ranked], parsed: ParsedQuery, planned: Plan, prof: Profile
) -> list[tuple[str, float]]:
    """Terms the best ``feedback_docs`` results share that the question does not say, rarest first."""
    docs = top[: prof.question.feedback_docs]
    if len(docs) < 2:
        return []
    seen = Counter()
    for item in docs:
        doc = searcher.doc(item.address)
        text = " ".join(x for x in (doc.get_first("heading_text"), doc.get_first("text")) if x)
        seen.update(set(analysis.terms(text, parsed.lang)))
    asked = {t for t, _w in planned.weighted} | set(parsed.terms)
    stops = analysis.STOP_WORDS.get(parsed.lang, frozenset())
    total = max(1, searcher.num_docs)
    ceiling = prof.question.common_share * total
    scored = []
    for term, n in seen.items():
        if n < 2 or term in asked or term in stops or len(term) < 3 or term[0].isdigit():
            continue
        df = searcher.doc_freq("body", term)
        if not df or df > ceiling:
            continue
        scored.append((n / len(docs) * math.log(total / df), term))
    scored.sort(reverse=True)
    best = scored[: prof.question.related_max]
    if not best:
        return []
    top_score = best[0][0]
    return [(term, prof.question.related_term * score / top_score) for score, term in best]


def feedback_query(
    parsed: ParsedQuery, planned: Plan, related: list[tuple[str, float]]
) -> tuple[ParsedQuery, Plan]:
    """The question's kept terms plus the related ones, as a parsed query and its plan (no new lookups)."""
    weighted = tuple(planned.weighted) + tuple(related)
    terms = tuple(t for t, _w in weighted)
    again = replace(
        parsed,
        terms=terms,
        term_weights=tuple(w for _t, w in weighted),
        expansions=(),
        expansion_weights=(),
        concept_phrases=(),
    )
    return again, Plan(weighted, planned.dropped_common, planned.phrases)


def fuse(
    rankings: Sequence[Ranking], k: float, depth: int, need: int = 0, rest: Sequence[Ranked] = ()
) -> list[Ranked]:
    """Reciprocal rank fusion: each result scores Σ weight / (k + rank) over the rankings that list it,
    each ranking read to ``depth``; then, while fewer than ``need`` are listed, ``rest`` in its own order.

    The depth is the same whatever page is asked for, so the first page of a question is the same when it
    is asked for ten results or fifty (a ranking read deeper for a longer page gave its 15th article a
    fused score and reordered the top). ``rest`` (the words' ranking past the depth) is what a deep page
    needs beyond the fused results: listed after them, each scored no higher than the one before.
    The first ranking that lists a result gives its entry (the provision shown and its snippet); the
    score becomes the fused one so that the order and any explanation agree.
    """
    fused: dict[int, float] = {}
    first: dict[int, Ranked] = {}
    factors: dict[int, dict[str, float]] = {}
    for ranking in rankings:
        if not ranking.weight:
            continue
        for rank, item in enumerate(ranking.items[:depth], 1):
            fused[item.unit] = fused.get(item.unit, 0.0) + ranking.weight / (k + rank)
            first.setdefault(item.unit, item)
            # what each ranking said of it (a text score's priors, a meaning's similarity) stays readable
            merged = factors.setdefault(item.unit, {})
            for name, value in item.factors.items():
                merged.setdefault(name, value)
    order = sorted(fused, key=lambda unit: -fused[unit])
    out = [
        replace(first[unit], score=fused[unit], factors={**factors[unit], "fused": fused[unit]})
        for unit in order
    ]
    last = out[-1].score if out else 1.0 / k
    for rank, item in enumerate(rest, depth + 1):
        if len(out) >= need:
            break
        if item.unit in fused:
            continue
        last = min(last, 1.0 / (k + rank))
        out.append(replace(item, score=last, factors={**item.factors, "fused": last}))
    return out
