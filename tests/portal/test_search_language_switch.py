"""Switching the interface language on a page answered to a posted search keeps the question.

Before, the switcher sent the reader to the page's address (``/search``, nothing in it) and the pasted
letter was gone: the person had to paste it again to read the answer in their language.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from kenes.portal.country_memory import COUNTRY_COOKIE

from .test_search_posted import LONG


def _token(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)" form="search-form"', page)
    assert found, "a posted page's switcher carries its token in the search form"
    return found.group(1)


def _posted(client: Client, **more: str):
    return client.post("/search", {"q": LONG, "jurisdiction": "kz", **more}, HTTP_ACCEPT_LANGUAGE="ru")


@pytest.mark.django_db
def test_a_posted_pages_switcher_posts_the_search_form(indexed):
    page = _posted(Client(enforce_csrf_checks=True)).content.decode()
    assert '<select id="language" name="language" form="search-form">' in page
    assert '<button type="submit" form="search-form" formaction="/search/language">' in page
    assert 'name="next"' not in page  # (set_language's return address would lose the question)


@pytest.mark.django_db
def test_switching_answers_the_same_question_in_the_language_chosen(indexed):
    client = Client(enforce_csrf_checks=True)
    russian = _posted(client).content.decode()
    assert '<html lang="ru">' in russian
    response = client.post(
        "/search/language",
        {"q": LONG, "jurisdiction": "kz", "language": "en", "csrfmiddlewaretoken": _token(russian)},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    page = response.content.decode()
    assert response.status_code == 200 and '<html lang="en">' in page
    assert "Search the law" in page and LONG.strip()[:200] in page  # the letter is still in the box
    assert '<ol class="hits" start="1"><li>' in page
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"  # and the choice is kept
    assert COUNTRY_COOKIE not in response.cookies
    # the next page of the same search is in English without being asked again
    assert '<html lang="en">' in client.get("/search", {"q": "заработная плата"}).content.decode()


@pytest.mark.django_db
def test_a_question_that_fits_an_address_is_sent_on_in_the_new_language(indexed):
    client = Client()
    response = client.post(
        "/search/language", {"q": "заработная плата", "jurisdiction": "", "language": "kk"}
    )
    assert response.status_code == 303 and response["Location"].startswith("/search?q=")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "kk"


@pytest.mark.django_db
def test_the_switch_cannot_be_posted_from_another_site(indexed):
    """It changes what the browser keeps (the language), so unlike the search it asks for the token."""
    response = Client(enforce_csrf_checks=True).post(
        "/search/language", {"q": LONG, "language": "en"}, HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 403
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_a_language_not_offered_is_ignored_and_the_search_answered(indexed):
    response = Client().post(
        "/search/language", {"q": LONG, "jurisdiction": "kz", "language": "xx"}, HTTP_ACCEPT_LANGUAGE="ru"
    )
    page = response.content.decode()
    assert response.status_code == 200 and '<html lang="ru">' in page
    assert '<ol class="hits" start="1"><li>' in page
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_only_a_post_switches(indexed):
    assert Client().get("/search/language", {"q": "x", "language": "en"}).status_code == 405


@pytest.mark.django_db
def test_a_search_at_its_address_keeps_the_ordinary_switcher(indexed):
    page = Client().get("/search", {"q": "заработная плата"}).content.decode()
    assert '<select id="language" name="language">' in page and 'form="search-form" formaction' not in page
    assert '<input name="next" type="hidden" value="/search?q=' in page
