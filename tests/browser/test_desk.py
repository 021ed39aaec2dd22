"""The consultant's main flow in a real browser: intake → consultation citing an article → referral → the
partner accepts. Staff sessions are made by Django's test client (the login page is the accounts app's)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import accessibility_problems
from tests.desk.conftest import make_org, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


def _as(browser, live_server, user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 360, "height": 740}
    )
    context.set_default_timeout(10_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def test_intake_consultation_with_a_cited_article_referral_and_acceptance(browser, live_server, searchable):
    centre = make_org("almaty", "kz")
    partner = make_org("tashkent", "uz")
    consultant = make_staff(centre, "consultant", "browser_cons")
    receiver = make_staff(partner, "consultant", "browser_recv")

    sender = _as(browser, live_server, consultant)
    page = sender.new_page()
    page.goto("/desk/new/")
    page.get_by_label("Full name").fill("Browser Testperson")
    page.get_by_label("Phone").fill("+7 701 000 11 22")
    page.get_by_label("Citizenship (country code)").fill("uz")
    page.get_by_label("Host country (code)").fill("kz")
    page.get_by_label("Unpaid wages").check()
    page.get_by_label("What happened").fill("Not paid for two months")
    page.get_by_role("button", name="Open the case").click()
    expect(page).to_have_url(re.compile(r"/desk/cases/[0-9a-f-]{36}/$"))
    expect(page.locator("h1")).to_contain_text("Case")
    assert accessibility_problems(page) == []
    case_url = page.url

    page.get_by_role("link", name="Record a consultation").click()
    page.get_by_label("Advice given").fill("Ask the employer in writing; then the labour inspectorate.")
    page.get_by_label("Search the legal database").fill("ст. 113 ТК РК")
    page.get_by_role("button", name="Search", exact=True).click()
    first = page.locator("input[name=cite]").first
    expect(first).to_have_value(re.compile(r"^/akn/kz/act/code/2015-11-23/414-v\|art_113\|"))
    first.check()
    page.get_by_label("Advice given").fill("Ask the employer in writing; then the labour inspectorate.")
    page.get_by_role("button", name="Save consultation").click()
    expect(page).to_have_url(case_url)
    expect(page.locator("a[href$='/~art_113']")).to_be_visible()

    page.locator("summary", has_text="Record a consent").click()
    page.get_by_label("Consent to").select_option("share")
    page.get_by_label("Partner organisation").select_option(str(partner.pk))
    page.get_by_role("button", name="Record", exact=True).click()
    page.locator("summary", has_text="Refer to a partner").click()
    page.get_by_label("Refer to").select_option(str(partner.pk))
    page.get_by_role("button", name="Send referral").click()
    expect(page).to_have_url(re.compile(r"/desk/referrals/[0-9a-f-]{36}/$"))
    expect(page.locator("main")).to_contain_text("Sent")
    sender.close()

    other = _as(browser, live_server, receiver)
    page = other.new_page()
    page.goto("/desk/referrals/")
    page.get_by_role("link", name=re.compile("from Centre almaty")).click()
    expect(page.locator("main")).to_contain_text("Browser Testperson")
    page.get_by_role("button", name="Accept").click()
    expect(page).to_have_url(re.compile(r"/desk/cases/[0-9a-f-]{36}/$"))
    expect(page.locator("main")).to_contain_text("Browser Testperson")
    expect(page.locator("main")).to_contain_text("received by referral")
    other.close()


def test_a_migrant_asks_for_help_from_a_phone_and_gets_only_a_reference_and_the_centres_contacts(
    browser, live_server
):
    from kenes.accounts.models import CentreContact
    from kenes.desk.models import Case

    centre = make_org("almaty-help", "kz")
    CentreContact.objects.create(organisation=centre, city="Almaty", phone="+7 727 000 00 00", confirmed=True)
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Ask for help").click()
    expect(page).to_have_url(re.compile(r"/help/$"))
    assert accessibility_problems(page) == []
    page.get_by_label("Your phone or WhatsApp/Telegram number").fill("+7 701 222 33 44")
    page.get_by_label("Which centre").select_option(str(centre.pk))
    page.wait_for_timeout(3200)  # the form refuses an answer sent sooner than a person could type it
    page.get_by_role("button", name="Send").click()
    case = Case.objects.get(organisation=centre)
    expect(page.locator("main")).to_contain_text(case.reference)
    expect(page.locator("main")).to_contain_text("+7 727 000 00 00")
    assert "222 33 44" not in page.content()
    context.close()
