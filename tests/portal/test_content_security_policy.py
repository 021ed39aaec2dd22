"""Every page carries a Content-Security-Policy that allows exactly its inline CSS, and loads nothing from
another origin."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User

from kenes.site.security import style_hash
from tests import factories as f

from .conftest import C097

PAGES = [
    "/",
    "/search?q=заработная+плата",
    "/countries/kg",
    "/conventions/c097",
    f.LC_URI,
    f"{f.LC_URI}/~art_113",
    f"{C097}/~art_1",
    "/rights/",
    "/rights/stay/",
    "/no-such-page",
    "/admin/login/",
    "/api/docs",
]
ASSET = re.compile(r"<(?:script|img|iframe|link|source|audio|video)\b[^>]*?\b(?:src|href)=\"([^\"]*)\"", re.I)


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.mark.parametrize("url", PAGES)
def test_a_page_allows_only_its_own_inline_css_and_scripts_from_our_origin(client, indexed, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"] and policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    html = response.content.decode()
    if not url.startswith("/api/docs"):
        assert "'unsafe-inline'" not in policy["style-src"]
        for css in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S):
            assert style_hash(css) in policy["style-src"], f"an inline <style> of {url} is not allowed"
        assert not re.search(r"\sstyle=\"", html), f"{url} has a style attribute the policy blocks"
    for script in re.findall(r"<script\b([^>]*)>", html):
        assert "src=" in script or 'type="application/json"' in script, f"{url}: inline script {script}"


@pytest.mark.parametrize("url", PAGES)
def test_a_page_loads_no_third_party_asset(client, indexed, url):
    html = client.get(url).content.decode()
    for address in ASSET.findall(html):
        assert not re.match(r"(?:[a-z]+:)?//", address, re.I), f"{url} loads {address}"


def test_the_admin_pages_of_an_editor_carry_the_policy(client, indexed):
    client.force_login(User.objects.create_superuser("admin", password="pw-Admin-123"))
    response = client.get("/admin/lex/work/")
    assert response.status_code == 200
    assert _policy(response)["script-src"] == ["'self'"]
