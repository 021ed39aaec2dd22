"""Snippets: the words that matched are marked whatever script the document is written in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kenes.search import analysis, snippets
from kenes.search.snippets import snippet


def _wanted(query: str, lang: str) -> frozenset[str]:
    return frozenset(analysis.terms(query, lang))


def test_russian_words_are_marked_in_a_russian_text():
    out = snippet("Простой оплачивается работодателем.", _wanted("простой", "rus"), "rus")
    assert "<mark>Простой</mark>" in out


def test_a_cyrillic_phrase_quoted_in_an_english_text_is_still_marked():
    # The English expression matched the Cyrillic term, so the snippet must show where.
    text = "Idle time («простой») is paid by the employer."
    out = snippet(text, _wanted("простой", "eng"), "eng")
    assert "<mark>простой</mark>" in out


def test_text_is_escaped_around_the_marks():
    out = snippet("<b>wages</b> are paid", _wanted("wages", "eng"), "eng")
    assert "&lt;b&gt;" in out and "<mark>wages</mark>" in out


def test_ye_and_yo_and_capitals_are_marked_alike():
    text = "Ещё раз: ЁЛКА и елка, Заработная плата и заработной платы."
    out = snippet(text, _wanted("ёлка заработная плата", "rus"), "rus")
    assert out.count("<mark>") == 6, out
    assert "<mark>ЁЛКА</mark>" in out and "<mark>елка</mark>" in out


def test_a_stem_inside_a_word_is_not_a_match():
    # "плат" is the stem of "плата"; "зарплата" contains it but is another word
    out = snippet("Зарплата и плата.", _wanted("плата", "rus"), "rus")
    assert out == "Зарплата и <mark>плата</mark>."


_WORDS = ["плата", "заработная", "отпуск", "ОТПУСКА", "ёлка", "Елке", "труд", "трудовой"]
_WORDS += ["o'z", "İstanbul", "д'Артаньян"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS + [" ", ", ", ".", "-", "_", "1", "'"]), max_size=60),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
)
def test_the_fast_candidate_search_finds_what_the_reference_expression_finds(parts, asked):
    # snippets._candidate_words folds the text once and finds each stem with str.find; the regular
    # expression it replaced (snippets._candidates, still the fallback) is the reference
    text = "".join(parts)
    wanted = _wanted(" ".join(asked), "rus")
    pattern = snippets._candidates(wanted, "rus")
    expected = [m.span() for m in pattern.finditer(text, 0, snippets.SCAN_CHARS)] if pattern else []
    assert snippets._candidate_words(text, wanted, "rus") == expected
