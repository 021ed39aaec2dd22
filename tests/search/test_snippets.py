"""Snippets: the words that matched are marked whatever script the document is written in."""

from __future__ import annotations

from kenes.search import analysis
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
