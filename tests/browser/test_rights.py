"""The "check your rights" forms in a real browser: a migrant fills in a stay and reads the answer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import accessibility_problems

pytestmark = pytest.mark.django_db(transaction=True)


def _open_stay_check(page) -> None:
    page.goto("/rights/")
    page.locator("ul.checks a[href$='/rights/stay/']").click()
    expect(page).to_have_url(re.compile(r"/rights/stay/$"))


def test_a_stay_form_filled_in_gives_the_days_used_and_left_at_a_shareable_address(page):
    _open_stay_check(page)
    assert accessibility_problems(page) == []
    page.locator("#id_entry_0").fill("2024-01-10")
    page.locator("#id_exit_0").fill("2024-03-01")
    page.get_by_label("Control date").fill("2024-03-10")
    page.get_by_label("Your citizenship").select_option("uz")
    page.get_by_role("button", name="Check", exact=True).click()

    answer = page.get_by_role("region", name="The answer")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("52 out of 90 days; 38 days remain")
    expect(page).to_have_url(re.compile(r"entry_0=2024-01-10.*exit_0=2024-03-01"))
    assert accessibility_problems(page) == []

    shared = page.url
    page.goto("/")
    page.goto(shared)  # the address alone brings the same answer back (nothing is stored)
    expect(page.get_by_role("region", name="The answer")).to_contain_text("52 out of 90 days")


def test_enter_in_a_date_box_checks_the_stay_rather_than_adding_a_row(page):
    _open_stay_check(page)
    rows_before = page.locator(".stay-row").count()
    page.locator("#id_entry_0").fill("2024-01-10")
    page.get_by_label("Control date").fill("2024-01-19")
    page.get_by_label("Control date").press("Enter")
    expect(page.get_by_role("region", name="The answer")).to_contain_text("10 out of 90 days")
    assert page.locator(".stay-row").count() == rows_before


def test_an_exit_before_the_entry_is_refused_next_to_the_box_without_an_answer(page):
    _open_stay_check(page)
    page.locator("#id_entry_0").fill("2024-03-01")
    page.locator("#id_exit_0").fill("2024-01-10")
    with page.expect_response(re.compile(r"/rights/stay/\?")) as response:
        page.get_by_role("button", name="Check", exact=True).click()
    assert response.value.status == 400
    expect(page.get_by_role("alert").first).to_contain_text("The exit is before the entry")
    expect(page.get_by_role("region", name="The answer")).to_have_count(0)
    expect(page.locator("#id_entry_0")).to_have_value("2024-03-01")  # what was typed is kept


def test_adding_a_stay_row_works_with_javascript_off(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US", java_script_enabled=False)
    page = context.new_page()
    page.goto("/rights/stay/")
    rows_before = page.locator(".stay-row").count()
    page.locator("#id_entry_0").fill("2024-01-10")
    page.get_by_role("button", name="Add another stay").click()
    expect(page.locator(".stay-row")).to_have_count(rows_before + 1)
    expect(page.locator("#id_entry_0")).to_have_value("2024-01-10")
    context.close()
