"""A question's word pairs that an article's heading uses: the law's own name for a topic (topics.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.search import engine, topics
from kenes.search.index import open_index
from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import import_articles

pytestmark = pytest.mark.django_db

CODE = "/akn/kz/act/code/2014-07-05/235-v"
DAY = dt.date(2024, 1, 1)
#: a long question that says "срок давности" once, among many everyday words
QUESTION = (
    "Здравствуйте. Я расклеивал объявления об общедомовом вопросе на входные двери подъездов, наклеил их "
    "кусочками скотча, потом их сняли, следов не осталось. Через полгода пришёл участковый и составил "
    "протокол за расклейку объявлений в неположенном месте, двери подъезда, скотч, объявления. "
    "Каков срок давности по такому делу и можно ли обжаловать?"
)


@pytest.fixture
def offences(db, index_dir):
    from kenes.search.index import rebuild

    import_articles(
        CODE,
        "Кодекс об административных правонарушениях",
        factories.article(
            "62",
            "Освобождение от административной ответственности в связи с истечением срока давности",
            "Лицо освобождается от ответственности, если истекли сроки, указанные в статье 63.",
        ),
        factories.article(
            "505",
            "Нарушение правил благоустройства",
            "Расклейка объявлений на дверях подъездов, входные двери, скотч и следы на дверях подъезда "
            "влекут предупреждение. Объявления на дверях подъезда снимаются.",
        ),
        factories.article(
            "506",
            "Протокол об административном правонарушении",
            "Участковый инспектор составляет протокол; в протоколе указываются место, время и "
            "обстоятельства: объявления, двери подъезда, скотч. Протокол можно обжаловать.",
        ),
        factories.article(
            "507",
            "Порядок обжалования",
            "Постановление по делу можно обжаловать в течение десяти дней; жалоба на действия "
            "участкового подается вышестоящему должностному лицу по такому делу.",
        ),
        factories.article(
            "99",
            "Отпуска в связи с беременностью и рождением ребенка",
            "Работающим женщинам предоставляется отпуск.",
        ),
    )
    rebuild()


def _searcher():
    return open_index().index.searcher()


def test_pairs_are_those_a_heading_could_hold_spelled_as_the_question_spells_them(offences):
    text = "какой срок давности и отпуск в связи с беременностью"
    pairs = topics.heading_pairs(_searcher(), text, "rus", 10)
    assert ("срок", "давност") in pairs
    assert ("связ", "с", "беремен") in pairs  # "с" stands between them, in the question and in the heading
    assert not any("как" in p for p in pairs)  # no heading has "какой"


def test_a_pair_stays_inside_its_clause_and_keeps_its_own_stop_words(offences):
    """ "…ответственность? В связи с этим…" is no phrase; "отпуск и беременность" is not "отпуск по
    беременности" (nor the heading's "отпуска в связи с беременностью")."""
    text = "Какая ответственность? В связи с этим прошу помочь"
    assert not any(p[0] == "ответствен" for p in topics.heading_pairs(_searcher(), text, "rus", 10))
    prof = engine.profile()
    handle = open_index()
    filters = engine.Filters(date=DAY, lang="rus")
    found = topics.ranking(
        handle.index.searcher(), handle.schema, "отпуск и беременность", "rus", filters, prof, DAY, 10
    )
    assert found == []


def test_the_rarest_pairs_are_kept_when_there_are_too_many(offences):
    """ "административн" and "связ" each stand in two headings, "срок" and "давност" in one."""
    pairs = topics.heading_pairs(_searcher(), "административной связи; срока давности", "rus", 1)
    assert pairs == [("срок", "давност")]


def test_the_number_of_pairs_is_bounded(offences):
    many = " ".join(["срок давности отпуск беременности ответственности"] * 50)
    assert len(topics.heading_pairs(_searcher(), many, "rus", 3)) == 3


def test_the_article_whose_heading_names_the_pair_ranks_first(offences):
    prof = engine.profile()
    handle = open_index()
    filters = engine.Filters(date=DAY, lang="rus")
    ranked = topics.ranking(
        handle.index.searcher(), handle.schema, QUESTION, "rus", filters, prof, DAY, depth=10
    )
    first = handle.index.searcher().doc(ranked[0].address)
    assert first.get_first("eid").startswith("art_62")


def test_a_long_question_finds_the_topic_it_names_once(offences):
    """The words of the question fit article 505 best; the heading of 62 names what it asks."""
    hits = search(SearchRequest(QUESTION, date=DAY, facets=False)).hits
    assert "art_62" in [h.eid.split("__")[0] for h in hits[:2]]


def test_no_pair_no_ranking(offences):
    prof = engine.profile()
    handle = open_index()
    filters = engine.Filters(date=DAY)
    assert (
        topics.ranking(handle.index.searcher(), handle.schema, "погода", "rus", filters, prof, DAY, 10) == []
    )
