"""`kenes demo --corpus` brings in the region's texts as the manifest says: counts, editions, alignment, diff.

Runs the real loader on a corpus folder holding only the files this test is about (the loader skips the rest,
saying so), so it checks the manifest entries and not only the parser.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex import editions
from kenes.lex.demo import import_corpus
from kenes.lex.models import AmendmentEffect, Expression, Provision, Work
from kenes.lex.starter.load import load_starter
from tests.conftest import corpus_file

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]

FILES = [
    ("kz", "labour_code_2015_ru.txt"),
    ("kz", "labour_code_2015_ru_2025-06.txt"),
    ("kz", "personal_data_law_2013_ru.txt"),
    ("kz", "personal_data_law_2013_kk.txt"),
    ("tj", "labour_code_2016_ru.md"),
    ("ru", "labour_code_2001_ru.md"),
]
LC, RU, TJ, PD = (
    "/akn/kz/act/code/2015-11-23/414-v",
    "/akn/ru/act/code/2001-12-30/197-fz",
    "/akn/tj/act/code/2016-07-23/1329",
    "/akn/kz/act/law/2013-05-21/94-v",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for place, name in FILES:
        (folder / place).mkdir(exist_ok=True)
        (folder / place / name).symlink_to(corpus_file(place, name))
    return folder


@pytest.fixture
def imported(corpus, db):
    load_starter()
    assert import_corpus(corpus, progress=False) == []


def _articles(uri: str, lang: str = "rus") -> list[Provision]:
    expression = Expression.objects.filter(work__frbr_uri=uri, lang=lang).order_by("-date").first()
    return list(Provision.objects.filter(expression=expression, kind="article").order_by("order"))


def test_the_region_arrives_with_its_counts_titles_and_repealed_articles(imported):
    assert len(_articles(RU)) == 538 and len(_articles(TJ)) == 367
    assert len(_articles(PD, "rus")) == len(_articles(PD, "kaz")) == 38
    assert [a.eid for a in _articles(PD, "rus")] == [a.eid for a in _articles(PD, "kaz")]
    russia = Work.objects.get(frbr_uri=RU)
    assert (russia.short_title, russia.title) == ("ТК РФ", "Трудовой кодекс Российской Федерации")
    assert Expression.objects.get(work=russia).date == dt.date(2025, 12, 29)
    repealed = [a.num for a in _articles(RU) if a.status == "repealed"]
    assert repealed == ["7", "85", "98", "175", "351.2", "360"]
    assert Provision.objects.get(expression__work=russia, eid="art_341-1-1").num == "341.1-1"
    # "(в ред. Федерального закона от 30.06.2006 N 90-ФЗ)" under article 12 is its amendment history
    history = AmendmentEffect.objects.filter(amendment__amended_work=russia, eid="art_12")
    assert "90-ФЗ" in {e.amendment.amending_number for e in history}


def test_the_labour_code_has_two_real_editions_and_their_diff_shows_article_124_2(imported):
    work = Work.objects.get(frbr_uri=LC)
    old, new = editions.editions(work, "rus")
    assert old.date < new.date
    comparison = editions.compare(old, new)
    assert ("art_124-2", "added") in {(c.eid, c.change) for c in comparison.changes}
    assert comparison.effects  # the notes of the newer edition record what changed in between
    assert editions.in_force_on(work, "rus", dt.date(2024, 1, 1)).before_first
