"""A question that quotes an article ("согласно ст. 124-1 ТК РК …") finds that article among its first
results, though the article's words are not the question's; and the quote never makes a question a
citation."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.search.citations import citations_in, parse_citation
from kenes.search.question import substance
from kenes.search.service import SearchRequest, search

from .indexing import LC

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)
QUOTING = (
    "Добрый день! Работаю в торговой компании третий год, начальник сказал, что согласно ст. 124-1 ТК РК "
    "мне положено что-то, но не объяснил что именно и отказывается показать приказ. Что мне делать дальше?"
)


def _read(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.work_uri, c.article, c.paragraph) for c in map(parse_citation, citations_in(text))]


def test_the_citations_a_question_quotes_are_read_out_of_it():
    assert _read(QUOTING) == [(LC, "124-1", None)]
    assert citations_in(QUOTING)[0].startswith("ст. 124-1 тк")  # not "… мне": the words after add nothing
    assert _read("п. 2 ст. 31 ТК и статья 22 Трудового кодекса, а также 15 000 тенге") == [
        (LC, "31", "2"),
        (LC, "22", None),
    ]
    # numbers that are no article of a named work: dates, sums, a bare "статья 5" of no act
    assert citations_in("с 1 мая 2024 года не платят 150 000 тенге, статья 5 где-то") == []


def test_a_quoted_article_is_among_the_first_results_of_the_question(library):
    without = search(SearchRequest(QUOTING.replace("согласно ст. 124-1 ТК РК ", ""), date=ON))
    assert "art_124-1" not in [h.eid for h in without.hits[:3]]
    result = search(SearchRequest(QUOTING, date=ON, jurisdiction="kz", explain=True))
    assert result.question and not result.citation  # still a question, not a citation lookup
    first = [(h.work, h.eid) for h in result.hits[:3]]
    assert (LC, "art_124-1") in first
    quoted = next(h for h in result.hits if h.eid == "art_124-1")
    assert quoted.explanation["priors"].get("quoted") == 1.0


def test_a_quote_of_an_article_that_is_not_held_changes_nothing(library):
    missing = QUOTING.replace("124-1", "999")
    quoting = search(SearchRequest(missing, date=ON, jurisdiction="kz", explain=True))
    plain = search(SearchRequest(missing.replace("согласно ст. 999 ТК РК ", ""), date=ON, jurisdiction="kz"))
    assert [h.eid for h in quoting.hits] == [h.eid for h in plain.hits]
    assert not any("quoted" in h.explanation["priors"] for h in quoting.hits)


def test_a_resolver_that_fails_leaves_the_question_searched(library, monkeypatch, caplog):
    from kenes.search import quoted

    def broken(*_args, **_kwargs):
        raise RuntimeError("resolver down")

    monkeypatch.setattr(quoted, "resolve_citation", broken)
    result = search(SearchRequest(QUOTING, date=ON, jurisdiction="kz", explain=True))
    assert result.question and "resolver down" in caplog.text  # searched as a question, not a 500
    assert not any("quoted" in h.explanation["priors"] for h in result.hits)
    assert "начальник" not in caplog.text  # the question (a person's words) is not logged


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # ("дать" is filler: its stem is that of "дата")
        ("Здравствуйте! Дайте, пожалуйста, ответ. После банкротства могу ли я работать?", "После"),
        ("Здравствуйте! Дайте, пожалуйста, точный ответ о банкротстве", "точный ответ"),
        ("Добрый день, я работаю продавцом с декабря", "я работаю"),
        ("Здравствуйте. Подскажите пожалуйста, каков срок давности", "каков"),
        ("Здравствуйте, спасибо", "спасибо"),  # nothing but filler: the last clause is kept
    ],
)
def test_the_meaning_reads_a_question_from_its_substance(text, starts):
    assert substance(text, "rus").startswith(starts)
