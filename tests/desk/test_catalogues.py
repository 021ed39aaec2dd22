"""The desk's catalogues: complete in Russian, Kazakh and English, placeholders kept, each text said once.

A msgstr once ended up as three copies of itself (a hand edit left the old wrapped lines under a new one-line
text, and gettext joins adjacent strings): the page then showed every sentence three times.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "kenes" / "desk" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _entries(lang: str) -> dict[str, list[str]]:
    """msgid -> its msgstr(s), header and obsolete entries left out."""
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for block in text.split("\n\n")[1:]:
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line)
            if match:
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif key and line.startswith('"'):
                fields[key] += ast.literal_eval(line)
        if "msgid" in fields:
            out[fields["msgid"]] = [v for k, v in fields.items() if k.startswith("msgstr")]
    return out


def _repeats_itself(text: str) -> bool:
    return len(text) > 1 and any(
        len(text) % k == 0 and text[: len(text) // k] * k == text for k in range(2, 6)
    )


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_desk_string_is_translated_keeping_its_placeholders(lang):
    found = _entries(lang)
    assert len(found) > 250
    assert [msgid for msgid, strs in found.items() if not all(strs)] == []
    for msgid, strs in found.items():
        for translation in strs:
            assert set(PLACEHOLDER.findall(translation)) == set(PLACEHOLDER.findall(msgid)), msgid


@pytest.mark.parametrize("lang", ["ru", "kk", "en", "ky", "tg", "uz"])
def test_no_desk_translation_says_its_text_twice(lang):
    found = _entries(lang)
    assert [m for m, strs in found.items() if any(_repeats_itself(s) for s in strs)] == []
    assert _repeats_itself("ab" * 3) and not _repeats_itself("abab c")  # the check itself can find one


def test_no_fuzzy_guess_hides_in_the_desk_catalogues():
    for path in LOCALE.glob("*/LC_MESSAGES/django.po"):
        assert "#, fuzzy" not in path.read_text(encoding="utf-8").split("\n\n", 1)[1], path


def test_no_string_the_desk_still_uses_is_left_obsolete_in_its_catalogues():
    """A string xgettext stopped finding (inside an f-string, say) turns obsolete, losing its translation."""
    for path in LOCALE.glob("*/LC_MESSAGES/django.po"):
        assert "\n#~ msgid" not in path.read_text(encoding="utf-8"), path
