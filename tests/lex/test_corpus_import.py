"""The real corpus through the whole pipeline into the database, and back out as valid AKN.

Skips with a visible reason when ../shared/corpus is absent.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.akn.schema import validate
from kenes.lex.exporting import export_expression
from kenes.lex.importing import import_file
from kenes.lex.models import AmendmentEffect, EditorialNote, Provision, Reference
from kenes.lex.starter.load import load_starter
from tests.conftest import corpus_file

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]

LC = "/akn/kz/act/code/2015-11-23/414-v"
C097 = "/akn/aa-ilo/act/convention/1949-07-01/c097"


@pytest.fixture
def starter(db):
    load_starter()


def test_labour_code_imports_with_its_221_articles_and_exports_valid_akn(starter):
    path = corpus_file("kz", "labour_code_2015_ru.txt")
    result = import_file(path, work_uri=LC, lang="rus", date=dt.date(2025, 7, 16), title="Трудовой кодекс")
    assert result.articles == 221
    expression = result.expression
    art113 = Provision.objects.get(expression=expression, eid="art_113")
    assert art113.heading == "Порядок и сроки выплаты заработной платы"
    paras = list(art113.children.order_by("order"))
    assert [p.num for p in paras] == ["1.", "2.", "3.", "4."] or [p.eid for p in paras][:4] == [
        "art_113__para_1",
        "art_113__para_2",
        "art_113__para_3",
        "art_113__para_4",
    ]
    assert "не реже одного раза в месяц" in paras[0].text
    # the publisher's note is kept, attached to the article, and is not law
    assert EditorialNote.objects.filter(provision=art113, text__startswith="Сноска").exists()
    assert not Provision.objects.filter(expression=expression, text__contains="Сноска.").exists()
    # notes became dated amendment effects on the article
    effects = AmendmentEffect.objects.filter(amendment__amended_work__frbr_uri=LC, eid="art_113")
    assert {e.amendment.amending_number for e in effects} >= {"321-VI", "399-VI"}
    # cross-references inside the code are resolved to existing provisions
    resolved = Reference.objects.filter(source__expression=expression, target_work__frbr_uri=LC).exclude(
        target_eid=""
    )
    assert resolved.count() > 100
    assert set(resolved.values_list("target_eid", flat=True)) <= set(
        Provision.objects.filter(expression=expression).values_list("eid", flat=True)
    )
    xml, _ = export_expression(expression, "akn")
    assert validate(xml) == []


def test_c097_imports_its_23_articles_and_three_annexes_and_exports_valid_akn(starter):
    path = corpus_file("ilo", "C097.md")
    result = import_file(path, work_uri=C097, lang="eng", date=dt.date(1949, 7, 1))
    expression = result.expression
    body_articles = Provision.objects.filter(expression=expression, kind="article", eid__startswith="art_")
    assert body_articles.count() == 23
    annexes = Provision.objects.filter(expression=expression, kind="annex").order_by("order")
    assert [a.eid for a in annexes] == ["annex_i", "annex_ii", "annex_iii"]
    per_annex = [
        Provision.objects.filter(expression=expression, kind="article", eid__startswith=a.eid + "__").count()
        for a in annexes
    ]
    assert per_annex == [8, 13, 2]
    assert not Provision.objects.filter(expression=expression, text__contains="Artikel").exists()
    xml, _ = export_expression(expression, "akn")
    assert validate(xml) == []


def test_reimporting_the_labour_code_changes_nothing(starter):
    path = corpus_file("kz", "labour_code_2015_ru.txt")
    first = import_file(path, work_uri=LC, lang="rus", date=dt.date(2025, 7, 16))
    count = Provision.objects.count()
    again = import_file(path, work_uri=LC, lang="rus", date=dt.date(2025, 7, 16))
    assert again.status == "unchanged"
    assert again.expression.pk == first.expression.pk
    assert Provision.objects.count() == count


def test_kazakh_and_russian_migration_law_align_article_by_article(starter, client):
    uri = "/akn/kz/act/law/2011-07-22/477-iv"
    date = dt.date(2025, 1, 1)
    rus = import_file(corpus_file("kz", "migration_law_2011_ru.txt"), work_uri=uri, lang="rus", date=date)
    kaz = import_file(corpus_file("kz", "migration_law_2011_kk.txt"), work_uri=uri, lang="kaz", date=date)
    rus_articles = list(rus.expression.provisions.filter(kind="article").values_list("eid", flat=True))
    kaz_articles = list(kaz.expression.provisions.filter(kind="article").values_list("eid", flat=True))
    assert len(rus_articles) == 80
    assert rus_articles == kaz_articles
    body = client.get(f"/api/akn{uri[4:]}/rus@2025-01-01/~art_1").json()
    assert [t["lang"] for t in body["translations"]] == ["kaz"]
