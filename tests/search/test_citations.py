"""Citation queries: parsing without a database, resolution against imported documents and the real code."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.importing import import_document, import_file
from kenes.lex.models import Work
from kenes.lex.tree import Document, Node, assign_eids
from kenes.search.citations import Citation, aliases, parse_citation, resolve_citation
from tests import factories as f
from tests.conftest import corpus_file

LC = f.LC_URI
C097 = "/akn/aa-ilo/act/convention/1949-07-01/c097"
C143 = "/akn/aa-ilo/act/convention/1975-06-24/c143"
KOAP = "/akn/kz/act/code/2014-07-05/235-v"


@pytest.mark.parametrize(
    ("query", "uri", "article", "paragraph", "sub"),
    [
        ("ст. 113 ТК РК", LC, "113", None, None),
        ("статья 49 трудового кодекса", LC, "49", None, None),
        ("п. 2 ст. 31 ТК", LC, "31", "2", None),
        ("подпункт 1) статьи 49 ТК РК", LC, "49", None, "1"),
        ("пп. 1) п. 2 ст. 31 ТК РК", LC, "31", "2", "1"),
        ("ч. 2 ст. 31 Трудового кодекса Республики Казахстан", LC, "31", "2", None),
        ("ТК РК 113", LC, "113", None, None),
        ("113-бап", None, "113", None, None),
        ("Еңбек кодексінің 113-бабы", LC, "113", None, None),
        ("ҚР Еңбек кодексі 113-бап", LC, "113", None, None),
        ("Labour Code art. 113", LC, "113", None, None),
        ("статья 517 КоАП", KOAP, "517", None, None),
        ("статья 12-1 ТК", LC, "12-1", None, None),
        ("ст 113", None, "113", None, None),
    ],
)
def test_parse_national(
    query: str, uri: str | None, article: str, paragraph: str | None, sub: str | None
) -> None:
    cit = parse_citation(query)
    assert cit is not None
    assert (cit.work_uri, cit.article, cit.paragraph, cit.point) == (uri, article, paragraph, sub)


@pytest.mark.parametrize(
    ("query", "number", "article", "paragraph", "sub"),
    [
        ("C097 art 6", "c097", "6", None, None),
        ("Article 6 of C097", "c097", "6", None, None),
        ("Convention 143", "c143", None, None, None),
        ("ILO Convention No. 143", "c143", None, None, None),
        ("Конвенция МОТ № 97", "c097", None, None, None),
        ("статья 6 Конвенции МОТ № 97", "c097", "6", None, None),
        ("art 6(1)(a) C097", "c097", "6", "1", "a"),
        ("P029", "p029", None, None, None),
    ],
)
def test_parse_ilo(
    query: str, number: str, article: str | None, paragraph: str | None, sub: str | None
) -> None:
    cit = parse_citation(query)
    assert cit is not None
    assert (cit.ilo_number, cit.article, cit.paragraph, cit.point, cit.jurisdiction) == (
        number,
        article,
        paragraph,
        sub,
        "aa-ilo",
    )


def test_parse_reads_the_country() -> None:
    assert parse_citation("ст. 113 ТК РК").jurisdiction == "kz"
    assert parse_citation("статья 113 Трудового кодекса Республики Казахстан").jurisdiction == "kz"
    kyrgyz = parse_citation("статья 113 ТК КР")  # a Labour Code, but not the Kazakh one
    assert (kyrgyz.jurisdiction, kyrgyz.work_uri, kyrgyz.article) == ("kg", None, "113")


def test_a_number_inside_a_name_is_not_the_article() -> None:
    cit = parse_citation("MLC 2006")
    assert (cit.work_uri, cit.article) == ("/akn/aa-ilo/act/convention/2006-02-23/mlc2006", None)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "работодатель не платит зарплату",
        "работодатель не платит ст. 113",  # a question that mentions an article: text search
        "overtime pay KZ",
        "113",  # a bare number names no work
        "ст. 113 и ст. 114 ТК",  # two articles are a list, not one provision
        "статья 5 приложения 1",
        "x" * 10_000,
        "((( ст.",
        "😀 ст. 😀",
    ],
)
def test_not_a_citation(query: str) -> None:
    assert parse_citation(query) is None


def test_eid_candidates_follow_the_reference_linker() -> None:
    assert Citation(article="31", paragraph="2", point="1").eid_candidates() == [
        "art_31__para_2__point_1",
        "art_31__para_2",
        "art_31",
    ]
    assert Citation(article="49", point="1").eid_candidates() == [
        "art_49__point_1",
        "art_49__para_1__point_1",
        "art_49",
    ]
    assert Citation(work_uri=LC).eid_candidates() == []


def test_aliases_point_at_the_starter_uris() -> None:
    """Every alias names a work URI of the starter data (corpus.yaml or instruments.yaml)."""
    from pathlib import Path

    import yaml

    from kenes.lex.starter import load as starter

    folder = Path(starter.__file__).parent
    corpus = yaml.safe_load((folder / "corpus.yaml").read_text(encoding="utf-8"))
    instruments = yaml.safe_load((folder / "instruments.yaml").read_text(encoding="utf-8"))
    known = {w["work"] for w in corpus["national"]} | {i["frbr_uri"] for i in instruments}
    works, places = aliases()
    assert {a.uri for a in works} <= known
    assert all(key for key, _ in places)


# --------------------------------------------------------------------------------------------------
# Resolution


def _labour_code() -> None:
    f.work(LC, title="Трудовой кодекс Республики Казахстан", short_title="ТК РК", work_type="code")
    doc = f.labour_doc()
    doc.body[0].children.append(
        Node(
            "article",
            num="49",
            heading="Основания прекращения трудового договора",
            children=[
                Node("point", num="1)", text="соглашение сторон;"),
                Node("point", num="2)", text="истечение"),
            ],
        )
    )
    assign_eids(doc)
    import_document(doc, work_uri=LC, lang="rus", date=f.DAY)


def _c097() -> None:
    f.jurisdiction("aa-ilo", "ILO", "international")
    doc = Document(
        title="Migration for Employment Convention (Revised), 1949",
        lang="eng",
        body=[f.article("6", "", "Each Member undertakes to apply treatment no less favourable.", "Second.")],
    )
    assign_eids(doc)
    import_document(doc, work_uri=C097, lang="eng", date=dt.date(1949, 7, 1), work_type="ilo-convention")


@pytest.mark.django_db
def test_resolve_article_paragraph_and_point() -> None:
    _labour_code()
    assert resolve_citation("ст. 113 ТК РК") == [(LC, "art_113")]
    assert resolve_citation("п. 2 ст. 113 ТК")[0] == (LC, "art_113__para_2")
    assert resolve_citation("подпункт 1) статьи 49 ТК РК")[0] == (LC, "art_49__point_1")
    assert resolve_citation("статья 124-1 трудового кодекса") == [(LC, "art_124-1")]
    assert resolve_citation("113-бап") == [(LC, "art_113")]  # no work named: the Labour Code first
    assert resolve_citation("Трудовой кодекс") == [(LC, "")]


@pytest.mark.django_db
def test_resolve_nothing_when_absent() -> None:
    _labour_code()
    assert resolve_citation("ст. 999 ТК РК") == []
    assert resolve_citation("работодатель не платит зарплату") == []
    assert resolve_citation("статья 517 КоАП") == []  # the work is not in this database
    assert resolve_citation("статья 113 ТК КР") == []  # Kyrgyzstan's code, which we do not hold


@pytest.mark.django_db
def test_resolve_ilo() -> None:
    _c097()
    assert resolve_citation("C097 art 6") == [(C097, "art_6")]
    assert resolve_citation("Article 6 of C097", lang="eng") == [(C097, "art_6")]
    assert resolve_citation("статья 6 Конвенции МОТ № 97")[0] == (C097, "art_6")
    assert resolve_citation("art 6(2) C097")[0] == (C097, "art_6__para_2")
    assert resolve_citation("Convention 97") == [(C097, "")]
    assert resolve_citation("Convention 143") == []


@pytest.mark.django_db
def test_resolve_known_work_without_text() -> None:
    """A convention we list but hold no text of resolves to the work itself."""
    f.jurisdiction("aa-ilo", "ILO", "international")
    f.work(C143, title="Migrant Workers (Supplementary Provisions) Convention, 1975")
    assert Work.objects.filter(frbr_uri=C143).exists()
    assert resolve_citation("Convention 143") == [(C143, "")]
    assert resolve_citation("C143 art 1") == [(C143, "")]


@pytest.mark.django_db
@pytest.mark.corpus
def test_resolve_in_the_real_labour_code() -> None:
    path = corpus_file("kz", "labour_code_2015_ru.txt")
    f.jurisdiction("kz")
    import_file(path, work_uri=LC, lang="rus", date=dt.date(2025, 7, 16), title="Трудовой кодекс")
    assert resolve_citation("ст. 113 ТК РК") == [(LC, "art_113")]
    assert resolve_citation("п. 2 ст. 31 ТК")[0] == (LC, "art_31__para_2")
    assert resolve_citation("подпункт 1) статьи 49 ТК РК")[0] == (LC, "art_49__point_1")
    assert resolve_citation("статья 49 трудового кодекса", date=dt.date(2026, 1, 1)) == [(LC, "art_49")]
    assert resolve_citation("Еңбек кодексінің 113-бабы") == [(LC, "art_113")]
    assert resolve_citation("ст. 113 ТК РК", date=dt.date(2000, 1, 1)) == [(LC, "art_113")]


@pytest.mark.django_db
def test_a_citation_of_an_article_the_code_lacks_says_so_instead_of_searching_its_words(library):
    """ "ст. 999 ТК РК" listed unrelated provisions for its words ("ст", "999", "тк", "рк")."""
    from django.test import Client

    from kenes.search.service import SearchRequest, search

    result = search(SearchRequest("ст. 999 ТК РК", date=dt.date(2024, 6, 1)))
    assert result.hits == [] and result.citation
    assert [(n.code, n.topic, n.eid) for n in result.notices] == [("citation-not-found", LC, "art_999")]
    body = Client().get("/api/search", {"q": "ст. 999 ТК РК", "date": "2024-06-01"}).json()
    assert body["hits"] == [] and body["notices"][0]["eid"] == "art_999"
    page = Client().get("/search", {"q": "ст. 999 ТК РК", "date": "2024-06-01"}, HTTP_ACCEPT_LANGUAGE="ru")
    html = page.content.decode()
    link = f'<a href="{LC}">Трудовой кодекс Республики Казахстан</a>'
    assert f"В документе «{link}» нет нормы «ст. 999»" in html
    # a work not held is not denied its articles: "статья 517 КоАП" is searched as before
    assert search(SearchRequest("статья 517 КоАП", date=dt.date(2024, 6, 1))).notices == []


@pytest.mark.django_db
def test_a_works_name_alone_leads_to_the_work_not_to_its_words_searched(library):
    """ "ТК РК" listed provisions of other works that hold "тк" or "рк"; a lawyer typing a code's name
    wants the code."""
    from django.test import Client

    from kenes.search.service import SearchRequest, search

    on = dt.date(2024, 6, 1)
    for q in ("ТК РК", "Трудовой кодекс Республики Казахстан"):
        result = search(SearchRequest(q, date=on))
        assert result.hits == [] and [(n.code, n.topic) for n in result.notices] == [("citation-work", LC)]
    response = Client().get("/search", {"q": "ТК РК"})
    assert response.status_code == 302 and response["Location"] == LC
    listed = Client().get("/search", {"q": "ТК РК", "all": "1"}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f'Запрос называет документ: <a href="{LC}">' in listed
    # other words are searched as before, and the name test costs nothing for them
    assert search(SearchRequest("сверхурочная работа", date=on)).hits
    assert search(SearchRequest("ТК КР", date=on)).notices[0].code != "citation-work"  # a code not held


@pytest.mark.django_db
def test_a_list_of_citations_lists_each_provision(library):
    """ "ст. 113 ТК РК и ст. 81 ТК РФ" parsed as no citation (two works) and was searched as its words;
    a work named once after the last number is every number's ("ст. 80 и 81 ТК РФ")."""
    from django.test import Client

    from kenes.search.citation_hits import _several
    from kenes.search.service import SearchRequest, search

    assert _several("ст. 80 и 81 ТК РФ") == ["ст. 80 тк рф", "81 ТК РФ"]
    assert _several("ст. 113 ТК РК и ст. 81 ТК РФ") == ["ст. 113 ТК РК", "ст. 81 ТК РФ"]
    assert _several("не платят 2 месяца и уволили 3 дня назад") == []  # numbers, not citations
    result = search(SearchRequest("ст. 113, 108 ТК РК", date=dt.date(2024, 6, 1)))
    assert [(h.work, h.eid.split("__")[0]) for h in result.hits] == [(LC, "art_113"), (LC, "art_108")]
    assert result.citation and all(h.citation for h in result.hits)
    page = Client().get("/search", {"q": "ст. 113, 108 ТК РК", "date": "2024-06-01"})
    assert page.status_code == 200 and '<ol class="hits"' in page.content.decode()  # listed, not jumped
    assert Client().get("/search", {"q": "ст. 113 ТК РК", "date": "2024-06-01"}).status_code == 302
