"""The search form posts, so that a question longer than an address can hold is searched as it is.

Production refuses a request line over 8 KB (nginx, gunicorn): about 1,300 Russian characters in a GET URL.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import pytest
from django.test import Client

from kenes.portal import search_form
from kenes.portal.country_memory import COUNTRY_COOKIE

#: a question of about 2,000 characters: far over the GET limit once each Cyrillic letter is "%D0%B0"
STORY = (
    "Здравствуйте. Я работаю по трудовому договору уже третий год, заработная плата выплачивается с "
    "опозданием, а теперь работодатель говорит, что платить не будет, и предлагает уволиться. "
)
LONG = STORY * 12
ALIMONY = "муж не платит алименты на ребенка, удерживают ли из заработной платы, что делать? " * 20


def _forms_posted(page: str) -> bool:
    return 'method="post" id="search-form"' in page


@pytest.mark.django_db
def test_a_short_search_posted_is_sent_on_to_its_address(indexed):
    response = Client(enforce_csrf_checks=True).post(
        "/search", {"q": "заработная плата", "jurisdiction": "", "date": "", "type": ""}
    )
    assert response.status_code == 303
    path, query = response["Location"].split("?")
    # the country kept even empty ("any" chosen is not "none chosen"); the other empty fields left out
    assert path == "/search" and parse_qs(query, keep_blank_values=True) == {
        "q": ["заработная плата"],
        "jurisdiction": [""],
    }


@pytest.mark.django_db
def test_a_question_too_long_for_an_address_is_answered_on_the_spot(indexed):
    assert len(urlencode({"q": LONG})) > search_form.GET_LIMIT
    response = Client(enforce_csrf_checks=True).post(
        "/search", {"q": LONG, "jurisdiction": "kz"}, HTTP_ACCEPT_LANGUAGE="ru"
    )
    page = response.content.decode()
    assert response.status_code == 200 and _forms_posted(page)
    assert '<ol class="hits" start="1"><li>' in page
    assert "q=" not in " ".join(re.findall(r'href="([^"]*)"', page))  # no link carries the question
    assert COUNTRY_COOKIE not in response.cookies  # a post, which any page can send, changes nothing kept


@pytest.mark.django_db
def test_on_a_posted_page_the_other_searches_post_the_form_again(indexed):
    client = Client()
    told = client.post("/search", {"q": ALIMONY, "jurisdiction": "kz"}, HTTP_ACCEPT_LANGUAGE="ru")
    page = told.content.decode()
    assert "семейное право" in page
    button = re.search(
        r'<button type="submit" form="search-form" class="again" name="anyway" value="1"', page
    )
    assert button, "the nearest articles anyway are a button that posts the form again"
    # what the browser sends for that button: the form's fields, then the button's own
    shown = client.post(
        "/search", {"q": ALIMONY, "jurisdiction": "kz", "anyway": "1"}, HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert '<ol class="hits" start="1"><li>' in shown.content.decode()


@pytest.mark.django_db
def test_the_last_value_of_a_field_is_the_buttons():
    from django.http import QueryDict

    posted = QueryDict("q=x&jurisdiction=kz&page=1&jurisdiction=*&date=")
    assert search_form.normalised(posted).dict() == {"q": "x", "jurisdiction": "*"}
    cleared = QueryDict("q=x&jurisdiction=kz&type=code&unfiltered=1")
    assert search_form.normalised(cleared).dict() == {"q": "x"}


def test_the_script_sends_on_at_the_same_length_as_the_server():
    script = Path(search_form.__file__).parents[1] / "site" / "static" / "site" / "kenes.js"
    (limit,) = re.findall(r"var GET_LIMIT = (\d+);", script.read_text(encoding="utf-8"))
    assert int(limit) == search_form.GET_LIMIT


@pytest.mark.django_db
def test_a_search_takes_no_other_method(indexed):
    assert Client().put("/search", "q=x").status_code == 405


@pytest.mark.django_db
def test_a_long_question_is_shown_in_a_box_that_holds_it_and_the_title_stays_short(indexed):
    page = Client().post("/search", {"q": LONG}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f'<textarea id="q" name="q" rows="6">{LONG.strip()}</textarea>' in page
    (title,) = re.findall(r"<title>(.*?)</title>", page, re.S)
    assert len(title) < 120  # (the tab, and the browser's history, do not keep the whole story)
    short = Client().get("/search", {"q": "заработная плата"}).content.decode()
    assert '<input id="q" name="q" type="search" value="заработная плата"' in short


@pytest.mark.django_db
def test_a_form_larger_than_django_reads_is_told_it_is_too_long(indexed, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000  # (2.5 MB by default: the same path, lighter)
    response = Client().post("/search", {"q": "а" * 60_000}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 413
    assert "слишком длинный" in response.content.decode()
