"""Every main page fits a 360 px phone (no sideways scrolling of the page) and passes the basic checks."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.browser.a11y import accessibility_problems
from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/",
    "/search?q=заработная",
    f"{f.LC_URI}/rus",
    f"{f.LC_URI}/rus/~art_113?with=none",
    "/countries/",
    "/countries/kz",
    "/rights/",
    "/rights/stay/",
]


@pytest.mark.parametrize("path", PAGES)
def test_the_page_fits_a_phone_screen_and_passes_the_basic_checks(page, searchable, path):
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 360px phone screen"
    assert accessibility_problems(page) == []


def test_an_article_on_a_phone_starts_its_text_on_the_first_screen(page, labour_code):
    page.goto(f"{f.LC_URI}/rus/~art_113?with=none")
    top = page.locator("#text p").first.bounding_box()
    assert top is not None and top["y"] + top["height"] <= 740, f"the law text starts at {top} on a phone"
    titled = page.locator("h1, h2, h3, h4").filter(has_text="Порядок и сроки выплаты заработной платы")
    assert titled.count() == 1  # the title is said once, by the <h1>
    assert titled.first.inner_text() == "Статья 113. Порядок и сроки выплаты заработной платы"


def test_search_on_a_phone_shows_results_before_the_filters(page, searchable):
    page.goto("/search?q=заработная")
    first_hit = page.locator("ol.hits > li").first.bounding_box()
    filters = page.get_by_role("navigation", name="Filters").bounding_box()
    assert first_hit is not None and filters is not None
    assert first_hit["y"] < 740 and first_hit["y"] < filters["y"]


def test_search_on_a_desktop_puts_the_filters_beside_the_results(browser, live_server, searchable):
    context = browser.new_context(base_url=live_server.url, locale="en-US", viewport=DESKTOP)
    page = context.new_page()
    page.goto("/search?q=заработная")
    hits = page.locator("ol.hits").bounding_box()
    filters = page.get_by_role("navigation", name="Filters").bounding_box()
    assert filters["x"] >= hits["x"] + hits["width"]  # a column to the right, not rows below
    assert filters["y"] < hits["y"] + hits["height"]
    context.close()


def test_tables_on_a_phone_hide_no_column(page, searchable):
    from kenes.lex.models import Ratification

    f.jurisdiction("aa-ilo", "International Labour Organization", "international")
    c097 = f.work(
        "/akn/aa-ilo/act/convention/1949-07-01/c097", short_title="C097", work_type="ilo-convention"
    )
    Ratification.objects.create(country_id="kz", instrument=c097, status="in-force")
    for path in ("/countries/kz", "/conventions/c097"):
        page.goto(path)
        table = page.locator("table:not(.cmp)").first
        widths = table.evaluate("(t) => [t.scrollWidth, t.parentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{path}: the ratification table is wider than the phone"
        expect_cells = table.locator("td[data-label]")
        assert expect_cells.count() >= 3 and expect_cells.first.is_visible()
    page.goto("/countries/kz")
    # the wide comparison scrolls inside its own box, and the phone says so
    assert page.locator(".hint").first.is_visible()
