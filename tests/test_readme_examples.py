"""The README's examples work on a fresh install: its ``kenes …`` commands run through the real CLI and every
page and API address it names answers, after one ``kenes demo`` (with the real corpus where present).

The examples are parsed from README.md, not listed here: an example added to the README that does not work
fails this module. Placeholders (``…``, ``<code>``, ``<rule>``) are filled from the small tables below.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client, override_settings

from kenes.cli import main
from tests.conftest import CORPUS, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
LC = "/akn/kz/act/code/2015-11-23/414-v"
# what "…" stands for in a query parameter of the README's addresses
QUERY_VALUES = {
    "q": "отпуск",
    "work": LC,
    "from": "2025-04-15",
    "to": "2025-07-16",
    "date_from": "2025-04-15",
    "date_to": "2025-07-16",
}
PLACEHOLDERS = {"<code>": "kz", "<cNNN>": "c095", "<rule>": "stay"}
# addresses the README documents as needing a login, a body or a write right: the status it promises
DOCUMENTED_STATUS = {
    "/observatory/jury/": 302,  # "(login)"
    "/admin/": 302,  # editor role
    "/desk/": 302,  # "for centre staff (login)"
    "POST /api/works": 401,  # writes need a user with the editor role
    "PATCH /api/works": 401,
    "POST /api/import": 401,
    "POST /api/search": 400,  # the example posts "{}": no question, said in a JSON error
}
SKIPPED = {
    "/api/": "a prefix (JSON under /api/), not an address",
    "/api/desk/": "a prefix of the desk API (its endpoints need a token)",
    "POST /api/rights/<rule>": "needs the rule's inputs (tests/rights cover each rule)",
}


def shell_commands() -> list[str]:
    """Each ``kenes …`` line of the README's sh blocks, line continuations joined, comments dropped."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("  #", 1)[0].strip()
            if line.startswith("kenes "):
                commands.append(" ".join(line.split()))
    return commands


def addresses() -> list[str]:
    """Every backquoted page or API address of the README (``GET``/``POST``/``PATCH`` kept where written)."""
    found = []
    for span in re.findall(r"`([^`\n]+)`", README):
        method, _, path = span.rpartition(" ")
        if method not in ("", "GET", "POST", "PATCH") or not path.startswith(("/", "…")):
            continue
        key = f"{method} {path}" if method and method != "GET" else path
        if key not in found:
            found.append(key)
    return found


def _fill(address: str) -> str:
    """Replace the README's placeholders by values the demo data holds; drop optional ``[…]`` parts."""
    address = re.sub(r"\[[^\]]*\]", "", address)
    for placeholder, value in PLACEHOLDERS.items():
        address = address.replace(placeholder, value)
    if address.startswith("…/"):
        address = LC + address[1:]
    elif address.startswith("…."):
        address = f"{LC}/rus@2025-06-01{address[1:]}"
    return re.sub(r"(\w+)=…", lambda m: f"{m[1]}={QUERY_VALUES[m[1]]}", address)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """One ``kenes demo`` for the module (with the real corpus where present), rolled back at its end."""
    index = tmp_path_factory.mktemp("search-index")
    with django_db_blocker.unblock(), override_settings(KENES_SEARCH_INDEX=index), transaction.atomic():
        argv = ["demo", "-q"] + (["--corpus", str(CORPUS)] if CORPUS.is_dir() else [])
        assert main(argv) == 0
        yield CORPUS.is_dir()
        transaction.set_rollback(True)


def test_the_readme_has_examples_to_run():
    assert len(shell_commands()) >= 3 and len(addresses()) >= 20
    assert "/api/openapi.json" in addresses() and "/compare" in addresses()


@pytest.mark.django_db
@pytest.mark.parametrize("command", shell_commands())
def test_each_kenes_command_of_the_readme_exits_0(command, demo, tmp_path, monkeypatch, capsys):
    words = shlex.split(command)[1:]
    if ">" in words:  # a redirect: standard output goes to the file
        words, target = words[: words.index(">")], words[words.index(">") + 1]
    else:
        target = None
    if any("../shared/corpus" in word for word in words):
        if not demo:
            pytest.skip(f"real corpus not available: {CORPUS} is absent (the example reads it)")
        words = [word.replace("../shared/corpus", str(CORPUS)) for word in words]
    if any(LC in word for word in words) and not demo:
        pytest.skip(f"real corpus not available: {CORPUS} is absent (the Labour Code comes from it)")
    monkeypatch.chdir(tmp_path)
    assert main(words) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.strip(), f"{command!r} printed nothing"
    if target:
        Path(target).write_text(out, encoding="utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize("address", addresses())
def test_each_address_of_the_readme_answers(address, demo):
    if address in SKIPPED:
        pytest.skip(SKIPPED[address])
    method, _, path = address.rpartition(" ")
    url = _fill(path)
    if LC in url and not demo:
        pytest.skip(f"real corpus not available: {CORPUS} is absent (the Labour Code comes from it)")
    client = Client()
    if method in ("POST", "PATCH"):
        response = client.generic(method, url, "{}", content_type="application/json")
    else:
        response = client.get(url)
    expected = DOCUMENTED_STATUS.get(address, 200)
    assert response.status_code == expected, (url, response.content[:300])


@pytest.mark.django_db
def test_a_date_before_the_first_edition_answers_404_naming_the_first(demo):
    """The README: "a date before the first, such as ``rus@2024-01-01``, answers 404"."""
    assert "`rus@2024-01-01`" in README and "answers 404" in README
    if not demo:
        pytest.skip(f"real corpus not available: {CORPUS} is absent (the Labour Code comes from it)")
    response = Client().get(f"/api{LC}/rus@2024-01-01/~art_113")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404 and "2025" in response.json()["error"]["message"]
