"""The competition jury in a real browser: a juror scores alone, declares a conflict, and sees the others'
scores only once the jury has closed; the published winners page then shows the places."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from kenes.observatory.figures import competitions
from tests.browser.a11y import accessibility_problems
from tests.observatory import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(context, live_server, user) -> None:
    """The juror's session, as the login page would leave it (logging in is the accounts app's concern)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_a_juror_scores_alone_declares_a_conflict_and_sees_everyones_scores_after_the_jury_closes(
    page, context, live_server
):
    edition = f.edition(year=2025)
    anna, bek = f.user("anna"), f.user("bek")
    _alpha_anna, alpha_bek = f.nominate(edition, "Alpha LLP", anna, bek)
    _beta_anna, beta_bek = f.nominate(edition, "Beta JSC", anna, bek)
    competitions.record_scores(alpha_bek, f.scores(edition, 3, 3))
    competitions.record_scores(beta_bek, f.scores(edition, 7, 7))
    _log_in(context, live_server, anna)

    page.goto("/observatory/jury/")
    page.get_by_role("link", name="Alpha LLP").click()
    expect(page).to_have_url(re.compile(r"/observatory/jury/\d+/$"))
    assert accessibility_problems(page) == []
    page.get_by_label(re.compile("^Wages above the minimum")).fill("9")
    page.get_by_label(re.compile("^Safety at work")).fill("6")
    page.get_by_role("button", name="Save my scores").click()
    scores = page.locator("#visible-scores")
    expect(scores).to_contain_text("Wages above the minimum: 9")
    expect(scores).not_to_contain_text("bek")  # another juror's scores stay hidden while the jury sits

    page.goto("/observatory/jury/")
    page.get_by_role("link", name="Beta JSC").click()
    page.get_by_label(re.compile("^Conflict of interest")).fill("I advised its management")
    page.get_by_role("button", name="Declare a conflict of interest").click()
    expect(page.locator("#conflict")).to_contain_text("you are excluded from this nomination")
    expect(page.get_by_role("button", name="Save my scores")).to_have_count(0)

    competitions.close_jury(edition)
    page.goto("/observatory/jury/")
    page.get_by_role("link", name="Alpha LLP").click()
    expect(page.get_by_role("heading", name="All jurors' scores")).to_be_visible()
    expect(scores).to_contain_text("bek")
    expect(page.get_by_role("button", name="Save my scores")).to_have_count(0)

    edition.refresh_from_db()
    competitions.publish(edition)
    page.goto("/observatory/competitions/")
    table = page.locator("table.data")
    expect(table).to_contain_text("Alpha LLP")
    # Alpha: anna (2×9+6)/30 = 80, bek 30 -> 55; Beta: bek alone (anna excluded) 70 -> first place.
    expect(table.locator("tbody tr").first).to_contain_text("Beta JSC")
    expect(table.locator("tbody tr").nth(1)).to_contain_text("55.00")
    assert accessibility_problems(page) == []
