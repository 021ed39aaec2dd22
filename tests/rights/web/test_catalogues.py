"""The rights catalogues: every message of the pages and of the library has a real Russian and Kazakh
translation, and every message in the code is in them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kenes.rights.parameter_sources import SOURCES
from kenes.rights.parameters import all_parameters

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


# The library's own sentences (kenes.rights outside web/) are in the same catalogues (kenes/rights/i18n.py).

RIGHTS = LOCALE.parent
#: The functions that mark a message for extraction (``_``/``gettext``/``ngettext`` translate it now,
#: ``gettext_noop`` where it is shown).
MARKERS = {"_", "gettext", "gettext_noop", "ngettext", "gettext_lazy", "ngettext_lazy"}


def marked_calls() -> list[tuple[str, ast.Call]]:
    """Every call of a marker in the rights app's Python code, with the file it is in."""
    calls = []
    for path in sorted(RIGHTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
                calls.append((str(path.relative_to(RIGHTS)), node))
    return calls


def test_messages_are_literals_so_makemessages_can_extract_them():
    """An f-string or a %-formatted string inside _() cannot be extracted, nor found in a catalogue."""
    bad = [
        (where, node.lineno)
        for where, node in marked_calls()
        if node.args and isinstance(node.args[0], ast.JoinedStr | ast.BinOp)
    ]
    assert bad == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_message_in_the_code_is_in_the_catalogue_and_translated(lang):
    """Catches a message added or reworded in the code without running makemessages (it would show in
    English to Russian and Kazakh readers)."""
    translated = {msgid: msgstrs for msgid, msgstrs, fuzzy in entries(lang) if not fuzzy and all(msgstrs)}
    literals = {
        node.args[0].value
        for _, node in marked_calls()
        if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
    }
    assert len(literals) > 200
    missing = sorted(m for m in literals if m.replace("\n", "\\n").replace('"', '\\"') not in translated)
    assert missing == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_translations_keep_their_named_fields(lang):
    """``_("… {day} …").format(day=…)``: a field missing from a translation loses a fact; an unknown one
    raises KeyError at run time."""
    for msgid, msgstrs, _ in entries(lang):
        wanted = sorted(set(re.findall(r"\{(\w+)\}", msgid)))
        for msgstr in msgstrs:
            assert sorted(set(re.findall(r"\{(\w+)\}", msgstr))) == wanted, (msgid, msgstr)


def test_every_source_an_unverified_parameter_waits_for_is_marked_for_translation():
    """Advisory reasons quote a parameter's ``source_needed``; the YAML is not scanned by makemessages."""
    needed = {
        value.source_needed.strip()
        for parameter in all_parameters()
        for value in parameter.values
        if value.source_needed
    }
    assert needed and needed <= set(SOURCES)
