"""A search on a past date says which acts Kenes holds only in later editions, instead of dropping them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from kenes.search.service import SearchRequest, search

from .indexing import C095, LC, MIGRATION

pytestmark = pytest.mark.django_db


def test_a_search_before_an_acts_first_edition_names_that_act(library):
    result = search(SearchRequest("заработная плата", date=dt.date(2010, 1, 1)))
    missing = {w["work"]: w["from"] for w in result.not_held_on_date}
    assert missing[LC] == "2024-01-01" and MIGRATION in missing
    assert C095 not in missing  # held from 1949: searched
    assert all(hit.work != LC for hit in result.hits)


def test_a_search_today_names_no_act(library):
    assert search(SearchRequest("заработная плата")).not_held_on_date == []


def test_the_api_and_the_search_page_say_which_acts_had_no_edition(library):
    body = Client().get("/api/search", {"q": "заработная плата", "date": "2010-01-01"}).json()
    assert LC in {w["work"] for w in body["not_held_on_date"]}
    page = (
        Client()
        .get("/search", {"q": "заработная плата", "date": "2010-01-01"}, HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    assert "No edition held in force on 2010-01-01, so not searched:" in page
    assert f'href="{LC}"' in page
