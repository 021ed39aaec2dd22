"""Reading a code in a real browser: contents, one article, another date, another language, cross-references.

Data: the small Labour Code of tests/factories (Russian wordings from 2024-01-01 and 2025-01-01, English from
2024-01-01; article 113 cites article 112).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.browser.a11y import accessibility_problems

pytestmark = pytest.mark.django_db(transaction=True)

RUS = f"{f.LC_URI}/rus"  # the text's language in the address: the interface (English here) is apart
ARTICLE = f"{RUS}/~art_113"
CURRENT = "Заработная плата выплачивается дважды в месяц."
OLDER = "Заработная плата выплачивается не реже одного раза в месяц."


def open_tools(page) -> None:
    """Unfold the date, language and citation tools, folded so a phone shows the law first."""
    page.get_by_text("Other dates and languages · citation").click()


def test_the_contents_lead_to_an_article_with_its_text(page, labour_code):
    page.goto(RUS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Трудовой кодекс")
    assert accessibility_problems(page) == []
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name=re.compile(r"\b113\b")).click()
    expect(page.get_by_text(CURRENT)).to_be_visible()
    expect(page.locator("[id='art_113']")).to_be_attached()


def test_an_article_has_its_own_page_with_the_current_wording(page, labour_code):
    page.goto(f"{ARTICLE}?with=none")
    expect(page.get_by_role("heading", level=1)).to_contain_text("113")
    expect(page.get_by_text(CURRENT)).to_be_visible()
    expect(page.get_by_text(OLDER)).to_have_count(0)
    assert accessibility_problems(page) == []


def test_the_side_by_side_view_passes_the_basic_accessibility_checks(page, labour_code):
    page.goto(f"{ARTICLE}?with=eng")
    expect(page.get_by_text("Wages are paid at least once a month.")).to_be_visible()
    assert accessibility_problems(page) == []


def test_choosing_an_earlier_date_shows_the_wording_then_in_force(page, labour_code):
    page.goto(ARTICLE)
    open_tools(page)
    page.get_by_label("As in force on").select_option("2024-01-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text(OLDER)).to_be_visible()
    expect(page.get_by_text(CURRENT)).to_have_count(0)
    expect(page.get_by_text("You are reading the wording in force from 01.01.2024")).to_be_visible()
    page.get_by_role("link", name="Current wording").click()
    expect(page.get_by_text(CURRENT)).to_be_visible()


def test_choosing_the_english_text_keeps_the_interface_language_apart(page, labour_code):
    page.goto(f"{f.LC_URI}/rus@2024-01-01/~art_113")
    open_tools(page)
    page.get_by_label("Language of the text").select_option("eng")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("Wages are paid at least once a month.")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")  # interface stays as the browser asked
    expect(page.locator(".law").first).to_have_attribute("lang", "en")


def test_the_interface_language_picks_the_text_when_a_translation_exists(page, labour_code):
    page.goto(f"{f.LC_URI}/~art_113")
    expect(page.get_by_text("Wages are paid at least once a month.")).to_be_visible()


def test_the_translation_side_by_side_is_flagged_when_older_than_the_original(page, labour_code):
    page.goto(ARTICLE)
    page.get_by_role("link", name="English", exact=True).click()
    expect(page.get_by_text(CURRENT)).to_be_visible()
    expect(page.get_by_text("Wages are paid at least once a month.")).to_be_visible()
    expect(page.get_by_role("note").filter(has_text="older than the original")).to_be_visible()


def test_a_cross_reference_in_the_text_leads_to_the_cited_article(page, labour_code):
    page.goto(ARTICLE)
    page.locator(".law").get_by_role("link", name=re.compile(r"112")).first.click()
    expect(page).to_have_url(re.compile(r"~art_112$|#art_112$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("112")
    expect(page.get_by_text("Простой оплачивается.").first).to_be_visible()


def test_the_cited_article_lists_who_refers_to_it(page, labour_code):
    page.goto(f"{RUS}/~art_112")
    referrers = page.get_by_role("region", name="Provisions that refer to it")
    referrers.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"art_113"))


def test_copy_citation_puts_the_citation_on_the_clipboard(browser, live_server, labour_code):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(ARTICLE)
    open_tools(page)
    citation = page.locator("#citation").inner_text()
    page.get_by_role("button", name="Copy citation").click()
    expect(page.locator("#copy-cite")).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == citation
    assert "113" in citation
    context.close()


def test_an_article_reads_with_javascript_off(browser, live_server, labour_code):
    context = browser.new_context(base_url=live_server.url, locale="en-US", java_script_enabled=False)
    page = context.new_page()
    page.goto(ARTICLE)
    expect(page.get_by_text(CURRENT)).to_be_visible()
    # Buttons that need a script stay hidden rather than doing nothing when pressed.
    open_tools(page)  # <details> unfolds without a script
    expect(page.get_by_role("button", name="Copy citation")).to_be_hidden()
    page.get_by_label("As in force on").select_option("2024-01-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text(OLDER)).to_be_visible()
    context.close()
