"""Test data for the search tests: a few small works imported through the real import path, and a fixture
that points the index at a temporary directory and builds it from the database."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.importing import import_document
from kenes.lex.models import Topic
from kenes.lex.tree import Document, Node, assign_eids
from tests import factories

LC = factories.LC_URI
C095 = "/akn/aa-ilo/act/convention/1949-07-01/c095"
MIGRATION = "/akn/kz/act/law/2011-07-22/477-iv"
OLD_LAW = "/akn/kz/act/law/1999-12-10/493-i"
DAY = dt.date(2024, 1, 1)
LATER = dt.date(2025, 1, 1)


def _doc(title: str, lang: str, *articles: Node) -> Document:
    doc = Document(title=title, lang=lang, body=list(articles))
    assign_eids(doc)
    return doc


def overtime_article() -> Node:
    return factories.article(
        "108",
        "Сверхурочная работа",
        "Сверхурочная работа не должна превышать двух часов в день.",
        "Оплата сверхурочной работы производится не менее чем в полуторном размере.",
    )


def load_small_library() -> None:
    """The Labour Code (two editions), ILO C095 in English, a Kazakh law and a repealed law."""
    factories.work(LC, title="Трудовой кодекс Республики Казахстан", short_title="ТК РК", work_type="code")
    doc = factories.labour_doc()
    doc.body[0].children.append(overtime_article())
    assign_eids(doc)
    import_document(doc, work_uri=LC, lang="rus", date=DAY)
    newer = factories.labour_doc("Заработная плата выплачивается не позднее десятого числа каждого месяца.")
    newer.body[0].children.append(overtime_article())
    assign_eids(newer)
    import_document(newer, work_uri=LC, lang="rus", date=LATER)

    factories.jurisdiction("aa-ilo", "ILO", "international")
    c095 = _doc(
        "Protection of Wages Convention",
        "eng",
        factories.article("12", "", "Wages shall be paid regularly, at intervals not exceeding one month."),
        factories.article(
            "8", "", "Deductions from wages shall be permitted only under prescribed conditions."
        ),
    )
    import_document(c095, work_uri=C095, lang="eng", date=dt.date(1949, 7, 1), work_type="ilo-convention")

    migration = _doc(
        "Халықтың көші-қоны туралы",
        "kaz",
        factories.article(
            "1", "Еңбекші көшіп келушілер", "Еңбекші көшіп келушіге жұмыс берушінің рұқсаты беріледі."
        ),
    )
    import_document(migration, work_uri=MIGRATION, lang="kaz", date=DAY, work_type="law")
    repealed = _doc(
        "О труде",
        "rus",
        factories.article("20", "Сверхурочная работа", "Сверхурочная работа оплачивается в двойном размере."),
    )
    import_document(repealed, work_uri=OLD_LAW, lang="rus", date=dt.date(2000, 1, 1), work_type="law")
    factories.work(OLD_LAW, repealed_on=dt.date(2016, 1, 1))
    wages = Topic.objects.create(slug="wages")
    factories.work(C095).topics.add(wages)


@pytest.fixture
def index_dir(tmp_path, settings):
    """An index path of the test's own; nothing is built there yet."""
    settings.KENES_SEARCH_INDEX = tmp_path / "search-index"
    settings.KENES_SEARCH_AUTOINDEX = False
    return settings.KENES_SEARCH_INDEX


@pytest.fixture
def library(db, index_dir):
    """The small library, indexed."""
    from kenes.search.index import rebuild

    load_small_library()
    rebuild()
    return index_dir


def import_articles(
    uri: str, title: str, *articles: Node, work_type: str = "code", date: dt.date = DAY
) -> None:
    """A Russian work of ``articles``, imported through the real import path; the caller builds the index."""
    factories.work(uri, title=title, work_type=work_type)
    import_document(_doc(title, "rus", *articles), work_uri=uri, lang="rus", date=date)
