"""What a migrant sees in a rights answer, in Russian, Kazakh and Uzbek: unpaid wages answered with the
delay, the penalty and where to complain; a stay over the limit said plainly; an article naming the check
that rests on it; an Uzbek interface told that the page is in Russian."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import accessibility_problems
from tests.rights.web.conftest import MIGRATION_LAW_DATE, migration_law  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_unpaid_wages_in_russian_say_how_late_what_is_owed_and_where_to_complain(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "ru", "url": live_server.url}])
    page.goto("/rights/wage-payment/")
    page.get_by_label("Отработанный месяц").fill("2026-09")
    page.get_by_label("Считать задержку по").fill("2026-12-07")
    page.get_by_role("button", name="Проверить", exact=True).click()
    answer = page.get_by_role("region", name="Ответ")
    expect(answer).to_contain_text("задержка составляет 59 дней")
    expect(answer).to_contain_text("1,25")
    expect(answer).to_contain_text("инспекцию труда")
    expect(answer.get_by_role("link", name="ст. 192 ТК РК")).to_have_count(0)  # the Code is not imported here
    expect(answer).to_contain_text("ст. 192 ТК РК")
    expect(page.locator("p.share a")).to_have_attribute("href", re.compile(r"on=2026-12-07"))
    assert accessibility_problems(page) == []


def test_a_stay_over_the_limit_in_kazakh_says_since_when_and_how_many_days(page, live_server):
    page.context.add_cookies([{"name": "django_language", "value": "kk", "url": live_server.url}])
    page.goto(
        "/rights/stay/?entry_0=2026-02-14&on=2026-12-07&host=kz&citizenship=uz&status=visa_free&check=1"
    )
    answer = page.get_by_role("region", name="Жауап")
    expect(answer).to_contain_text("16.03.2026 бастап асып отырсыз")
    expect(answer).to_contain_text("267 күн")
    page.get_by_text("Техникалық мәліметтер").click()
    expect(page.locator("details.technical")).to_contain_text("kz/stay_limit_days")
    for note in page.locator("div.warning, div.caution").all():
        expect(note).not_to_contain_text("kz/stay_limit_days")


def test_in_uzbek_an_article_leads_to_its_check_which_says_it_is_shown_in_russian(
    page,
    live_server,
    migration_law,  # noqa: F811 - the fixture imported above
):
    page.context.add_cookies([{"name": "django_language", "value": "uz", "url": live_server.url}])
    page.goto(f"{migration_law}/rus@{MIGRATION_LAW_DATE.isoformat()}/~art_6")
    used_by = page.locator("section.used-by")
    expect(used_by).to_be_visible()
    used_by.locator("a[href='/rights/stay/']").click()
    expect(page).to_have_url(re.compile(r"/rights/stay/$"))
    expect(page.get_by_role("note").filter(has_text="rus tilida")).to_be_visible()
    expect(page.locator("div.rights")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Дни пребывания")
    assert accessibility_problems(page) == []
