"""Kyrgyz, Uzbek (Latin) and Tajik portal catalogues: allowed to be partial, but what they translate must be
real, keep every placeholder, and reach the pages people see first.

Run as a script to print the share translated per language:
``.venv/bin/python -m tests.portal.test_partial_catalogues``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "kenes" / "portal" / "locale"
LANGS = ("ky", "uz", "tg")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    @property
    def translated(self) -> bool:
        return bool(self.msgstrs) and all(self.msgstrs)


def read_po(lang: str) -> tuple[dict[str, str], list[Entry]]:
    """Header fields and entries of a portal .po file (the subset of the format makemessages writes)."""
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.strip().split("\n\n"):
        fields: dict[str, str] = {}
        flags: set[str] = set()
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",")}
                continue
            if line.startswith("#"):
                continue
            m = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line)
            if m:
                key = m.group(1)
                fields[key] = ast.literal_eval(m.group(2))
            elif key and line.startswith('"'):
                fields[key] += ast.literal_eval(line)
        entries.append(
            Entry(
                msgid=fields["msgid"],
                msgid_plural=fields.get("msgid_plural"),
                msgctxt=fields.get("msgctxt"),
                msgstrs=[v for k, v in fields.items() if k.startswith("msgstr")],
                flags=flags,
            )
        )
    header_entry, entries = entries[0], entries[1:]
    assert header_entry.msgid == "", "the first entry of a .po file is its header"
    header = dict(line.split(": ", 1) for line in header_entry.msgstrs[0].splitlines() if ": " in line)
    header["#flags"] = ",".join(sorted(header_entry.flags))
    return header, entries


def coverage(lang: str) -> tuple[int, int]:
    """(translated, total) entries of a catalogue."""
    _header, entries = read_po(lang)
    return sum(e.translated for e in entries), len(entries)


@pytest.mark.parametrize("lang", LANGS)
def test_header_names_the_language_and_its_plural_rule(lang):
    header, _entries = read_po(lang)
    assert header["Language"] == lang
    # CLDR: Kyrgyz, Uzbek and Tajik have the plural categories "one" and "other".
    assert header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert "fuzzy" not in header["#flags"], "msgfmt would drop a fuzzy header"


@pytest.mark.parametrize("lang", LANGS)
def test_every_translated_entry_keeps_its_placeholders(lang):
    _header, entries = read_po(lang)
    broken = []
    for e in entries:
        wanted = set(PLACEHOLDER.findall(e.msgid_plural or e.msgid))
        for s in e.msgstrs:
            if s and set(PLACEHOLDER.findall(s)) != wanted:
                broken.append((e.msgid, s))
    assert broken == []
    plural = [e for e in entries if e.msgid_plural]
    assert plural and all(len(e.msgstrs) == 2 for e in plural), "one msgstr per plural form"


#: The pages people open first: chrome, home, search, reader, country and convention headings.
MOST_VISIBLE = [
    "Skip to content",
    "Search",
    "Countries",
    "Know your rights",
    "Language",
    "Switch",
    "Kenes is maintained by the trade union centres of Central Asia.",
    "Labour law and labour rights in Central Asia",
    "Search the law",
    "Words or a citation",
    "In force on",
    "%(n)s provision found",
    "Filters",
    "Country or body",
    "Topic",
    "Contents",
    "Amendment history",
    "Copy citation",
    "Codes and laws",
    "Ratification in the region",
]


@pytest.mark.parametrize("lang", LANGS)
def test_the_most_visible_strings_are_translated_and_differ_from_english(lang):
    _header, entries = read_po(lang)
    by_id = {e.msgid: e for e in entries if e.msgctxt is None}
    missing = [m for m in MOST_VISIBLE if not by_id[m].translated]
    assert missing == []
    assert all(by_id[m].msgstrs[0] != m for m in MOST_VISIBLE)
    done, total = coverage(lang)
    assert done / total >= 0.5


def test_the_three_catalogues_are_not_copies_of_each_other():
    strs = {lang: {e.msgid: e.msgstrs[0] for e in read_po(lang)[1] if e.translated} for lang in LANGS}
    for a, b in (("ky", "uz"), ("ky", "tg"), ("uz", "tg")):
        same = [m for m in strs[a] if m in strs[b] and strs[a][m] == strs[b][m]]
        assert len(same) < 5, (a, b, same)


def test_scripts_and_labour_terms():
    ky, uz, tg = ({e.msgid: e.msgstrs[0] for e in read_po(lang)[1] if e.translated} for lang in LANGS)
    # Kyrgyz: Cyrillic with ң ө ү; Tajik: Cyrillic with ғ ӣ қ ӯ ҳ ҷ; Uzbek: Latin with oʻ gʻ (U+02BB).
    assert any(ch in "".join(ky.values()) for ch in "ңөү")
    assert any(ch in "".join(tg.values()) for ch in "ғӣқӯҳҷ")
    assert not re.search("[а-яА-Я]", "".join(v.replace("ст. 113 ТК РК", "") for v in uz.values()))
    assert "oʻ" in "".join(uz.values()).lower()
    assert "эмгек акы" in ky["Minimum monthly wage"]
    assert "ish haqi" in uz["Minimum monthly wage"]
    assert "музди меҳнат" in tg["Minimum monthly wage"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ky", ["Мыйзамдардан издөө", "Өлкөлөр", "Укуктарыңызды билиңиз", "Негизги мазмунга өтүү"]),
        (
            "uz",
            ["Qonunchilikdan qidirish", "Mamlakatlar", "Huquqlaringizni biling", "Asosiy mazmunga oʻtish"],
        ),
        (
            "tg",
            ["Ҷустуҷӯ дар қонунгузорӣ", "Кишварҳо", "Ҳуқуқҳои худро донед", "Гузариш ба мундариҷаи асосӣ"],
        ),
    ],
)
def test_home_page_speaks_the_language(client, lang, words):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f'<html lang="{lang}">' in page
    for w in words:
        assert w in page
    assert "Know your rights" not in page and "Skip to content" not in page


@pytest.mark.django_db
def test_language_switch_names_each_language_in_itself(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<option value="ky" lang="ky">Кыргызча</option>' in page
    assert '<option value="uz" lang="uz">Oʻzbek tili</option>' in page
    assert '<option value="tg" lang="tg">Тоҷикӣ</option>' in page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ky", "3 ченем табылды"), ("uz", "3 ta norma topildi"), ("tg", "3 меъёр ёфт шуд")],
)
def test_plural_counts_use_the_catalogue(lang, expected):
    from django.conf import settings
    from django.utils import translation

    with translation.override(lang):
        assert (
            translation.ngettext("%(n)s provision found", "%(n)s provisions found", 3) % {"n": 3} == expected
        )
        # Left empty on purpose (editors only): Django falls back to the LANGUAGE_CODE catalogue (ru).
        untranslated = translation.gettext("Edit (admin)")
    with translation.override(settings.LANGUAGE_CODE):
        assert untranslated == translation.gettext("Edit (admin)") != "Edit (admin)"


@pytest.mark.django_db
def test_search_page_counts_in_uzbek(client, indexed):
    page = client.get("/search?q=заработная", HTTP_ACCEPT_LANGUAGE="uz").content.decode()
    assert re.search(r"\d+ ta norma topildi", page)
    assert "Soʻzlar yoki havola" in page and "Filtrlar" in page


if __name__ == "__main__":
    print(f"{'lang':<6}{'translated':>12}{'total':>8}{'share':>9}")
    for code in LANGS:
        done, total = coverage(code)
        print(f"{code:<6}{done:>12}{total:>8}{done / total:>9.1%}")
