"""Search behaviour over a small library indexed for real (tantivy in a temporary directory)."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.search.service import QueryError, SearchRequest, search

from .indexing import C095, DAY, LATER, LC, MIGRATION, OLD_LAW

pytestmark = pytest.mark.django_db

ON = dt.date(2024, 6, 1)


def _where(result) -> list[tuple[str, str]]:
    return [(h.work, h.eid) for h in result.hits]


def test_an_inflected_word_finds_the_article_whose_heading_has_it(library):
    result = search(SearchRequest("выплата заработной платы", date=ON, facets=False))
    assert _where(result)[0] == (LC, "art_113")
    assert result.total >= 1


def test_results_are_provisions_with_their_number_heading_and_expression_date(library):
    hit = search(SearchRequest("сроки выплаты заработной платы", date=ON)).hits[0]
    assert (hit.num, hit.heading, hit.lang, hit.date) == (
        "113",
        "Порядок и сроки выплаты заработной платы",
        "rus",
        DAY,
    )
    assert hit.work_title


def test_the_date_picks_the_wording_in_force(library):
    assert search(SearchRequest("десятого числа", date=ON)).hits == []
    later = search(SearchRequest("десятого числа", date=LATER))
    assert later.hits and later.hits[0].date == LATER and later.hits[0].eid.startswith("art_113")


def test_an_article_and_its_paragraphs_collapse_into_one_hit(library):
    eids = [
        h.eid for h in search(SearchRequest("сверхурочная работа", date=ON, limit=50)).hits if h.work == LC
    ]
    assert len([e for e in eids if e.startswith("art_108")]) == 1


def test_a_repealed_work_ranks_below_the_one_in_force(library):
    works = [h.work for h in search(SearchRequest("сверхурочная работа", date=ON)).hits]
    assert works.index(LC) < works.index(OLD_LAW)


def test_filters_narrow_by_jurisdiction_type_language_work_and_topic(library):
    assert {h.work for h in search(SearchRequest("wages", date=ON, jurisdiction="aa-ilo")).hits} == {C095}
    assert search(SearchRequest("intervals", date=ON, jurisdiction="kz")).hits == []
    assert {h.lang for h in search(SearchRequest("сверхурочная", date=ON, lang="rus")).hits} == {"rus"}
    laws = {h.work for h in search(SearchRequest("сверхурочная", date=ON, work_type="law")).hits}
    assert OLD_LAW in laws and LC not in laws
    assert {h.work for h in search(SearchRequest("сверхурочная", date=ON, work=LC)).hits} == {LC}
    assert {h.work for h in search(SearchRequest("wages", date=ON, topic="wages")).hits} == {C095}
    assert search(SearchRequest("сверхурочная", date=ON, topic="wages")).hits == []


def test_facets_count_matches_per_value(library):
    facets = dict(search(SearchRequest("сверхурочная работа", date=ON)).facets["work_type"])
    assert facets["code"] >= 1 and facets["law"] >= 1


def test_english_stems_match(library):
    assert search(SearchRequest("wage paid", date=ON, lang="eng")).hits[0].eid.startswith("art_12")


def test_kazakh_suffixes_are_normalised(library):
    hits = search(SearchRequest("көшіп келушілерге", date=ON, lang="kaz")).hits
    assert hits and hits[0].work == MIGRATION


def test_a_quoted_phrase_must_match_as_a_phrase(library):
    assert search(SearchRequest('"полуторном размере"', date=ON)).hits[0].eid == "art_108__para_2"
    assert search(SearchRequest('"размере полуторном"', date=ON)).hits == []


def test_a_phrase_left_open_runs_to_the_end_of_the_query(library):
    # a forgotten closing quote is not an error: the phrase is read to the end, still as a phrase
    assert search(SearchRequest('"полуторном размере', date=ON)).hits[0].eid == "art_108__para_2"
    assert search(SearchRequest('оплата "размере полуторном', date=ON)).hits == []


def test_a_minus_word_excludes(library):
    with_word = {h.work for h in search(SearchRequest("сверхурочная работа", date=ON)).hits}
    without = {h.work for h in search(SearchRequest("сверхурочная работа -двойном", date=ON)).hits}
    assert OLD_LAW in with_word and OLD_LAW not in without


def test_group_by_work_gives_one_hit_per_work(library):
    works = [h.work for h in search(SearchRequest("работа", date=ON, group_by_work=True, limit=50)).hits]
    assert len(works) == len(set(works)) >= 2


def test_snippets_mark_matched_words_and_escape_the_rest(library):
    hit = search(SearchRequest("полуторном", date=ON)).hits[0]
    assert "<mark>полуторном</mark>" in hit.snippet
    assert "<" not in hit.snippet.replace("<mark>", "").replace("</mark>", "")


def test_explain_says_why(library):
    hit = search(SearchRequest("сверхурочная работа", date=ON, explain=True)).hits[0]
    assert hit.explanation["bm25"]["value"] > 0
    assert set(hit.explanation["priors"]) == {"work_type", "kind", "in_force"}
    assert hit.score == pytest.approx(hit.explanation["text_score"] * hit.explanation["prior"], rel=1e-4)
    assert search(SearchRequest("сверхурочная работа", date=ON)).hits[0].explanation is None


def test_a_citation_resolves_first(library):
    result = search(SearchRequest("ст. 113 ТК РК", date=ON))
    assert result.citation
    assert _where(result)[0] == (LC, "art_113")


def test_limit_and_offset_are_capped_and_page(library):
    assert len(search(SearchRequest("работа", date=ON, limit=10_000)).hits) <= 50
    first = search(SearchRequest("работа", date=ON, limit=1)).hits
    second = search(SearchRequest("работа", date=ON, limit=1, offset=1)).hits
    assert first and second and first[0].eid != second[0].eid
    assert search(SearchRequest("работа", date=ON, offset=10**9)).hits == []
    with pytest.raises(QueryError):
        search(SearchRequest("работа", limit=-1))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "а" * 10_000,
        'трудовой "договор',
        "AND OR NOT",
        "+ - && ||",
        "😀🙈",
        "зарплaта жұмыс o'zbek",
    ],
)
def test_bad_input_is_a_query_error_or_an_empty_or_ordinary_result(library, query):
    try:
        result = search(SearchRequest(query, date=ON))
    except QueryError as exc:
        assert str(exc)
    else:
        assert result.total >= 0 and all(h.eid for h in result.hits)


def test_an_unknown_language_is_a_query_error(library):
    with pytest.raises(QueryError, match="unknown language"):
        search(SearchRequest("работа", lang="xx"))


def test_common_words_with_a_word_the_index_lacks_still_find_the_common_ones(library):
    # "сверхурочн" and "работ" are in most of the small library's entries (too common to search alone
    # when a rarer word is there); an unknown word must not leave the search with nothing to look for
    hits = search(SearchRequest("сверхурочная работа ксилофон", date=ON)).hits
    assert hits and hits[0].eid.startswith("art_108")
