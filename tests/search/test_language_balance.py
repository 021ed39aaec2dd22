"""A query in a language that holds only a few of the texts searched meets the rest too.

Before: the Labour Code is held in Russian only, the civil-service law in Kazakh too. A Kazakh reader asking
how many days of annual leave they have ("жыл сайынғы ақылы еңбек демалысы қанша күн") met the Kazakh
civil-service law by their own words (30 days, for civil servants) and the Labour Code's 24 days only
through the glossary's translation, at a lower weight and with commoner terms: never on the first page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.importing import import_document
from kenes.search import holdings
from kenes.search.engine import Filters
from kenes.search.index import open_index, rebuild
from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import DAY, _doc, import_articles

ON = dt.date(2024, 6, 1)
CODE = "/akn/kz/act/code/2015-11-23/414-v"
SERVICE = "/akn/kz/act/law/2015-11-23/416-v"
LEAVE = "жыл сайынғы ақылы еңбек демалысы қанша күн"


@pytest.fixture
def two_languages(db, index_dir):
    factories.jurisdiction("kz", "Kazakhstan")
    import_articles(
        CODE,
        "Трудовой кодекс Республики Казахстан",
        factories.article(
            "88",
            "Продолжительность основного оплачиваемого ежегодного трудового отпуска",
            "Работникам предоставляется ежегодный оплачиваемый трудовой отпуск продолжительностью двадцать "
            "четыре календарных дня.",
        ),
        *(
            factories.article(
                str(n), f"Статья о труде {n}", f"Работник и работодатель соблюдают правило {n}."
            )
            for n in range(1, 13)
        ),
    )
    factories.work(SERVICE, title="Мемлекеттік қызмет туралы", work_type="law")
    service_law = _doc(
        "Мемлекеттік қызмет туралы",
        "kaz",
        factories.article(
            "54",
            "Мемлекеттік қызметшілердің демалысы",
            "Мемлекеттік қызметшілерге жыл сайынғы ақылы еңбек демалысы отыз күнтізбелік күн беріледі.",
        ),
        factories.article(
            "32", "Демалыс кестесі", "Жыл сайынғы ақылы еңбек демалысы кесте бойынша беріледі."
        ),
        factories.article(
            "61", "Қызметтен шығару", "Жыл сайынғы ақылы еңбек демалысы кезінде қызметшіні шығаруға болмайды."
        ),
    )
    import_document(service_law, work_uri=SERVICE, lang="kaz", date=DAY, work_type="law")
    rebuild()


def _works(q: str, **kw) -> list[tuple[str, str]]:
    """(work, article) of each hit, best first."""
    hits = search(SearchRequest(q, date=ON, jurisdiction="kz", **kw)).hits
    return [(h.work, h.eid.split("__")[0]) for h in hits]


@pytest.mark.django_db
def test_the_labour_codes_article_in_russian_reaches_a_kazakh_readers_first_page(two_languages):
    listed = _works(LEAVE)
    assert (CODE, "art_88") in listed[:2], listed
    assert any(work == SERVICE for work, _ in listed[:3])  # the reader's own language stays near the top


@pytest.mark.django_db
def test_a_russian_query_is_ranked_as_before(two_languages):
    """Russian is the main language: one ranking, no second query (the keyword path's cost)."""
    listed = _works("ежегодный оплачиваемый трудовой отпуск")
    assert listed[0] == (CODE, "art_88")


@pytest.mark.django_db
def test_a_query_in_a_language_not_held_meets_the_main_languages_texts_too(two_languages):
    """The glossary adds a concept's terms in every language, and the few Kazakh texts' terms are the rare
    ones: an English question met the Kazakh law first."""
    listed = _works("how many days of annual paid leave do I get")
    assert listed[0] == (CODE, "art_88"), listed


@pytest.mark.django_db
def test_the_main_language_is_the_one_of_more_than_half_where_another_is_searched_too(two_languages):
    handle = open_index()
    searcher = handle.index.searcher()

    def main(**filters) -> str | None:
        return holdings.main_language(searcher, handle.schema, Filters(ON, **filters), handle.memo)

    assert main(jurisdiction="kz") == "rus"
    assert main(jurisdiction="kz", work=SERVICE) is None  # all of it Kazakh: nothing to balance
    assert main(jurisdiction="kz", work=CODE) is None  # all of it Russian


@pytest.mark.django_db
def test_a_language_asked_for_is_searched_alone(two_languages):
    handle = open_index()
    searcher = handle.index.searcher()
    asked = Filters(ON, jurisdiction="kz", lang="kaz")
    assert holdings.main_language(searcher, handle.schema, asked, handle.memo) is None
    listed = _works(LEAVE, lang="kaz")
    assert listed and all(work == SERVICE for work, _ in listed)
