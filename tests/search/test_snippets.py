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


def _best_window_reference(text, spans, max_chars):
    # the window search as first written (a set of the terms of every window): the reference for the
    # sliding count in snippets._best_window
    if len(text) <= max_chars:
        return 0, len(text)
    best, best_at, j = (-1, -1), 0, 0
    for i, (s, _e, _t) in enumerate(spans):
        while spans[j][0] < s - max_chars + 40:
            j += 1
        window = spans[j : i + 1]
        score = (len({t for _s, _e2, t in window}), len(window))
        if score > best:
            best, best_at = score, spans[j][0]
    if not spans:
        return 0, snippets._cut_end(text, max_chars)
    start = max(0, best_at - 40)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best_at else start
    end = start + max_chars
    if end >= len(text):
        return max(0, len(text) - max_chars), len(text)
    return start, snippets._cut_end(text, end, floor=start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.sampled_from("abcd")), max_size=40), st.integers(60, 300))
def test_the_densest_window_is_found_as_by_counting_each_window_anew(gaps, width):
    spans, at = [], 0
    for gap, term in gaps:
        at += gap
        spans.append((at, at + 3, term))
    text = "x" * (at + 50)
    assert snippets._best_window(text, spans, width) == _best_window_reference(text, spans, width)


def test_the_text_the_index_stores_gives_the_snippet_the_whole_text_gives():
    """The index keeps STORED_TEXT_CHARS of each text: as much as a snippet ever reads, wherever in the
    scanned part the match stands."""
    from kenes.search.schema import STORED_TEXT_CHARS

    wanted = _wanted("отпуск", "rus")
    for at in range(0, 1400, 20):
        text = "работник и работодатель " * (at // 24) + "ежегодный отпуск " + "срок и плата " * 300
        assert snippet(text[:STORED_TEXT_CHARS], wanted, "rus") == snippet(text, wanted, "rus"), at
