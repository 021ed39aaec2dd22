"""The rights pages' catalogues: every message has a real Russian and Kazakh translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[3] / "kenes" / "rights" / "locale"


def entries(lang: str) -> list[tuple[str, list[str], bool]]:
    """(msgid, msgstrs, fuzzy) of each entry of a catalogue, header left out."""
    out = []
    for block in (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8").split("\n\n"):
        fuzzy = "#, fuzzy" in block
        strings: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if m:
                key = m[1]
                strings[key] = m[2]
            elif line.startswith('"') and key:
                strings[key] += line[1:-1]
        if strings.get("msgid"):
            out.append((strings["msgid"], [v for k, v in strings.items() if k.startswith("msgstr")], fuzzy))
    return out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_message_is_translated(lang):
    found = entries(lang)
    assert len(found) > 100
    missing = [msgid for msgid, msgstrs, fuzzy in found if fuzzy or not all(msgstrs)]
    assert missing == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_translations_keep_their_placeholders(lang):
    for msgid, msgstrs, _ in entries(lang):
        wanted = sorted(re.findall(r"%\(\w+\)s", msgid))
        for msgstr in msgstrs:
            assert sorted(re.findall(r"%\(\w+\)s", msgstr)) == wanted, (msgid, msgstr)


def test_kazakh_is_not_the_russian_text():
    ru = {msgid: msgstrs for msgid, msgstrs, _ in entries("ru")}
    same = [msgid for msgid, msgstrs, _ in entries("kk") if msgstrs == ru[msgid] and len(msgid) > 12]
    assert same == []
