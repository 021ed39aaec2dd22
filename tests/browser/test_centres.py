"""Help is somewhere: on a phone, a country page and a rights answer show where the advisory centres are.

In Russian, Kazakh and Uzbek; a placeholder contact is marked as not yet confirmed, a confirmed one can be
called with one tap.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import accessibility_problems
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

HEADING = {
    "ru": "Куда обратиться за помощью",
    "kk": "Көмекті қайдан алуға болады",
    "uz": "Yordamni qayerdan olish mumkin",
}
UNCONFIRMED = {
    "ru": "Контакт ещё не подтверждён.",
    "kk": "Байланыс әлі расталмаған.",
    "uz": "Aloqa maʼlumotlari hali",
}


@pytest.fixture
def centres(transactional_db):
    from kenes.accounts.directory import load_national_centres
    from kenes.accounts.models import CentreContact, Organisation
    from tests import factories as f

    f.jurisdiction("kz")
    load_national_centres()  # the four national centres, contacts not yet confirmed
    almaty = Organisation.objects.create(slug="almaty", name="Almaty advisory centre", country="kz")
    CentreContact.objects.create(
        organisation=almaty, city="Almaty", phone="+7 700 000 00 00", languages=["ru", "uz"], confirmed=True
    )


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


@pytest.mark.parametrize("lang", sorted(HEADING))
def test_a_country_page_shows_the_centres_in_the_readers_language(phone_in, centres, lang):
    page = phone_in(lang)
    page.goto("/countries/kz")
    section = page.locator("section.centres")
    expect(section.get_by_role("heading", name=HEADING[lang])).to_be_visible()
    confirmed = section.locator(".centre", has_text="Almaty advisory centre")
    expect(confirmed.get_by_role("link", name="+7 700 000 00 00")).to_have_attribute(
        "href", "tel:+77000000000"
    )
    expect(confirmed.locator(".caution")).to_have_count(0)
    national = section.locator(".centre.unconfirmed", has_text="Федерация профсоюзов Республики Казахстан")
    expect(national).to_contain_text(UNCONFIRMED[lang])
    expect(national.get_by_role("link")).to_have_count(0)  # no number to call that nobody confirmed
    assert accessibility_problems(page) == []


def test_a_rights_answer_shows_the_host_countrys_centre_first_then_the_home_countrys(phone_in, centres):
    page = phone_in("ru")
    page.goto("/rights/permit/?citizenship=uz&host=kz&residence=temporary&work=employer&check=1")
    names = page.locator("section.centres .centre h3").all_inner_texts()
    assert names[0].startswith("Almaty advisory centre")
    assert any("Узбекистана" in name for name in names)
    assert names.index(next(n for n in names if "Узбекистана" in n)) > 0
