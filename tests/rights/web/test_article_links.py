"""Links both ways between an article and the rights checks that rest on it."""

from __future__ import annotations

import re

import pytest

from tests.rights.web.conftest import MIGRATION_LAW_DATE

pytestmark = pytest.mark.django_db


def test_the_article_page_names_the_checks_that_rest_on_it_and_links_to_them(client, migration_law):
    client.cookies["django_language"] = "en"
    url = f"{migration_law}/rus@{MIGRATION_LAW_DATE.isoformat()}/~art_6"
    body = client.get(url).content.decode()
    section = re.search(r'<section class="used-by".*?</section>', body, re.S)[0]
    assert "This article is used by" in section
    assert '<a href="/rights/stay/">How many days may I still stay' in section
    assert 'href="/rights/registration/"' in section
    assert "/rights/wage-payment/" not in section


def test_the_article_page_speaks_the_check_in_the_interface_language(client, migration_law):
    client.cookies["django_language"] = "kk"
    body = client.get(f"{migration_law}/rus@{MIGRATION_LAW_DATE.isoformat()}/~art_6").content.decode()
    section = re.search(r'<section class="used-by".*?</section>', body, re.S)[0]
    assert "How many days" not in section and 'href="/rights/stay/"' in section


def test_an_article_no_check_rests_on_shows_no_such_section(client, labour_code):
    body = client.get(f"{labour_code}/rus@2020-01-01/~art_1").content.decode()
    assert 'class="used-by"' not in body


def test_the_check_answer_links_back_to_the_article_it_rests_on(client, migration_law):
    client.cookies["django_language"] = "en"
    query = (
        "entry_0=2026-01-05&exit_0=2026-02-01&on=2026-11-01&host=kz&citizenship=uz&status=visa_free&check=1"
    )
    body = client.get(f"/rights/stay/?{query}").content.decode()
    assert f'href="{migration_law}/rus@{MIGRATION_LAW_DATE.isoformat()}/~art_6__para_4"' in body
