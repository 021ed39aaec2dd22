"""The rights pages carry their small stylesheet inline, like the portal's, and it styles only them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parents[3] / "kenes" / "rights" / "static" / "rights" / "rights.css"


def selectors(css: str) -> list[str]:
    """Every selector of the stylesheet, at-rule wrappers (``@media …{``) left out."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for prelude in re.findall(r"([^{}]+)\{", css):
        prelude = prelude.strip()
        if prelude.startswith("@"):
            continue
        found += [part.strip() for part in prelude.split(",")]
    return found


@pytest.mark.parametrize("path", ["/rights/", "/rights/stay/", "/rights/leave/"])
def test_the_rights_css_is_inlined_and_no_stylesheet_is_fetched(client, path):
    page = client.get(path).content.decode()
    assert '<link rel="stylesheet"' not in page
    assert "rights.css" not in page
    inlined = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(inlined) == 2  # the portal's, then the rights one
    assert ".rights .field input" in inlined[1]
    assert '<div class="rights">' in page


def test_every_rule_of_the_rights_css_is_scoped_to_the_rights_pages():
    found = selectors(CSS.read_text(encoding="utf-8"))
    assert len(found) > 20
    assert [s for s in found if not s.startswith(".rights ")] == []


def test_the_header_is_outside_the_scope_of_the_rights_css(client):
    page = client.get("/rights/stay/").content.decode()
    assert page.index("</header>") < page.index('<div class="rights">')
