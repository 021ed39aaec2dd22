"""The portal's catalogues are complete in Russian, Kazakh and English, and the interface language is
independent of the language of the law on the page."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests import factories as f

LOCALE = Path(__file__).resolve().parents[2] / "kenes" / "portal" / "locale"


def entries(lang: str) -> list[tuple[str, list[str]]]:
    """(msgid, msgstrs) of a .po file, header left out."""
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    out = []
    for block in text.split("\n\n")[1:]:
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            m = re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line)
            if m:
                key = m.group(1)
                fields[key] = ast.literal_eval(m.group(2))
            elif key and line.startswith('"'):
                fields[key] += ast.literal_eval(line)
        out.append((fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")]))
    return out


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_portal_string_is_translated(lang):
    found = entries(lang)
    assert len(found) > 100
    untranslated = [msgid for msgid, strs in found if not all(strs)]
    assert untranslated == []


def test_kazakh_is_kazakh_not_russian():
    kk = dict((msgid, strs[0]) for msgid, strs in entries("kk"))
    ru = dict((msgid, strs[0]) for msgid, strs in entries("ru"))
    different = [m for m in kk if kk[m] != ru[m]]
    assert len(different) > 0.9 * len(kk)
    assert any(ch in "".join(kk.values()) for ch in "әғқңөұүһі")


@pytest.mark.django_db
def test_interface_language_is_independent_of_the_law_language(client, code):
    page = client.get(f"{f.LC_URI}/rus/~art_113", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert '<html lang="kk">' in page
    assert '<h1 lang="ru">' in page and '<article id="art_113" lang="ru">' in page
    response = client.post("/i18n/setlang/", {"language": "en", "next": f"{f.LC_URI}/rus"})
    assert response.status_code == 302
    page = client.get(f"{f.LC_URI}/rus").content.decode()
    assert '<html lang="en">' in page and '<div id="text" class="law" lang="ru">' in page
