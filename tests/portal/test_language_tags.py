"""Every language tag Kenes writes is the BCP 47 tag of the language meant: ``kk`` for Kazakh, never ``ka``
(Georgian, the first two letters of the AKN code ``kaz``), ``ky`` for Kyrgyz, never ``ki`` (Kikuyu).

Checked on what the pages and the API actually send, in the interface languages a migrant uses."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from kenes.lex.languages import AKN_TO_BCP47, to_bcp47
from tests import factories as f

from .conftest import C097

#: The tags Kenes may write: its interface languages and the languages it holds law in.
ALLOWED = {code for code, _name in settings.LANGUAGES} | set(AKN_TO_BCP47.values())
TAG = re.compile(r'\b(?:lang|hreflang)="([^"]*)"')

PAGES = [
    "/",
    "/search?q=заработная",
    "/countries/",
    "/countries/kz",
    f"/conventions/{C097.rsplit('/', 1)[-1]}",
    f"{f.LC_URI}/rus",
    f"{f.LC_URI}/kaz",
    f"{f.LC_URI}/rus@2024-01-01/~art_113",
    f"{f.LC_URI}/kaz@2024-01-01/~art_113",
    "/rights/",
    "/rights/stay/",
]


def test_akn_codes_become_their_bcp47_tags():
    assert [to_bcp47(c) for c in ("rus", "kaz", "kir", "uzb", "tgk", "eng")] == [
        "ru",
        "kk",
        "ky",
        "uz",
        "tg",
        "en",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("ui", ["ru", "kk", "ky"])
def test_every_lang_and_hreflang_on_the_pages_is_a_tag_of_ours(client, indexed, ui):
    for path in PAGES:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=ui)
        assert response.status_code == 200, path
        html = response.content.decode()
        tags = set(TAG.findall(html))
        assert tags, path
        assert tags <= ALLOWED, (path, tags - ALLOWED)
        assert f'<html lang="{ui}">' in html
        assert response["Content-Language"] == ui


@pytest.mark.django_db
def test_the_kazakh_text_is_tagged_kk_wherever_it_is_offered(client, code):
    html = client.get(f"{f.LC_URI}/rus@2024-01-01/~art_113").content.decode()
    assert 'href="?with=kaz" lang="kk"' in html
    assert '<div class="law" lang="kk">' in html  # the side-by-side column
    reader = client.get(f"{f.LC_URI}/rus@2024-01-01").content.decode()
    assert '<option value="kaz" lang="kk"' in reader


@pytest.mark.django_db
@pytest.mark.parametrize("ui", ["kk", "ky", "uz", "tg"])
def test_the_api_names_the_answers_language_by_its_tag(client, ui):
    response = client.get(f"/api/rights?lang={ui}")
    assert response.status_code == 200
    assert {rule["language"] for rule in response.json()} == {ui}
