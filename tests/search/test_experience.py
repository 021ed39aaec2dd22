"""Experience: what the desk records (de-identified) helps later similar questions; nothing without it."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.search import experience
from kenes.search.models import Experience
from kenes.search.question import question_terms
from kenes.search.service import SearchRequest, search

from .indexing import LC

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)
ASKED = (
    "Меня зовут Ерлан Жумабаев, телефон +7 701 123 45 67, erlan@example.kz. Работодатель задерживает "
    "выплату, деньги за работу на складе не перечисляют уже третий месяц, что мне делать?"
)
LATER = "Деньги за работу на складе не перечисляют третий месяц, работодатель задерживает выплату, как быть?"


def test_only_a_de_identified_question_is_kept():
    experience.record(ASKED, [(LC, "art_113")], lang="rus")
    kept = Experience.objects.get()
    for secret in ("Ерлан", "Жумабаев", "701", "erlan@", "example"):
        assert secret not in kept.text and secret.lower() not in kept.terms
    assert (kept.work, kept.eid) == (LC, "art_113") and "работодател" in kept.terms


def test_a_cited_pair_that_is_not_a_uri_and_an_eid_is_refused():
    with pytest.raises(ValueError, match="not a work URI"):
        experience.record(ASKED, [("ТК РК", "ст. 113")])
    assert not Experience.objects.exists()


def test_without_experience_search_is_unchanged(library):
    before = [h.eid for h in search(SearchRequest(LATER, date=ON)).hits]
    assert experience.similar_articles(["работодател"]) == []
    assert before == [h.eid for h in search(SearchRequest(LATER, date=ON)).hits]


def test_a_similar_later_question_finds_the_article_cited_before(library):
    def rank_of_113() -> int | None:
        hits = search(SearchRequest(LATER, date=ON, jurisdiction="kz")).hits
        return next((i for i, h in enumerate(hits) if (h.work, h.eid) == (LC, "art_113")), None)

    before = rank_of_113()
    experience.record(ASKED, [(LC, "art_113")])
    after = rank_of_113()
    assert after is not None and (before is None or after < before or after == 0)


def test_an_unrelated_question_does_not_borrow_the_experience(library):
    experience.record(ASKED, [(LC, "art_113")])
    assert experience.similar_articles(["сверхурочн", "час", "ден"]) == []


#: shares the employer, the delay and the warehouse with ASKED, and is about something else
OTHER_MATTER = "Работодатель задерживает выдачу трудовой книжки после увольнения со склада, что мне делать?"


def _terms(text: str) -> list[str]:
    return [t for t, _w in question_terms(text, "rus")]


def test_a_question_about_another_matter_in_some_of_the_same_words_borrows_nothing():
    """A quarter of the terms' weight was enough before: over a few hundred recorded consultations that
    lent articles about other matters to most questions (bench/relevance.py --experience)."""
    experience.record(ASKED, [(LC, "art_113")], lang="rus")
    assert experience.similar_articles(_terms(OTHER_MATTER)) == []
    assert [pair for pair, _s in experience.similar_articles(_terms(LATER))] == [(LC, "art_113")]


def test_what_was_removed_is_no_term_and_no_meaning_of_the_question():
    experience.record(ASKED, [(LC, "art_113")], lang="rus")
    kept = Experience.objects.get()
    assert "[email]" in kept.text and "#" in kept.text
    assert not {"им", "email"} & set(kept.terms.split())
    assert kept.vector is None  # the encoder is off in this test: the question is found by its words
