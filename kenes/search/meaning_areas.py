"""Which area of law a question is about by its meaning, for "the law is not here".

The word lists of answers.yaml tell a divorce or a loan named in so many words; a question told in its own
words ("бывший супруг переоформил машину на свою сестру", "заказала диван, привезли не тот") may name no
listed word and was answered with ten unrelated articles. Its vector (the one the search computes anyway)
is compared with a few words of what each area is about (``meaning``) and of what the law held here is
about (``inside_meaning``): nearer an area not held than anything held, by more than the profile's
``vectors.not_here_margin``, the question is told so. As with the words, an area whose law the database
holds (a work in force titled with its ``held_by`` words) is searched like any other.

The descriptions are embedded once per process (about a third of a second, at the first question that
asks), not at start-up: the model's load stays within its budget.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import numpy as np

from . import answers, vectors

__all__ = ["outside_area"]

log = logging.getLogger(__name__)

_described: tuple[np.ndarray, np.ndarray, tuple[answers.Area, ...]] | None = None
_lock = threading.Lock()


def _descriptions() -> tuple[np.ndarray, np.ndarray, tuple[answers.Area, ...]] | None:
    """(held descriptions' vectors, the areas' vectors, the areas); None without descriptions."""
    global _described
    if _described is None:
        with _lock:
            if _described is None:
                inside, areas = answers.meanings()
                if not inside or not areas:
                    return None
                both = vectors.passage_vectors(inside + tuple(a.meaning for a in areas))
                _described = (both[: len(inside)], both[len(inside) :], areas)
    return _described


def outside_area(vector: np.ndarray, held: Callable[[frozenset[str]], bool], margin: float) -> str:
    """The area not held that ``vector`` (a query's, unit length) is nearest, when it is nearer to it than
    to all the law held here by more than ``margin``; "" otherwise. ``held(title_terms)`` says whether the
    index holds a work titled with those terms, in the question's jurisdiction and on its day."""
    try:
        described = _descriptions()
    except Exception:  # an encoder that fails must not take the search down with it
        log.exception("search vectors: the areas of law could not be embedded")
        return ""
    if described is None:
        return ""
    inside, outside, areas = described
    scores = outside @ vector
    best = int(np.argmax(scores))
    if float(scores[best]) - float((inside @ vector).max()) <= margin:
        return ""
    area = areas[best]
    return "" if held(area.held_by) else area.name
