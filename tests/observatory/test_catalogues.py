"""The observatory's catalogues: every string of its code and templates is in the Russian, Kazakh and
English catalogues, translated (not fuzzy: msgfmt leaves a fuzzy entry out, and the page shows English)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "kenes" / "observatory"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
MARKERS = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext", "ngettext", "ngettext_lazy"}


def entries(lang: str) -> dict[str, tuple[list[str], bool]]:
    """msgid -> (msgstrs, fuzzy), header left out."""
    text = (APP / "locale" / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    out = {}
    for block in text.split("\n\n")[1:]:
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line)
            if m:
                key = m[1]
                fields[key] = ast.literal_eval(m[2])
            elif key and line.startswith('"'):
                fields[key] += ast.literal_eval(line)
        if fields.get("msgid"):
            msgstrs = [v for k, v in fields.items() if k.startswith("msgstr")]
            out[fields["msgid"]] = (msgstrs, "#, fuzzy" in block)
    return out


def code_strings() -> set[str]:
    """The literal first argument of every gettext call in the app's Python modules."""
    found = set()
    for path in APP.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def template_strings() -> set[str]:
    """``{% translate "…" %}`` and the singular of each ``{% blocktranslate %}…{% endblocktranslate %}``,
    written as makemessages does: ``{{ name }}`` as ``%(name)s``, a percent sign doubled."""
    found = set()
    for path in (APP / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'{% translate "([^"]+)"', text))
        for options, body in re.findall(
            r"{% blocktranslate([^%]*)%}(.*?){% endblocktranslate %}", text, re.S
        ):
            singular = body.split("{% plural %}")[0]
            if "trimmed" in options.split():
                singular = " ".join(line.strip() for line in singular.strip().splitlines())
            found.add(re.sub(r"{{ (\w+) }}", r"%(\1)s", singular.replace("%", "%%")))
    return found


def test_the_scan_finds_the_app_strings():
    assert len(code_strings()) > 100 and len(template_strings()) > 40


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_every_string_of_the_code_and_templates_is_in_the_catalogue(lang):
    catalogue = entries(lang)
    missing = sorted((code_strings() | template_strings()) - set(catalogue))
    assert missing == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_entry_is_translated_and_none_is_fuzzy(lang):
    catalogue = entries(lang)
    assert [m for m, (strs, _f) in catalogue.items() if not all(strs)] == []
    assert [m for m, (_s, fuzzy) in catalogue.items() if fuzzy] == []


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_translations_keep_their_placeholders(lang):
    for msgid, (strs, _fuzzy) in entries(lang).items():
        for translated in strs:
            if translated:
                assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(msgid)), msgid
