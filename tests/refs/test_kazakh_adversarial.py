"""Long runs of digits, lists and capitals in a Kazakh upload: the finder gets through them and sees nothing.

The Kazakh phrase has no keyword before its numbers, so it is tried at every digit; unbounded repeats
made it quadratic (10,000 digits took 18 s). These tests pin the behaviour
of the bounded pattern on such inputs; the time is measured outside the suite.
"""

from __future__ import annotations

import pytest

from kenes.lex.ingest.references import find_references

N = 10_000

ADVERSARIAL = {
    "digits": "1" * N,
    "hyphenated number": "1-" * (N // 2),
    "comma list": "статьи " + "1, " * (N // 3),
    "және list": "1 және " * (N // 7),
    "point list": "1), " * (N // 4),
    "capitals": "А" * N,
    "latin capitals and slashes": "AB/" * (N // 3),
    "ordinals": "бірінші, " * (N // 9),
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_long_runs_without_a_keyword_give_no_citations(text: str) -> None:
    assert len(text) >= N - 10
    assert find_references(text, "kaz", include_relative=True) == []


def test_a_citation_after_a_long_run_of_digits_is_still_found() -> None:
    text = "1" * N + " және осы Кодекстің 5-бабының 2-тармағы"
    found = [(c.work, c.article, c.paragraph) for c in find_references(text, "kaz")]
    assert found == [(None, "5", "2")]


def test_a_number_is_not_read_from_its_middle() -> None:
    # A match may not start inside "1234567"; the whole number is longer than any article number.
    assert find_references("1234567-бабы", "kaz") == []
    assert [c.article for c in find_references("123-бабы", "kaz")] == ["123"]


def test_lists_of_ordinary_length_keep_every_item() -> None:
    text = "Осы Кодекстің " + ", ".join(str(n) for n in range(1, 21)) + " және 21-баптары"
    assert [c.article for c in find_references(text, "kaz")] == [str(n) for n in range(1, 22)]
