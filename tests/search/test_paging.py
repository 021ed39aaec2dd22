"""``total`` counts results as listed (one per article, not one per matching paragraph), and every offset
below it returns a hit: the pager never offers an empty page."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from kenes.search import engine
from kenes.search.index import rebuild
from kenes.search.service import SearchRequest, search

from .paging_data import ARTICLES, ON, cap_counting, load_long_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_articles(index_dir):
    load_long_articles()
    rebuild()


def test_total_counts_articles_not_matching_paragraphs(long_articles):
    result = search(SearchRequest("отпуск", date=ON, limit=10))
    assert result.total == ARTICLES and not result.total_is_estimate


def test_every_offset_below_total_has_a_hit_and_none_past_it(long_articles):
    total = search(SearchRequest("отпуск", date=ON, limit=1)).total
    for offset in range(total):
        assert search(SearchRequest("отпуск", date=ON, limit=1, offset=offset, facets=False)).hits, offset
    assert search(SearchRequest("отпуск", date=ON, limit=1, offset=total, facets=False)).hits == []


def test_the_last_page_is_full_even_though_the_first_page_ranks_a_narrow_window(long_articles):
    last = search(SearchRequest("отпуск", date=ON, limit=10, offset=ARTICLES - 10, facets=False))
    assert len(last.hits) == 10
    assert len({h.eid.split("__")[0] for h in last.hits}) == 10  # one hit per article


def test_grouped_by_work_the_total_counts_works(long_articles):
    result = search(SearchRequest("отпуск", date=ON, group_by_work=True))
    assert result.total == 1 and len(result.hits) == 1


def test_above_the_exact_limit_the_total_is_flagged_as_an_estimate(long_articles, monkeypatch):
    cap_counting(monkeypatch, engine)
    result = search(SearchRequest("отпуск", date=ON, limit=10))
    assert result.total_is_estimate
    assert abs(result.total - ARTICLES) <= 2  # HyperLogLog: exact-ish for a small set


def test_without_facets_many_matches_are_estimated_without_another_pass(long_articles, monkeypatch):
    """The API's default (no facets): above the cap the articles are estimated from the matches the
    ranking counted anyway (the index's entries per article), not counted by a second pass."""
    cap_counting(monkeypatch, engine)
    monkeypatch.setattr(engine, "count_groups", None)  # a second counting pass would fail
    result = search(SearchRequest("отпуск", date=ON, limit=5, facets=False))
    assert result.total_is_estimate and len(result.hits) == 5
    # at least the articles seen; never above the articles there are (an estimate above them promised
    # pages that came back empty: the index's entries per article read these 255 entries as 90 articles)
    assert 5 <= result.total <= ARTICLES
    body = Client().get("/api/search", {"q": "отпуск", "date": ON.isoformat(), "limit": 5}).json()
    assert body["total"] == result.total and body["total_is_estimate"] is True


def test_the_api_says_whether_total_is_exact(long_articles):
    body = json.loads(Client().get("/api/search", {"q": "отпуск", "date": ON.isoformat()}).content)
    assert body["total"] == ARTICLES and body["total_is_estimate"] is False
    last = Client().get("/api/search", {"q": "отпуск", "date": ON.isoformat(), "offset": ARTICLES - 1}).json()
    assert len(last["hits"]) == 1
