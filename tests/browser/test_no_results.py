"""A search that finds nothing offers ways on: without the filters, a citation, the rights checks, a centre.

In Russian, Kazakh and Uzbek, as a migrant sees it on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import accessibility_problems
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

HEADINGS = {
    "ru": "Ничего не найдено. Можно:",
    "kk": "Ештеңе табылмады. Мыналарды көріңіз:",
    "uz": "Hech narsa topilmadi. Quyidagilarni sinab koʻring:",
}


@pytest.fixture
def phone_in(browser, live_server):
    contexts = []

    def open_page(lang: str):
        ctx = browser.new_context(base_url=live_server.url, locale=lang, viewport=PHONE)
        ctx.set_default_timeout(10_000)
        contexts.append(ctx)
        return ctx.new_page()

    yield open_page
    for ctx in contexts:
        ctx.close()


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_no_results_offers_the_way_on_in_the_readers_language(phone_in, searchable, lang):
    page = phone_in(lang)
    page.goto("/search?q=qwertyzxcv&jurisdiction=kz")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    offer = page.locator("section.noresults")
    expect(offer.get_by_role("heading")).to_have_text(HEADINGS[lang])
    expect(offer.get_by_role("link")).to_have_count(4)
    expect(offer.locator("#none-rights")).to_have_attribute("href", "/rights/")
    expect(offer.locator("#none-centre")).to_have_attribute("href", "/countries/kz")
    assert accessibility_problems(page) == []
    offer.locator("#none-unfiltered").click()
    expect(page).to_have_url(re.compile(r"/search\?q=qwertyzxcv$"))
    page.locator("#none-citation").click()
    expect(page).to_have_url(re.compile(r"~art_113"))
