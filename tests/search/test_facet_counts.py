"""Facet counts count results in the unit of ``total`` (one per article, one per work with ``group``), not
index entries: "Казахстан 255" beside 30 results was the bug."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from kenes.search import engine
from kenes.search.index import open_index, rebuild
from kenes.search.service import FACETS, SearchRequest, search

from .indexing import LC
from .paging_data import ARTICLES, ON, QUERY, cap_counting, load_long_articles

pytestmark = pytest.mark.django_db

SMALL_ON = dt.date(2024, 6, 1)


@pytest.fixture
def long_articles(index_dir):
    load_long_articles()
    rebuild()


def _matching_entries(q: str, **filters) -> int:
    """How many index entries the query matches before collapsing (what the facets used to count)."""
    handle = open_index()
    searcher = handle.index.searcher()
    parsed = engine.parse(q)
    prof = engine.profile()
    query = engine.compile_query(
        parsed, engine.plan(parsed, searcher, prof), handle.schema, engine.Filters(**filters), prof
    )
    return searcher.search(query, limit=1, count=True).count


def test_a_facet_every_result_has_one_value_of_adds_up_to_total(long_articles):
    result = search(SearchRequest(QUERY, date=ON))
    assert result.total == ARTICLES and _matching_entries(QUERY, date=ON) > ARTICLES
    for name in ("jurisdiction", "work_type", "lang"):
        assert sum(n for _v, n in result.facets[name]) == result.total, name
    assert result.facets["jurisdiction"] == [("kz", ARTICLES)]
    assert not result.facets_are_estimate


def test_on_a_mixed_library_each_count_is_the_total_its_filter_gives(library):
    """Clicking a facet value lists as many results as the value said (topic included: a result may have
    several topics, so only single-valued facets add up to total)."""
    result = search(SearchRequest("работа", date=SMALL_ON))
    assert len(result.facets["jurisdiction"]) >= 1 and len(result.facets["work_type"]) >= 2
    for name in ("jurisdiction", "work_type", "lang"):
        assert sum(n for _v, n in result.facets[name]) == result.total, name
    param = {"jurisdiction": "jurisdiction", "work_type": "work_type", "topic": "topic", "lang": "lang"}
    for name in FACETS:
        for value, n in result.facets[name]:
            assert search(SearchRequest("работа", date=SMALL_ON, **{param[name]: value})).total == n, (
                name,
                value,
            )


def test_hits_that_collapse_into_one_article_count_once(library):
    # article 108 of the code: its heading and both paragraphs match, one result
    assert _matching_entries("сверхурочная", date=SMALL_ON, work=LC) >= 3
    result = search(SearchRequest("сверхурочная", date=SMALL_ON, work=LC))
    assert result.total == 1 and len(result.hits) == 1
    assert result.facets["jurisdiction"] == [("kz", 1)]
    assert result.facets["work_type"] == [("code", 1)]
    assert result.facets["lang"] == [("rus", 1)]


def test_grouped_by_work_the_facets_count_works(long_articles):
    result = search(SearchRequest(QUERY, date=ON, group_by_work=True))
    assert result.total == 1
    assert result.facets["jurisdiction"] == [("kz", 1)] and result.facets["work_type"] == [("code", 1)]


def test_values_are_listed_most_results_first(library):
    for values in search(SearchRequest("работа", date=SMALL_ON)).facets.values():
        counts = [n for _v, n in values]
        assert counts == sorted(counts, reverse=True)


def test_above_the_exact_limit_the_facets_are_flagged_as_estimates(long_articles, monkeypatch):
    cap_counting(monkeypatch, engine)
    result = search(SearchRequest(QUERY, date=ON))
    assert result.facets_are_estimate and result.total_is_estimate
    (value, n), *rest = result.facets["jurisdiction"]
    assert value == "kz" and not rest
    assert abs(n - ARTICLES) <= 2  # HyperLogLog of the articles, not the 255 entries


def test_the_api_returns_result_counts_and_says_whether_they_are_exact(long_articles):
    body = json.loads(
        Client().get("/api/search", {"q": QUERY, "date": ON.isoformat(), "facets": "1"}).content
    )
    assert body["facets"]["jurisdiction"] == [["kz", ARTICLES]] and body["total"] == ARTICLES
    assert body["facets_are_estimate"] is False
