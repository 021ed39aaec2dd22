"""The accounts app's catalogues are complete in Russian, Kazakh and English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "kenes" / "accounts" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _entries(lang: str) -> dict[str, list[str]]:
    """msgid -> its msgstr(s), header left out."""
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
        out[fields["msgid"]] = [v for k, v in fields.items() if k.startswith("msgstr")]
    return out


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_accounts_string_is_translated_keeping_its_placeholders(lang):
    found = _entries(lang)
    assert len(found) > 50
    assert [msgid for msgid, strs in found.items() if not all(strs)] == []
    for msgid, strs in found.items():
        for translation in strs:
            assert set(PLACEHOLDER.findall(translation)) == set(PLACEHOLDER.findall(msgid)), msgid


def test_kazakh_accounts_strings_are_kazakh_not_russian():
    kk, ru = _entries("kk"), _entries("ru")
    same = [m for m in kk if kk[m] == ru[m] and m not in {"Kenes", "WhatsApp", "Telegram", "phone", "Phone"}]
    assert same == []
