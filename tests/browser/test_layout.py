"""Every main page fits a 360 px phone (no sideways scrolling of the page) and passes the basic checks."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.browser.a11y import accessibility_problems

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
