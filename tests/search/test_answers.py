"""Answers before articles (rights checks) and "the law is not here"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from kenes.search.answers import check_slugs
from kenes.search.service import SearchRequest, search

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)


def test_every_check_search_names_is_a_rights_rule():
    from kenes.rights.engine import RULES

    assert set(check_slugs()) <= set(RULES)


@pytest.mark.parametrize(
    ("q", "slug"),
    [
        ("сколько дней я могу находиться в Казахстане 90 дней 180", "stay"),
        ("нужно ли разрешение на работу гражданину Узбекистана", "permit"),
        ("мне не заплатили зарплату за два месяца", "wage-payment"),
        ("сколько дней ежегодного отпуска мне положено", "leave"),
    ],
)
def test_a_question_a_rights_check_answers_names_the_check_first(library, q, slug):
    body = Client().get("/api/search", {"q": q}).json()
    assert body["checks"][0]["slug"] == slug
    assert body["checks"][0]["url"] == f"/rights/{slug}/"


def test_a_keyword_query_about_something_else_names_no_check(library):
    assert search(SearchRequest("сверхурочная работа", date=ON)).checks == []


def test_a_question_about_law_not_held_says_so_instead_of_listing_articles(library):
    q = (
        "Здравствуйте, мы с мужем хотим оформить развод, у нас двое детей. Как разделить квартиру и "
        "сколько будут алименты на ребенка, если муж не согласен?"
    )
    result = search(SearchRequest(q, date=ON))
    assert result.hits == []
    assert result.notices[0].code == "not-here" and result.notices[0].topic == "family"


def test_a_labour_question_is_not_sent_away(library):
    q = "Работодатель заставляет работать сверхурочно каждый день, а оплаты сверхурочной работы нет совсем"
    result = search(SearchRequest(q, date=ON))
    assert result.hits and not [n for n in result.notices if n.code == "not-here"]
