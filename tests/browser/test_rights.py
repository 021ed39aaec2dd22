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
    page.get_by_label("Stay 1: entry", exact=True).fill("2024-01-10")
    page.get_by_label("Stay 1: exit", exact=True).fill("2024-03-01")
    page.get_by_label("Control date").fill("2024-03-10")
    page.get_by_label("Your citizenship").select_option("uz")
    page.get_by_role("button", name="Check", exact=True).click()

    answer = page.get_by_role("region", name="The answer")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("52 out of 90 days allowed within any 180 days; 38 days remain")
    expect(page).to_have_url(re.compile(r"entry_0=2024-01-10.*exit_0=2024-03-01"))
    assert accessibility_problems(page) == []

    shared = page.url
    page.goto("/")
    page.goto(shared)  # the address alone brings the same answer back (nothing is stored)
    expect(page.get_by_role("region", name="The answer")).to_contain_text("52 out of 90 days")


def test_enter_in_a_date_box_checks_the_stay_rather_than_adding_a_row(page):
    _open_stay_check(page)
    rows_before = page.locator(".stay-row").count()
    page.get_by_label("Stay 1: entry", exact=True).fill("2024-01-10")
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


def test_every_stay_box_is_named_with_its_row_for_screen_readers(page):
    page.goto("/rights/stay/?rows=3")
    for n in (1, 2, 3):
        row = page.get_by_role("group", name=f"Stay {n}", exact=True)
        expect(row).to_be_visible()
        for part, box in (("entry", f"#id_entry_{n - 1}"), ("exit", f"#id_exit_{n - 1}")):
            named = page.get_by_role("textbox", name=f"Stay {n}: {part}", exact=True)
            expect(named).to_have_count(1)
            expect(named).to_have_attribute("id", box[1:])
            expect(row.locator(f"label[for={box[1:]}]")).to_have_text(f"Stay {n}: {part}")
    expect(page.get_by_label("Stay 1: exit", exact=True)).to_have_accessible_description(
        re.compile(r"Empty if you are still there\. Format: dd\.mm\.yyyy\.")
    )


def test_the_stay_boxes_are_named_in_russian_too(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.add_cookies([{"name": "django_language", "value": "ru", "url": live_server.url}])
    page = context.new_page()
    page.goto("/rights/stay/")
    row = page.get_by_role("group", name="Поездка 2", exact=True)
    expect(row.get_by_role("textbox", name="Поездка 2: выезд", exact=True)).to_have_attribute(
        "id", "id_exit_1"
    )
    expect(page.get_by_label("Поездка 1: въезд", exact=True)).to_have_accessible_description(
        re.compile(r"Формат: дд\.мм\.гггг\.")
    )
    context.close()


def _header_look(page) -> dict:
    return page.evaluate(
        """() => {
            const select = document.querySelector('header select');
            const style = getComputedStyle(select);
            return {height: document.querySelector('header').getBoundingClientRect().height,
                    select: [style.padding, style.minHeight, style.fontSize].join(' '),
                    button: getComputedStyle(document.querySelector('header form.lang button')).padding};
        }"""
    )


@pytest.mark.parametrize("path", ["/rights/", "/rights/stay/"])
def test_the_shared_header_looks_the_same_on_the_rights_pages_as_on_the_home_page(page, path):
    page.goto("/")
    home = _header_look(page)
    page.goto(path)
    assert _header_look(page) == home
