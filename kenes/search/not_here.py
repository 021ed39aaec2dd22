"""When a search says the law is not here instead of listing articles (the notice: answers.not_here_notice).

Three readings, each of which only speaks when no rights check is named (a check answers the question):
the words of an area of law not held (answers.outside_topic); the question's meaning nearer such an area
than any held (meaning_areas.py); and for a question, words that score low against every article while no
article is near in meaning either. A question that quotes an article the database holds, or that earlier
consultations answered with articles (experience), is about law that is here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import meaning_areas
from .engine import Ranked
from .profile import Profile
from .query import ParsedQuery
from .vectors import Pending

__all__ = ["question_area", "short_query_area"]

Held = Callable[[frozenset[str]], bool]


def question_area(
    parsed: ParsedQuery,
    ranked: Sequence[Ranked],
    used: Sequence[str],
    *,
    outside: str,
    checks: Sequence[str],
    pending: Pending | None,
    held: Held,
    language_held: Callable[[], bool],
    prof: Profile,
) -> str | None:
    """The area a question is about when its law is not here ("" when none can be named); None when the
    question is answered with articles."""
    if checks:
        return None
    if outside and "quoted" not in used:
        return outside
    if {"experience", "quoted"} & set(used):
        return None
    area = _by_meaning(pending, held, prof)
    if area:
        return area
    best = max((r.text_score for r in ranked[:10]), default=0.0)
    near = max((r.factors.get("meaning", 0.0) for r in ranked), default=0.0)
    if (
        best < prof.question.not_here_score * max(1, len(parsed.terms))
        and near < prof.vectors.not_here_similarity
        and language_held()
    ):
        # neither the words nor the meaning come near an article: the law is not here
        return ""
    return None


def short_query_area(
    asks: bool, *, outside: str, checks: Sequence[str], pending: Pending | None, held: Held, prof: Profile
) -> str | None:
    """The same for a query shorter than a question: only one that asks ("муж не платит алименты на
    ребенка, что делать"); a few keywords ("алименты на ребенка") may want the Labour Code's deductions."""
    if checks or not asks:
        return None
    return outside or _by_meaning(pending, held, prof) or None


def _by_meaning(pending: Pending | None, held: Held, prof: Profile) -> str:
    if pending is None:
        return ""
    try:
        vector = pending.result()
    except Exception:  # the meaning ranking has logged it; the words still answer
        return ""
    return meaning_areas.outside_area(vector, held, prof.vectors.not_here_margin)
