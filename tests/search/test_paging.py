"""``total`` counts results as listed (one per article, not one per matching paragraph), and every offset
below it returns a hit: the pager never offers an empty page."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from kenes.lex.importing import import_document
from kenes.lex.tree import Document, assign_eids
from kenes.search import engine
from kenes.search.index import rebuild
from kenes.search.service import search
from tests import factories

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)
HEAVY, LIGHT, PARAGRAPHS = 5, 25, 40
ARTICLES = HEAVY + LIGHT
FILLER = " ".join(f"слово{i}" for i in range(400))


@pytest.fixture
def long_articles(index_dir):
    """5 articles of 40 short paragraphs about leave outrank 25 articles that mention it once in a long
    paragraph (200 short articles on other things make those long ones weigh little): 255 matching entries,
    30 results, and the top 104 entries (the re-ranking window of the first pages) hold only the first 5."""
    factories.work(factories.LC_URI, title="Трудовой кодекс", work_type="code")
    heavy = [
        factories.article(str(n), "", *(f"Отпуск, отпуск {n}.{p}." for p in range(PARAGRAPHS)))
        for n in range(1, HEAVY + 1)
    ]
    light = [
        factories.article(str(n), "", f"{FILLER} отпуск {FILLER}") for n in range(HEAVY + 1, ARTICLES + 1)
    ]
    other = [factories.article(str(n), "", f"Иное правило {n}.") for n in range(ARTICLES + 1, ARTICLES + 201)]
    doc = Document(title="Трудовой кодекс", lang="rus", body=heavy + light + other)
    assign_eids(doc)
    import_document(doc, work_uri=factories.LC_URI, lang="rus", date=dt.date(2024, 1, 1))
    rebuild()


def test_total_counts_articles_not_matching_paragraphs(long_articles):
    result = search("отпуск", date=ON, limit=10)
    assert result.total == ARTICLES and not result.total_is_estimate


def test_every_offset_below_total_has_a_hit_and_none_past_it(long_articles):
    total = search("отпуск", date=ON, limit=1).total
    for offset in range(total):
        assert search("отпуск", date=ON, limit=1, offset=offset, facets=False).hits, offset
    assert search("отпуск", date=ON, limit=1, offset=total, facets=False).hits == []


def test_the_last_page_is_full_even_though_the_first_page_ranks_a_narrow_window(long_articles):
    last = search("отпуск", date=ON, limit=10, offset=ARTICLES - 10, facets=False)
    assert len(last.hits) == 10
    assert len({h.eid.split("__")[0] for h in last.hits}) == 10  # one hit per article


def test_grouped_by_work_the_total_counts_works(long_articles):
    result = search("отпуск", date=ON, group_by_work=True)
    assert result.total == 1 and len(result.hits) == 1


def test_above_the_exact_limit_the_total_is_flagged_as_an_estimate(long_articles, monkeypatch):
    monkeypatch.setattr(engine, "EXACT_COUNT_MAX", 50)
    result = search("отпуск", date=ON, limit=10)
    assert result.total_is_estimate
    assert abs(result.total - ARTICLES) <= 2  # HyperLogLog: exact-ish for a small set


def test_the_api_says_whether_total_is_exact(long_articles):
    body = json.loads(Client().get("/api/search", {"q": "отпуск", "date": ON.isoformat()}).content)
    assert body["total"] == ARTICLES and body["total_is_estimate"] is False
    last = Client().get("/api/search", {"q": "отпуск", "date": ON.isoformat(), "offset": ARTICLES - 1}).json()
    assert len(last["hits"]) == 1
