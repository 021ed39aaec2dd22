"""The home page in a real browser: styles load, the language switch works, the keyboard gets around."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.a11y import accessibility_problems


def test_home_page_is_styled_without_extra_requests_and_passes_the_basic_accessibility_checks(page):
    requested: list[tuple[str, int]] = []
    page.on("response", lambda r: requested.append((r.url, r.status)))
    page.goto("/")
    page.wait_for_load_state("load")
    # The stylesheet is inlined (no render-blocking request on slow 3G) and no favicon round trip ends in 404.
    assert not [u for u, _s in requested if u.endswith(".css") or "favicon" in u], requested
    assert all(status < 400 for _u, status in requested), requested
    rules = page.evaluate("() => Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)")
    assert rules > 20, "the inline stylesheet holds no rules"
    weight = page.evaluate("() => getComputedStyle(document.querySelector('.brand')).fontWeight")
    assert weight == "700", "the portal's styles are not applied"
    assert accessibility_problems(page) == []


def test_the_browser_language_picks_the_interface_language(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_switching_language_changes_the_interface_and_survives_the_next_page(page):
    page.goto("/")
    skip = page.locator("a.skip")
    expect(skip).to_have_text("Skip to content")
    page.get_by_label("Language").select_option("kk")
    page.locator("form.lang").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(skip).not_to_have_text("Skip to content")  # the Kazakh catalogue is in use
    kazakh = skip.inner_text()
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator("#language")).to_have_value("kk")
    page.locator("#language").select_option("ru")
    page.locator("form.lang").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(skip).not_to_have_text(kazakh)
    expect(skip).not_to_have_text("Skip to content")


def test_switching_language_on_an_inner_page_stays_on_that_page(page):
    page.goto("/rights/stay/?rows=4")
    page.get_by_label("Language").select_option("kk")
    page.locator("form.lang").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/rights/stay/\?rows=4$"))
    expect(page.locator("html")).to_have_attribute("lang", "kk")


def test_the_first_tab_reaches_the_skip_link_which_jumps_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_attribute("href", "#main")
    expect(skip).to_be_visible()  # a skip link must show itself when focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
