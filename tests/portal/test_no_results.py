"""A search with no results says what to try instead, and has nothing to offer when there are results."""

from __future__ import annotations

import html
import re

import pytest


@pytest.mark.django_db
def test_zero_results_offer_the_rights_checks_the_citation_form_and_an_advisory_centre(client, indexed):
    html = client.get("/search?q=qwertyzxcv", HTTP_ACCEPT_LANGUAGE="ky").content.decode()
    assert "Эч нерсе табылган жок" in html
    assert 'id="none-rights" href="/rights/"' in html
    assert 'id="none-citation"' in html
    assert 'id="none-centre" href="/countries/"' in html
    assert 'id="none-unfiltered"' not in html  # no filter to remove


@pytest.mark.django_db
def test_with_filters_the_offer_starts_with_searching_without_them(client, indexed):
    html = client.get(
        "/search?q=qwertyzxcv&jurisdiction=kz&type=code", HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert 'id="none-unfiltered" href="?q=qwertyzxcv"' in html
    assert 'id="none-centre" href="/countries/kz"' in html


@pytest.mark.django_db
def test_a_search_with_results_offers_nothing_extra(client, indexed):
    html = client.get("/search?q=простой").content.decode()
    assert 'ol class="hits"' in html and "<li>" in html
    assert "noresults" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ru", "Этот вопрос касается области «семейное право»"),
        ("kk", "Бұл сұрақ «отбасы құқығы» саласына қатысты"),
        ("en", "This question is about family law: that law is not in this database."),
    ],
)
def test_law_that_is_not_here_is_named_and_an_advisory_centre_offered(client, indexed, lang, said):
    q = "муж не платит алименты на ребенка, что делать?"
    html = client.get("/search", {"q": q, "jurisdiction": "kz"}, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert said in html
    assert 'id="none-centre" href="/countries/kz"' in html


def test_every_area_search_may_name_has_a_label():
    """An area added to the search's answers.yaml without a label here would get the notice naming none."""
    from kenes.portal.labels import NOT_HERE_AREAS
    from kenes.search import answers

    assert {area.name for area in answers._areas()[0]} == set(NOT_HERE_AREAS)


@pytest.mark.django_db
def test_a_question_sent_away_can_still_see_the_nearest_articles(client, indexed):
    """A reading of "not here" can be wrong: the person it sent away is offered the articles anyway."""
    q = "муж не платит алименты на ребенка, удерживают ли из заработной платы, что делать?"
    told = client.get("/search", {"q": q, "jurisdiction": "kz"}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "семейное право" in told and "всё равно показать наиболее близкие статьи" in told
    assert '<ol class="hits" start="1"></ol>' in told
    (href,) = re.findall(r'id="none-anyway" href="([^"]+)"', told)
    shown = client.get("/search" + html.unescape(href), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "anyway=1" in href and "jurisdiction=kz" in href
    assert "Похоже, этот вопрос касается области «семейное право»" in shown and "none-anyway" not in shown
    assert '<ol class="hits" start="1"><li>' in shown


@pytest.mark.django_db
def test_a_search_with_nothing_found_offers_no_articles_anyway(client, indexed):
    page = client.get("/search?q=qwertyzxcv").content.decode()
    assert "noresults" in page and "none-anyway" not in page
