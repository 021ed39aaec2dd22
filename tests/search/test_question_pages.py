"""A question's first page is the same whether ten results are asked for or fifty, and its pages follow on
from each other: every ranking is fused to the same depth, and the re-ranking window does not grow with
the page (fusion.fuse, service._ranked)."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.search import fusion
from kenes.search.engine import Ranked
from kenes.search.index import rebuild
from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import import_articles

pytestmark = pytest.mark.django_db

CODE = "/akn/kz/act/code/2014-07-05/235-v"
DAY = dt.date(2024, 1, 1)
QUESTION = (
    "Участковый составил протокол за объявления на двери подъезда, прошло больше года. "
    "Каков срок давности по такому делу и можно ли его обжаловать?"
)
WORDS = ("участковый", "протокол", "срок", "давности", "объявления", "подъезда", "обжаловать", "делу")


@pytest.fixture
def many_matches(db, index_dir):
    """Twenty articles that repeat the question's words and no heading pair of it; the article whose
    heading names "срок давности" says only one of the question's words, so its words rank it 21st."""
    fillers = [
        factories.article(str(n), f"Правило номер {n}", " ".join(WORDS * (1 + n % 3)) + " прочее" * (n - 100))
        for n in range(100, 120)
    ]
    limitation = factories.article(
        "62",
        "Освобождение от ответственности в связи с истечением срока давности",
        "Лицо освобождается от ответственности, если истекли сроки; " + "иное " * 60 + "протокол.",
    )
    import_articles(CODE, "Кодекс об административных правонарушениях", *fillers, limitation)
    rebuild()


def _articles(limit: int, offset: int = 0) -> list[str]:
    request = SearchRequest(QUESTION, date=DAY, limit=limit, offset=offset, facets=False)
    result = search(request)
    assert result.question
    return [h.eid.split("__")[0] for h in result.hits]


def test_the_first_page_of_a_question_does_not_depend_on_the_page_size(many_matches):
    ten = _articles(10)
    assert _articles(40)[:10] == ten
    assert _articles(5) == ten[:5]
    # its heading names the question's topic: the fusion lifts it onto page one, however long the page
    assert "art_62" in ten


def test_the_pages_of_a_question_follow_on_without_repeats(many_matches):
    pages = _articles(10) + _articles(10, offset=10) + _articles(10, offset=20)
    assert pages == _articles(30)
    assert len(set(pages)) == len(pages)


def _ranked(*units: int) -> list[Ranked]:
    return [Ranked(None, 1.0, 1.0, 1.0, 0, unit=u) for u in units]  # (no index: the address is not read)


def test_fusion_reads_each_ranking_to_its_depth_then_lists_the_rest_of_the_words():
    words = fusion.Ranking("text", _ranked(*range(1, 8)))
    topics = fusion.Ranking("topics", _ranked(6, 9), 0.75)
    fused = fusion.fuse([words, topics], 60, 3, need=8, rest=words.items[3:])
    units = [r.unit for r in fused]
    # 6 is past the words' depth: it counts for the topics alone; 4, 5 and 7 follow in the words' order
    assert units[:3] == [1, 2, 3] and set(units[3:5]) == {6, 9}
    assert units[5:] == [4, 5, 7]
    assert all(a.score >= b.score for a, b in zip(fused, fused[1:], strict=False))
    assert [r.unit for r in fusion.fuse([words, topics], 60, 3, need=5, rest=words.items[3:])] == units[:5]
