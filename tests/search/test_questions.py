"""Question mode: long questions are searched, not refused; what carries no meaning is left out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from kenes.search.query import MAX_QUERY_BYTES, MAX_QUERY_CHARS, QueryTooLong, parse
from kenes.search.question import question_terms
from kenes.search.service import SearchRequest, search

from .indexing import LC

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)
LETTER = (
    "Здравствуйте! Меня зовут Айгуль Сериковна, я работаю продавцом с 5 декабря 2023 года в магазине. "
    "Работодатель заставляет меня работать сверхурочно по четыре часа каждый день, а оплата сверхурочной "
    "работы не производится, мне платят 150000 тенге. Подскажите пожалуйста, законно ли это? Заранее спасибо."
)


def test_salutations_names_dates_and_amounts_are_left_out_of_a_question():
    terms = {t for t, _w in question_terms(LETTER, "rus")}
    for absent in ("здравств", "айгул", "серик", "декабр", "тенг", "спасиб", "подсказа", "150000", "2023"):
        assert not any(t.startswith(absent) for t in terms), absent
    assert {"сверхурочн", "оплат", "работодател"} <= terms


def test_giving_is_not_read_as_a_date():
    """ "дали", "дают" are "дать", whose stem is that of "дата": a question's "мы дали квартиру друзьям"
    searched the articles on dates. The verb carries no legal meaning of its own ("не дают отпуск" is
    read by the glossary's phrase before the verb is dropped)."""
    terms = {t for t, _w in question_terms("мы дали квартиру друзьям, а теперь они не дают ключи", "rus")}
    assert "дат" not in terms and "квартир" in terms


def test_a_question_is_read_as_weighted_terms_not_as_an_and_of_its_words():
    parsed = parse(LETTER, "rus", question_words=8)
    assert parsed.question and len(parsed.term_weights) == len(parsed.terms)
    assert not parse("сверхурочная работа", "rus", question_words=8).question


def test_a_long_question_finds_the_article_it_is_about(library):
    result = search(SearchRequest(LETTER, date=ON, jurisdiction="kz"))
    assert result.question
    assert (result.hits[0].work, result.hits[0].eid) == (LC, "art_108")


def test_a_question_of_twenty_thousand_characters_is_searched_whole(library):
    letter = (LETTER + " ") * (MAX_QUERY_CHARS // (len(LETTER) + 1))
    assert len(letter) <= MAX_QUERY_CHARS
    result = search(SearchRequest(letter, date=ON))
    # (it pays in tenge: searched as a question about Kazakhstan, which it says; nothing else to say)
    assert result.hits and [n.code for n in result.notices] == ["place"]


def test_past_twenty_thousand_characters_the_rest_is_not_searched_and_it_says_so(library):
    letter = "сверхурочная работа " * 2000  # 40,000 characters, under the byte limit
    result = search(SearchRequest(letter, date=ON))
    assert [n.code for n in result.notices] == ["cut"]
    assert result.hits


def test_absurdly_large_input_is_refused_before_it_is_read():
    with pytest.raises(QueryTooLong, match="bytes"):
        parse("ж" * (MAX_QUERY_BYTES // 2 + 1))


def test_a_megabyte_query_is_a_413_over_get_and_post(library):
    big = "работа " * 150_000
    response = Client().get("/api/search", {"q": big})
    assert response.status_code == 413 and response.json()["error"]["code"] == "query-too-long"
    response = Client().post("/api/search", {"q": big}, content_type="application/json")
    assert response.status_code == 413 and response.json()["error"]["code"] == "query-too-long"
    response = Client().post("/api/search", {"q": "работа " * 9_000}, content_type="application/json")
    assert response.status_code == 413 and "bytes" in response.json()["error"]["message"]


def test_a_long_question_can_be_posted_as_json(library):
    response = Client().post(
        "/api/search", {"q": LETTER, "date": "2024-06-01"}, content_type="application/json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["question"] is True and body["hits"][0]["eid"] == "art_108"


@pytest.mark.parametrize(
    "q",
    [
        "и в на с по",
        "😀🙈🎉",
        "что как если это",
        "!!! ??? ...",
        # a negation with nothing to negate, and the asking words people type ("не" alone matched most
        # of the law; "почему" and "вот" were searched, and the meaning listed thirty articles for them)
        "и в на не что как",
        "что как где когда почему",
        "это то что как так вот",
        "and or but not",
        "ман ту чӣ чаро",
    ],
)
def test_a_query_of_only_stop_words_or_symbols_is_empty_with_a_message(library, q):
    response = Client().get("/api/search", {"q": q})
    assert response.status_code in (200, 400)
    body = response.json()
    if response.status_code == 200:
        assert body["hits"] == [] and body["notices"][0]["code"] == "nothing-searchable"
    else:
        assert body["error"]["message"]


def test_ten_thousand_repeated_words_are_one_term(library):
    q = "труд " * 10_000
    assert parse(q, "rus", question_words=8).terms == ("труд",)
    assert isinstance(search(SearchRequest(q, date=ON)).hits, list)


def test_mixed_scripts_in_one_question_are_searched(library):
    body = Client().get("/api/search", {"q": "сверхурочная overtime жұмыс o'zbek 残業 работа"}).json()
    assert isinstance(body["hits"], list)


def test_the_api_says_where_the_request_spent_its_time(library):
    response = Client().post("/api/search", {"q": LETTER}, content_type="application/json")
    stages = dict(part.strip().split(";dur=") for part in response["Server-Timing"].split(","))
    assert {"parse", "plan", "rank", "hits", "json"} <= set(stages)
    assert all(float(ms) >= 0 for ms in stages.values())


def test_a_question_matches_the_law_in_its_own_wording_too(library):
    parsed = parse(LETTER, "rus", question_words=8)
    written = dict(zip(parsed.terms, parsed.term_forms, strict=True))
    assert "сверхурочной" in written["сверхурочн"] and "сверхурочно" in written["сверхурочн"]


def test_a_question_lists_articles_not_the_chapter_whose_heading_it_repeats(index_dir):
    """A chapter's heading names a topic ("Особенности регулирования труда лиц, работающих в районах
    Крайнего Севера"), and its words are often the question's; a lawyer cites the articles inside. A few
    keywords may still find the chapter: "выходные дни" is a chapter's name."""
    from kenes.lex.tree import Node
    from kenes.search.index import rebuild
    from tests import factories

    from .indexing import import_articles

    factories.jurisdiction("ru", "Russia")
    chapter = Node(
        "chapter",
        num="50",
        heading="Особенности регулирования труда лиц, работающих в районах Крайнего Севера",
        children=[
            factories.article(
                "316", "Районный коэффициент", "Размер районного коэффициента к заработной плате работников."
            ),
            factories.article(
                "317", "Процентная надбавка", "Процентная надбавка к заработной плате лицам, работающим там."
            ),
        ],
    )
    import_articles("/akn/ru/act/code/2001-12-30/197-fz", "Трудовой кодекс Российской Федерации", chapter)
    rebuild()
    asked = (
        "Какие надбавки положены тем, кто работает в районах Крайнего Севера, и как регулируется труд лиц, "
        "работающих там? Как их исчисляют?"
    )
    result = search(SearchRequest(asked, date=ON))
    assert result.question and result.hits
    assert {h.kind for h in result.hits} <= {"article", "paragraph", "point", "subpoint"}
    assert "art_317" in {h.eid.rsplit("__", 1)[-1] for h in result.hits}
    named = search(SearchRequest("районы Крайнего Севера", date=ON))
    assert "chapter" in {h.kind for h in named.hits}
