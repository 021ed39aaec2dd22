"""Searching in a real browser: words to highlighted provisions, a citation straight to its article, filters.

Data: the small Labour Code of tests/factories, indexed into a temporary folder.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.browser.a11y import accessibility_problems

pytestmark = pytest.mark.django_db(transaction=True)


def test_words_typed_on_the_home_page_find_the_provision_with_a_highlighted_snippet(page, searchable):
    page.goto("/")
    page.get_by_role("search").get_by_label("Search the law").fill("простой")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search\?q="))
    results = page.locator("ol.hits > li")
    expect(results.first).to_be_visible()
    expect(results.first.locator("mark").first).to_have_text(re.compile("прост", re.IGNORECASE))
    assert accessibility_problems(page) == []


def test_opening_a_result_shows_the_article(page, searchable):
    page.goto("/search?q=простой")
    page.locator("ol.hits").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"~art_112"))
    expect(page.get_by_text("Простой оплачивается.").first).to_be_visible()


def test_a_citation_typed_in_the_box_jumps_to_the_article(page, searchable):
    page.goto("/search")
    page.get_by_label("Words or a citation").fill("ст. 113 ТК РК")
    page.get_by_label("Words or a citation").press("Enter")
    expect(page).to_have_url(re.compile(rf"{re.escape(f.LC_URI)}/rus(@[0-9-]+)?/~art_113$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("113")


def test_a_date_in_the_search_finds_the_wording_then_in_force(page, searchable):
    page.goto("/search")
    page.get_by_label("Words or a citation").fill("заработная плата выплачивается")
    page.get_by_label("In force on").fill("2024-06-01")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    hits = page.locator("ol.hits > li")
    expect(hits.filter(has_text="не реже одного раза")).not_to_have_count(0)
    expect(hits.filter(has_text="дважды")).to_have_count(0)  # the 2025 wording was not yet in force
    hits.filter(has_text="не реже одного раза").first.get_by_role("link").first.click()
    expect(
        page.get_by_text("Заработная плата выплачивается не реже одного раза в месяц.").first
    ).to_be_visible()


def test_a_facet_link_narrows_the_results_and_can_be_removed(page, searchable):
    page.goto("/search?q=заработная")
    filters = page.get_by_role("navigation", name="Filters")
    before = page.locator("#count").inner_text()
    filters.get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(re.compile(r"lang=eng"))
    expect(page.locator("#count")).not_to_have_text(before)
    page.get_by_role("link", name="remove filter").click()
    expect(page).not_to_have_url(re.compile(r"lang=eng"))
    expect(page.locator("#count")).to_have_text(before)


def test_the_keyboard_alone_reaches_the_search_box_and_enter_searches(page, searchable):
    page.goto("/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == "q":
            break
    else:
        pytest.fail("twenty presses of Tab never reached the search box")
    page.keyboard.type("простой")
    page.keyboard.press("Enter")
    expect(page.locator("ol.hits > li").first).to_be_visible()
    # Focus is visible where the keyboard lands: an outline or a box shadow on the focused result link.
    page.locator("ol.hits a").first.focus()
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    assert style[0] != "none" or style[2] != "none", f"no visible focus indicator: {style}"


def test_a_pasted_letter_too_long_for_an_address_is_searched_as_it_is(page, searchable):
    """The form posts what no URL can hold (production refuses request lines over 8 KB); a short search is
    still asked at its address (the test above)."""
    letter = "Здравствуйте. Заработная плата выплачивается с задержкой, что мне делать? " * 60
    page.goto("/search")
    page.get_by_label("Words or a citation").fill(letter)
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search$"))
    expect(page.locator("ol.hits > li").first).to_be_visible()
    expect(page.get_by_label("Words or a citation")).to_have_value(letter.strip())
    assert accessibility_problems(page) == []


def test_switching_the_language_on_a_posted_page_keeps_the_pasted_letter(page, searchable):
    """The switcher posts the search form there (kenes/portal/language_switch.py): before, it went back
    to the page's address, ``/search``, and the letter was lost."""
    letter = "Здравствуйте. Заработная плата выплачивается с задержкой, что мне делать? " * 60
    page.goto("/search")
    page.get_by_label("Words or a citation").fill(letter)
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.locator("ol.hits > li").first).to_be_visible()
    page.get_by_label("Language").select_option("ru")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("#q")).to_have_value(letter.strip())
    expect(page.locator("ol.hits > li").first).to_be_visible()
    page.goto("/search")  # and the choice is kept
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def test_a_question_shortened_before_switching_is_sent_on_to_its_address(page, searchable):
    """kenes.js leaves the switcher's post alone (it would ask the search's address with the language
    and the token in it); the server sends a search that fits an address on to it."""
    page.goto("/search")
    page.get_by_label("Words or a citation").fill("заработная плата " * 300)
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.locator("ol.hits > li").first).to_be_visible()
    page.locator("#q").fill("заработная плата")
    page.get_by_label("Language").select_option("ru")
    page.get_by_role("button", name="Switch").click()
    expect(page).to_have_url(re.compile(r"/search\?q=%D0%B7"))
    assert "language=" not in page.url and "csrfmiddlewaretoken" not in page.url
    expect(page.locator("html")).to_have_attribute("lang", "ru")
