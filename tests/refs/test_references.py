"""Citation finding on short phrases: what is a reference, what it points at, and what is not one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kenes.lex.ingest.references import Citation, find_references
from tests.growth import assert_grows_linearly


def targets(text: str, lang: str = "rus", **kw: bool) -> list[tuple[str | None, ...]]:
    """(work, article, paragraph, point) of every citation, in order."""
    return [(c.work, c.article, c.paragraph, c.point) for c in find_references(text, lang, **kw)]


RUSSIAN = [
    ("статья 96 настоящего Кодекса", [(None, "96", None, None)]),
    ("в соответствии с пунктом 2 статьи 31.", [(None, "31", "2", None)]),
    ("подпункт 1) статьи 49 ТК РК", [("ТК РК", "49", None, "1")]),
    ("подпунктом 3) пункта 1 статьи 52 настоящего Кодекса", [(None, "52", "1", "3")]),
    ("статьями 53 и 54", [(None, "53", None, None), (None, "54", None, None)]),
    ("статьями 96–98", [(None, "96", None, None), (None, "97", None, None), (None, "98", None, None)]),
    ("ст. 113 ТК РК", [("ТК РК", "113", None, None)]),
    ("за исключением пункта 3 статьи 95 настоящего Кодекса;", [(None, "95", "3", None)]),
    ("статьи 124-1", [(None, "124-1", None, None)]),
    (
        "статьей 5, статьей 6 и статьей 7",
        [(None, "5", None, None), (None, "6", None, None), (None, "7", None, None)],
    ),
    ("подпунктами 2) и 3) пункта 1 статьи 52", [(None, "52", "1", "2"), (None, "52", "1", "3")]),
    (
        "подпунктами 1)–3) пункта 2 статьи 8",
        [(None, "8", "2", "1"), (None, "8", "2", "2"), (None, "8", "2", "3")],
    ),
    ("частью первой статьи 293 настоящего Кодекса", [(None, "293", "1", None)]),
    ("частями второй и 2-1 статьи 7", [(None, "7", "2", None), (None, "7", "2-1", None)]),
    (
        "статьями 206 , 213 (частями пятой и пятнадцатой)",
        [(None, "206", None, None), (None, "213", "5", None), (None, "213", "15", None)],
    ),
    ("пункта 1-1 статьи 52", [(None, "52", "1-1", None)]),
    ("подпунктом 10-1) пункта 1 статьи 4", [(None, "4", "1", "10-1")]),
    ("пунктом 4 статьи 71 настоящего Трудового кодекса", [(None, "71", "4", None)]),
    ("Статьей 16 установлено", [(None, "16", None, None)]),
    ("пунктом 1-1статьи 52 настоящего Кодекса", [(None, "52", "1-1", None)]),  # a keyword glued by a typo
    ("подпунктом 1) и пунктом 3 статьи 52", [(None, "52", None, "1"), (None, "52", "3", None)]),
    ("статьей 52, 10 календарных дней", [(None, "52", None, None)]),  # a count is not a list item
    ("статьей 74 и 2 месяца", [(None, "74", None, None)]),
]


@pytest.mark.parametrize("text,expected", RUSSIAN, ids=[t for t, _ in RUSSIAN])
def test_russian_citation_names_article_paragraph_and_point(text: str, expected: list[tuple]) -> None:
    assert targets(text) == expected


OTHER_ACTS = [
    (
        "статьи 517 Кодекса Республики Казахстан об административных правонарушениях, и",
        [("Кодекса Республики Казахстан об административных правонарушениях", "517", None, None)],
    ),
    (
        "частью первой статьи 293 Уголовного кодекса Республики Казахстан",
        [("Уголовного кодекса Республики Казахстан", "293", "1", None)],
    ),
    (
        "пунктов 3) и 4) части первой статьи 35 или статьи 36 Уголовно-процессуального кодекса РК",
        [
            ("Уголовно-процессуального кодекса РК", "35", "1", "3"),
            ("Уголовно-процессуального кодекса РК", "35", "1", "4"),
            ("Уголовно-процессуального кодекса РК", "36", None, None),
        ],
    ),
    ("статьи 24 Конституции Республики Казахстан", [("Конституции Республики Казахстан", "24", None, None)]),
    (
        "статьи 5 Закона Республики Казахстан «О занятости населения»",
        [("Закона Республики Казахстан «О занятости населения»", "5", None, None)],
    ),
    (
        "статьей 204 Трудового кодекса РК от 23.11.2015 № 414-V",
        [("Трудового кодекса РК от 23.11.2015 № 414-V", "204", None, None)],
    ),
    ("статьи 3 Конвенции МОТ № 97", [("ilo:c097", "3", None, None)]),
    (
        "пунктом 7 статьи 144-4 Предпринимательского кодекса Республики Казахстан",
        [("Предпринимательского кодекса Республики Казахстан", "144-4", "7", None)],
    ),
]


@pytest.mark.parametrize("text,expected", OTHER_ACTS, ids=[t[:40] for t, _ in OTHER_ACTS])
def test_article_of_another_act_carries_that_act_as_written_never_this_one(text: str, expected: list) -> None:
    assert targets(text) == expected


WORK_ONLY = [
    (
        "в соответствии с Законом Республики Казахстан «О миграции населения»",
        "Законом Республики Казахстан «О миграции населения»",
    ),
    ("гарантированные Конституции Республики Казахстан права", "Конституции Республики Казахстан"),
    (
        "в соответствии с Социальным кодексом Республики Казахстан.",
        "Социальным кодексом Республики Казахстан",
    ),
    ("внесенными Законом РК от 04.05.2020 № 321-VI", "Законом РК от 04.05.2020 № 321-VI"),
    ("ратифицировав Конвенцию МОТ № 143", "ilo:c143"),
]


@pytest.mark.parametrize("text,work", WORK_ONLY, ids=[w for _, w in WORK_ONLY])
def test_a_named_act_without_article_is_a_citation_of_the_whole_work(text: str, work: str) -> None:
    cites = find_references(text, "rus")
    assert [(c.work, c.article, c.eid_candidates()) for c in cites] == [(work, None, [])]


NOT_CITATIONS = [
    "в течение 2 месяцев",
    "не позднее 10 числа месяца",
    "1992 г., № 8, ст. 44; № 9-10, ст. 50",  # the Vedomosti: "ст." of a gazette issue
    "(порядок введения в действие см. ст.2 )",  # an article of the amending act
    "Статья 38. Перевод работника на другую работу",  # a heading
    "Статья 94-1 Положение пункта 1",  # a heading without its full stop
    "пунктом 2",  # of what?
    "статьи 5 и статьи 6 приложения 1 к Правилам",  # of an annex of something unnamed
    "законами Республики Казахстан",  # no act in particular
    "Настоящим Кодексом устанавливаются",
    "в населенных пунктах 1 категории",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_numbers_that_are_not_article_citations_give_nothing(text: str) -> None:
    assert find_references(text, "rus") == []


def test_a_list_gives_one_citation_per_number_sharing_the_phrase_span() -> None:
    text = "предусмотренных статьями 53 и 54 настоящего Кодекса, работник"
    cites = find_references(text, "rus")
    assert [c.article for c in cites] == ["53", "54"]
    assert {(c.start, c.end, c.text) for c in cites} == {
        (16, 51, "статьями 53 и 54 настоящего Кодекса"),
    }
    assert all(c.text == text[c.start : c.end] for c in cites)
    assert all(c.anchor == "named" for c in cites)


def test_whitespace_runs_and_broken_adilet_links_do_not_matter() -> None:
    raw = "за исключением \nпункта 3\n статьи 95 настоящего Кодекса;"
    assert targets(raw) == [(None, "95", "3", None)]
    assert targets(" ".join(raw.split())) == [(None, "95", "3", None)]


def test_citation_of_this_act_is_told_apart_from_an_implicit_one() -> None:
    named, implicit = find_references("статьей 5 настоящего Кодекса; статьи 7", "rus")
    assert (named.work, named.anchor) == (None, "named")
    assert (implicit.work, implicit.anchor) == (None, "implicit")


RELATIVE = [
    ("пунктом 2 настоящей статьи", "art_7__para_1__point_3", ["art_7__para_2", "art_7"]),
    (
        "подпунктом 4) части первой настоящей статьи",
        "art_7",
        ["art_7__para_1__point_4", "art_7__para_1", "art_7"],
    ),
    ("подпунктом 2) настоящего пункта", "art_7__para_3", ["art_7__para_3__point_2", "art_7__para_3"]),
]


@pytest.mark.parametrize("text,context,eids", RELATIVE, ids=[t for t, _, _ in RELATIVE])
def test_relative_citations_come_only_when_asked_and_resolve_against_the_citing_provision(
    text: str, context: str, eids: list[str]
) -> None:
    assert find_references(text, "rus") == []
    (cite,) = find_references(text, "rus", include_relative=True)
    assert cite.relative
    assert cite.eid_candidates() == []  # no context, no guess
    assert cite.eid_candidates(context) == eids


EID_CANDIDATES = [
    (
        Citation(0, 0, "", article="49", paragraph="2", point="1"),
        ["art_49__para_2__point_1", "art_49__para_2", "art_49"],
    ),
    (Citation(0, 0, "", article="49", point="1"), ["art_49__point_1", "art_49__para_1__point_1", "art_49"]),
    (Citation(0, 0, "", article="124-1"), ["art_124-1"]),
    (Citation(0, 0, "", annex="I"), ["annex_i"]),
    (Citation(0, 0, "", article="3", annex="II"), ["annex_ii__art_3"]),
    (Citation(0, 0, "", part="II", anchor="named"), ["part_ii"]),
    (Citation(0, 0, "", paragraph="3", anchor="named"), ["para_3"]),  # "пункт 3 настоящего Указа"
    (Citation(0, 0, "", work="ТК РК", anchor="named"), []),
]


@pytest.mark.parametrize("cite,eids", EID_CANDIDATES)
def test_eid_candidates_go_from_most_specific_to_the_article(cite: Citation, eids: list[str]) -> None:
    assert cite.eid_candidates() == eids


def test_inside_an_annex_an_implicit_article_is_looked_for_in_that_annex_first() -> None:
    (cite,) = find_references("as defined in Article 2, shall", "eng")
    assert cite.eid_candidates("annex_i__art_3__para_1") == ["annex_i__art_2", "art_2"]
    assert cite.eid_candidates("art_14") == ["art_2"]


ENGLISH = [
    ("Article 6 of this Convention", [(None, "6", None, None, None, None)]),
    ("paragraph 2 of Article 11", [(None, "11", "2", None, None, None)]),
    ("Articles 14 and 15", [(None, "14", None, None, None, None), (None, "15", None, None, None, None)]),
    ("Articles 3 to 5 of this Convention", [(None, a, None, None, None, None) for a in ("3", "4", "5")]),
    ("Part II of this Convention", [(None, None, None, None, None, "II")]),
    ("Annex I", [(None, None, None, None, "I", None)]),
    ("Article 3 of Annex II", [(None, "3", None, None, "II", None)]),
    (
        "in accordance with Article 22 of the Constitution of the International Labour Organisation",
        [("Constitution of the International Labour Organisation", "22", None, None, None, None)],
    ),
    (
        "paragraph 7 (b) of Article 19 of the Constitution of the International Labour Organisation",
        [("Constitution of the International Labour Organisation", "19", "7", "b", None, None)],
    ),
    (
        "Article 5, paragraph 3, of the Minimum Age Convention, 1973.",
        [("Minimum Age Convention, 1973", "5", "3", None, None, None)],
    ),
    ("Article 2 of Convention No. 97", [("ilo:c097", "2", None, None, None, None)]),
    ("Convention No. 97", [("ilo:c097", None, None, None, None, None)]),
    ("ILO Convention No. 143", [("ilo:c143", None, None, None, None, None)]),
    ("the Forced Labour Convention, 1930 (No. 29), and", [("ilo:c029", None, None, None, None, None)]),
    (
        "the Migration for Employment Convention, 1939",
        [("Migration for Employment Convention, 1939", None, None, None, None, None)],
    ),
]


@pytest.mark.parametrize("text,expected", ENGLISH, ids=[t[:40] for t, _ in ENGLISH])
def test_english_citation_names_its_level_and_work(text: str, expected: list[tuple]) -> None:
    got = [(c.work, c.article, c.paragraph, c.point, c.annex, c.part) for c in find_references(text, "eng")]
    assert got == expected


ENGLISH_NOT = [
    "###Article 1 Each Member",  # a heading
    "\nArticle 4\nMeasures shall be taken",
    "Part I of the declaration of maritime labour compliance",  # of some other document
    "Standard A4.5, paragraph 9, should",
    "in 1949, 12 Members",
]


@pytest.mark.parametrize("text", ENGLISH_NOT)
def test_english_headings_and_other_documents_are_not_citations(text: str) -> None:
    assert find_references(text, "eng", include_relative=True) == []


def test_english_bare_paragraph_belongs_to_the_same_article() -> None:
    (cite,) = find_references(
        "a declaration made under paragraph 1 of this Article remains", "eng", include_relative=True
    )
    assert (cite.paragraph, cite.anchor) == ("1", "article")
    (cite,) = find_references("subject to paragraph 3 (b), the", "eng", include_relative=True)
    assert (cite.paragraph, cite.point, cite.anchor) == ("3", "b", "article")


KAZAKH = [
    ("осы Кодекстің 96-бабы", [(None, "96", None, None)]),
    ("осы Заңның 12-бабының 2-тармағы", [(None, "12", "2", None)]),
    ("49-бабының 1) тармақшасы", [(None, "49", None, "1")]),
    (
        "осы Заңның 27-бабы 1-тармағының 2) және 3) тармақшаларында",
        [(None, "27", "1", "2"), (None, "27", "1", "3")],
    ),
    ("53 және 54-баптарында", [(None, "53", None, None), (None, "54", None, None)]),
    ("124-1-бабында", [(None, "124-1", None, None)]),
    (
        "Қазақстан Республикасы Еңбек кодексінің 5-бабы",
        [("Қазақстан Республикасы Еңбек кодексінің", "5", None, None)],
    ),
    (
        "Қылмыстық-процестік кодексінің 35-бабы бірінші бөлігінің 3) тармақшасы",
        [("Қылмыстық-процестік кодексінің", "35", "1", "3")],
    ),
    ("Осы Кодекстің 5-бабы", [(None, "5", None, None)]),
]


@pytest.mark.parametrize("text,expected", KAZAKH, ids=[t for t, _ in KAZAKH])
def test_kazakh_citation_reads_work_then_article_paragraph_point(text: str, expected: list[tuple]) -> None:
    assert targets(text, "kaz") == expected


def test_kazakh_work_named_first_carries_to_the_joined_phrases() -> None:
    text = "«Құқық қорғау қызметі туралы» Қазақстан Республикасы Заңының 6-бабының 8-тармағында, 7-бабында"
    works = {c.work for c in find_references(text, "kaz")}
    assert works == {"«Құқық қорғау қызметі туралы» Қазақстан Республикасы Заңының"}
    assert [c.article for c in find_references(text, "kaz")] == ["6", "7"]


@pytest.mark.parametrize(
    "text", ["58-4-бап. Тексеру", "(қолданысқа енгізілу тәртібін 2-баптан қараңыз)", "5 жыл"]
)
def test_kazakh_headings_and_amending_act_articles_are_not_citations(text: str) -> None:
    assert find_references(text, "kaz") == []


def test_unknown_language_is_refused_loudly() -> None:
    with pytest.raises(ValueError, match="no reference finder"):
        find_references("статья 5", "xx")


FRAGMENTS = [
    "статья",
    "статьи",
    "ст.",
    "пункт",
    "подпункт",
    "частью",
    "первой",
    "настоящего Кодекса",
    "Закона",
    "Республики Казахстан",
    "«О",
    "»",
    '"',
    "(",
    ")",
    ",",
    " и ",
    "–",
    "-",
    "1",
    "2)",
    "124-1",
    "96",
    "Article",
    "paragraph",
    "of",
    "this",
    "Convention",
    "No.",
    "Annex",
    "II",
    "бабы",
    "-бабы",
    "осы",
    "тармақшасы",
    ";",
    ".",
    "№",
    "от",
    "01.02.2020",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from(["rus", "eng", "kaz"]))
def test_junk_never_breaks_the_finder_and_spans_are_exact(parts: list[str], lang: str) -> None:
    text = " ".join(parts)
    for cite in find_references(text, lang, include_relative=True):
        assert cite.text == text[cite.start : cite.end]
        for num in (cite.article, cite.paragraph):
            assert num is None or num.isdigit() or num.replace("-", "").isalnum()


def test_a_long_text_is_scanned_in_linear_time() -> None:
    block = (
        "предусмотренных подпунктом 3) пункта 1 статьи 52 настоящего Кодекса, в течение 2 месяцев. " * 20000
    )
    assert len(find_references(block, "rus")) == 20000
    sentence = "предусмотренных подпунктом 3) пункта 1 статьи 52 настоящего Кодекса, в течение 2 месяцев. "
    assert_grows_linearly(lambda n: lambda: find_references(sentence * n, "rus"), 1000)
