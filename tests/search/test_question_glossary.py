"""A question read through the glossary: what a person says, and the law's names for it."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import import_articles

pytestmark = pytest.mark.django_db

LC = "/akn/kz/act/code/2015-11-23/414-v"
OFFENCES = "/akn/kz/act/code/2014-07-05/235-v"
DAY = dt.date(2024, 1, 1)
#: the issue's own example
QUESTION = (
    "Здравствуйте, я работаю продавцом с декабря, договор не подписывали, за два месяца не заплатили, "
    "а теперь говорят уходи по собственному желанию. Что делать?"
)


@pytest.fixture
def codes(db, index_dir):
    from kenes.search.index import rebuild

    import_articles(
        LC,
        "Трудовой кодекс Республики Казахстан",
        factories.article(
            "113",
            "Порядок и сроки выплаты заработной платы",
            "Заработная плата выплачивается работнику не реже одного раза в месяц.",
            "При задержке выплаты заработной платы работодатель выплачивает пеню.",
        ),
        factories.article(
            "56",
            "Порядок расторжения трудового договора по инициативе работника",
            "Работник вправе расторгнуть трудовой договор, предупредив работодателя за один месяц.",
        ),
        factories.article(
            "61",
            "Оформление прекращения трудового договора",
            "Прекращение трудового договора оформляется актом работодателя; договор прекращается со дня, "
            "указанного в акте.",
        ),
    )
    import_articles(
        OFFENCES,
        "Кодекс об административных правонарушениях",
        factories.article(
            "97",
            "Нарушение требований законодательства по заключению коллективного договора",
            "Отказ от заключения коллективного договора, соглашения влечет штраф; договор не подписан, "
            "договор не заключен в срок, договор не исполнен.",
        ),
    )
    rebuild()


def test_the_issues_example_lands_on_wages_and_resignation(codes):
    """ "не заплатили" is unpaid wages, "по собственному желанию" a resignation: the law's names for them
    (the glossary) outweigh the word "договор" that a collective-agreement offence repeats."""
    result = search(SearchRequest(QUESTION, date=DAY, facets=False))
    assert result.question
    first_two = {(h.work, h.eid.split("__")[0]) for h in result.hits[:2]}
    assert first_two == {(LC, "art_113"), (LC, "art_56")}
