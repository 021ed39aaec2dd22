"""Phrases meet the law's wording across its stop words.

The index keeps every word at its position ("в", "с", "по" included) while queries and the glossary's
keys leave stop words out. A phrase built from the keys alone ("отпуск связ беремен …") needed a gap at
each left-out word, so a legal phrase with two prepositions never matched its own heading, and a keyword
query such as "увольнение по собственному желанию" never earned its phrase bonus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.search.engine import parse
from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import import_articles

pytestmark = pytest.mark.django_db

CODE = "/akn/kz/act/code/2015-11-23/414-v"
DAY = dt.date(2024, 1, 1)


@pytest.fixture
def code(db, index_dir):
    from kenes.search.index import rebuild

    import_articles(
        CODE,
        "Трудовой кодекс Республики Казахстан",
        factories.article(
            "23",
            "Основные права и обязанности работодателя",
            "Работодатель обязан предоставлять работникам ежегодные оплачиваемые трудовые отпуска.",
        ),
        factories.article(
            "99",
            "Отпуска в связи с беременностью и рождением ребенка",
            "Работающим женщинам предоставляется отпуск продолжительностью сто двадцать шесть дней.",
        ),
        factories.article(
            "56",
            "Порядок расторжения трудового договора по инициативе работника",
            "Работник вправе расторгнуть трудовой договор, предупредив работодателя за один месяц.",
            "Увольнение по собственному желанию оформляется актом работодателя.",
        ),
        factories.article("182", "Средства защиты", "Работникам выдают спецодежду по месту работы."),
        factories.article("183", "Хранение", "Спецодежда хранится на месте работы."),
    )
    rebuild()


def _articles(q: str) -> list[str]:
    return [h.eid.split("__")[0] for h in search(SearchRequest(q, date=DAY, facets=False)).hits]


def test_a_glossary_phrase_with_prepositions_meets_the_heading_that_spells_it(code):
    """ "декретный отпуск" means maternity leave, which the code calls "отпуск в связи с беременностью и
    рождением ребенка": that heading outranks a duty to grant annual leave (the word "отпуск" alone)."""
    assert _articles("декретный отпуск")[0] == "art_99"


def test_a_keyword_phrase_with_a_stop_word_earns_its_phrase_bonus(code):
    """Both articles have every word of the query; article 182 has them as written."""
    assert _articles("спецодежду по месту работы")[0] == "art_182"


def test_concept_phrases_are_spelled_with_their_stop_words():
    phrases = [words for words, _same in parse("декретный отпуск", "rus").concept_phrases]
    assert ("отпуск", "в", "связ", "с", "беремен", "и", "рожден", "ребенк") in phrases


@pytest.fixture
def offences(db, index_dir):
    """25 articles whose headings say "административное правонарушение", and the one a query is about."""
    from kenes.search.index import rebuild

    general = [
        factories.article(
            str(n), f"Административное правонарушение, раздел {n}", "Общие положения о производстве."
        )
        for n in range(1, 26)
    ]
    foreigner = factories.article(
        "517",
        "Нарушение иностранцем законодательства в области миграции населения",
        "Нарушение иностранцем правил пребывания влечет штраф в размере десяти месячных расчетных "
        "показателей.",
    )
    import_articles(
        "/akn/kz/act/code/2014-07-05/235-v", "Кодекс об административных правонарушениях", *general, foreigner
    )
    # the rest of a library: articles that say nothing of offences (their terms' rarity is what a heading
    # bonus multiplies)
    rest = [
        factories.article(str(n), f"Порядок номер {n}", "Работник получает зарплату и отпуск.")
        for n in range(1, 201)
    ]
    import_articles("/akn/kz/act/law/2015-01-01/1-v", "Закон", *rest, work_type="law")
    rebuild()


def test_a_phrase_that_heads_many_articles_earns_no_heading_bonus(offences):
    """ "штраф" names administrative fines, whose phrase "административное правонарушение" heads 25 articles
    here: a bonus on each of them would bury the article on a foreigner's fine."""
    assert _articles("штраф иностранцу за нарушение законодательства о миграции")[0] == "art_517"


def test_how_many_headings_hold_a_phrase_is_counted_once_per_index_state(offences):
    from kenes.search.engine import parse, plan, profile
    from kenes.search.index import open_index

    handle = open_index()
    searcher = handle.index.searcher()
    parsed = parse("штраф иностранцу", "rus")
    first = plan(parsed, searcher, profile(), schema=handle.schema, memo=handle.memo)
    assert ("административн", "правонарушен") in first.broad
    state, counts = handle.memo["heading_phrases"]
    assert counts[("административн", "правонарушен")] == 25
    assert state == (searcher.num_docs, searcher.num_segments)
    again = plan(parsed, searcher, profile(), schema=handle.schema, memo=handle.memo)
    assert again.broad == first.broad and handle.memo["heading_phrases"][1] is counts


def test_highlighting_leaves_a_phrases_stop_words_unmarked(code):
    from kenes.search.engine import parse, plan, profile
    from kenes.search.index import open_index

    handle = open_index()
    parsed = parse("декретный отпуск не оплачен", "rus")
    wanted = plan(parsed, handle.index.searcher(), profile()).highlight_terms(parsed)
    assert {"беремен", "рожден", "ребенк"} <= wanted
    assert not {"в", "с", "и"} & wanted
    assert "не" in wanted  # a Kazakh stop word; in Russian a negation the query wrote


def test_a_count_of_another_index_state_is_not_reused(offences):
    from kenes.search.engine import parse, plan, profile
    from kenes.search.index import open_index

    handle = open_index()
    handle.memo["heading_phrases"] = ((0, 0), {("административн", "правонарушен"): 0})
    parsed = parse("штраф иностранцу", "rus")
    planned = plan(parsed, handle.index.searcher(), profile(), schema=handle.schema, memo=handle.memo)
    assert ("административн", "правонарушен") in planned.broad


def _proximity_pairs(q: str) -> int:
    from kenes.search.engine import Filters, compile_query, plan, profile
    from kenes.search.index import open_index

    prof = profile()
    handle = open_index()
    parsed = parse(q, None, question_words=prof.question.min_words)
    planned = plan(parsed, handle.index.searcher(), prof, schema=handle.schema, memo=handle.memo)
    query = compile_query(parsed, planned, handle.schema, Filters(date=DAY), prof)
    return repr(query).count(f"slop: {prof.proximity.slop} ")


def test_two_or_three_keywords_get_their_phrase_bonus_but_no_proximity_pairs(code):
    # at 1M entries the pairs of a short query over common words were its slowest clauses, and its phrase
    # bonus already rewards the words together; from four terms on the pairs say where they are near
    assert _proximity_pairs("расторжение трудового договора") == 0
    assert _articles("расторжение трудового договора")[0] == "art_56"
    assert _proximity_pairs("расторжение трудового договора работником предупредив") > 0
