"""Help is somewhere: country pages and rights answers list the centres' contacts, placeholders marked."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from kenes.accounts.directory import load_national_centres
from kenes.accounts.models import CentreContact, Organisation, OrganisationKind
from kenes.accounts.roles import editor_group
from kenes.lex.models import Jurisdiction

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
PLACEHOLDER = "Contact not yet confirmed."


@pytest.fixture(autouse=True)
def _plain_static(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def kazakhstan():
    return Jurisdiction.objects.get_or_create(
        code="kz", defaults={"kind": Jurisdiction.Kind.COUNTRY, "name": "Kazakhstan"}
    )[0]


@pytest.fixture
def almaty_centre():
    national = Organisation.objects.create(
        slug="fprk-test", name="Federation KZ", country="kz", kind=OrganisationKind.NATIONAL_CENTRE
    )
    centre = Organisation.objects.create(
        slug="almaty", name="Advisory centre Almaty", country="kz", parent=national
    )
    CentreContact.objects.create(
        organisation=centre,
        city="Almaty",
        address="Example street 1, office 2",
        hours="Mon–Fri 9:00–18:00",
        phone="+7 700 000 00 00",
        whatsapp="+7 700 000 00 01",
        telegram="@almaty_help",
        languages=["ru", "kk", "uz"],
        confirmed=True,
    )
    CentreContact.objects.create(organisation=national, confirmed=False)
    return centre


def _page(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_the_country_page_shows_a_centres_contacts_from_the_data(client, kazakhstan, almaty_centre):
    page = _page(client, "/countries/kz")
    assert "Where to get help" in page
    for text in (
        "Advisory centre Almaty",
        "Example street 1, office 2",
        "Mon–Fri 9:00–18:00",
        "+7 700 000 00 00",
    ):
        assert text in page
    assert 'href="tel:+77000000000"' in page
    assert 'href="https://wa.me/77000000001"' in page
    assert 'href="https://t.me/almaty_help"' in page
    assert "Russian, Kazakh, Uzbek" in page
    # the advisory centre, which takes people in, comes before its national centre
    assert page.index("Advisory centre Almaty") < page.index("Federation KZ")


def test_an_unconfirmed_contact_is_marked_as_such_and_a_confirmed_one_is_not(
    client, kazakhstan, almaty_centre
):
    page = _page(client, "/countries/kz")
    national = page[page.index("Federation KZ") :]
    assert PLACEHOLDER in national
    confirmed = page[page.index("Advisory centre Almaty") : page.index("Federation KZ")]
    assert PLACEHOLDER not in confirmed


def test_an_unlisted_centre_and_another_countrys_centre_are_not_shown(client, kazakhstan, almaty_centre):
    almaty_centre.contact.listed = False
    almaty_centre.contact.save()
    tashkent = Organisation.objects.create(slug="tashkent", name="Centre Tashkent", country="uz")
    CentreContact.objects.create(organisation=tashkent, confirmed=True, phone="+998 00 000 00 00")
    page = _page(client, "/countries/kz")
    assert "Advisory centre Almaty" not in page
    assert "Centre Tashkent" not in page


def test_the_national_centres_are_loaded_as_placeholders_with_no_invented_contact(client, kazakhstan):
    report = load_national_centres()
    assert sorted(report.added) == ["fnpt", "fpk", "fprk", "fpu"]
    assert {o.country for o in Organisation.objects.all()} == {"kz", "kg", "tj", "uz"}
    for contact in CentreContact.objects.all():
        assert not contact.confirmed
        assert not any((contact.address, contact.phone, contact.whatsapp, contact.telegram, contact.email))
    page = _page(client, "/countries/kz")
    assert "Федерация профсоюзов Республики Казахстан" in page and PLACEHOLDER in page


def test_loading_the_centres_again_keeps_what_an_editor_entered():
    load_national_centres()
    contact = CentreContact.objects.get(organisation__slug="fprk")
    contact.phone, contact.confirmed = "+7 717 000 00 00", True
    contact.save()
    Organisation.objects.filter(slug="fprk").update(name="ФПРК (edited)")
    report = load_national_centres()
    assert report.added == [] and "fprk" in report.kept
    contact.refresh_from_db()
    assert contact.phone == "+7 717 000 00 00" and contact.confirmed
    assert Organisation.objects.get(slug="fprk").name == "ФПРК (edited)"


def test_a_rights_answer_lists_the_centres_of_the_host_country_and_of_citizenship(client, almaty_centre):
    tashkent = Organisation.objects.create(slug="tashkent", name="Centre Tashkent", country="uz")
    CentreContact.objects.create(organisation=tashkent, confirmed=True, phone="+998 71 000 00 00")
    page = _page(client, "/rights/permit/?citizenship=uz&host=kz&residence=temporary&work=employer&check=1")
    assert "Where to get help" in page
    assert "Advisory centre Almaty" in page and "Centre Tashkent" in page
    assert page.index("Advisory centre Almaty") < page.index("Centre Tashkent")  # where they are, first


def test_the_empty_form_shows_no_directory_yet(client, almaty_centre):
    assert "Where to get help" not in _page(client, "/rights/permit/")


def test_an_editor_corrects_a_contact_in_the_admin(client, almaty_centre):
    editor = get_user_model().objects.create_user("lawyer", password=PASSWORD, is_staff=True)
    editor.groups.add(editor_group())
    client.force_login(editor)
    contact = almaty_centre.contact
    url = f"/admin/accounts/centrecontact/{contact.pk}/change/"
    assert client.get(url).status_code == 200
    data = {
        "city": "Almaty",
        "address": "New street 5",
        "hours": contact.hours,
        "phone": "+7 700 111 11 11",
        "whatsapp": "",
        "telegram": "",
        "email": "",
        "languages": '["ru", "kk"]',
        "confirmed": "on",
        "listed": "on",
    }
    assert client.post(url, data).status_code == 302
    contact.refresh_from_db()
    assert contact.address == "New street 5" and contact.languages == ["ru", "kk"]
    # but editors cannot change the organisation itself (retention, membership)
    assert client.get(f"/admin/accounts/organisation/{almaty_centre.pk}/change/").status_code == 200
    assert (
        client.post(f"/admin/accounts/organisation/{almaty_centre.pk}/change/", {"name": "x"}).status_code
        == 403
    )
    assert client.get("/admin/accounts/staffmembership/").status_code == 403


def test_a_contact_with_malformed_languages_is_refused(almaty_centre):
    from django.core.exceptions import ValidationError

    contact = almaty_centre.contact
    contact.languages = ["Russian"]
    with pytest.raises(ValidationError):
        contact.full_clean()


def test_the_directory_speaks_russian_and_kazakh(client, kazakhstan, almaty_centre):
    ru = client.get("/countries/kz", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Куда обратиться за помощью" in ru and "Контакт ещё не подтверждён." in ru
    kk = client.get("/countries/kz", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Көмекті қайдан алуға болады" in kk and "Байланыс әлі расталмаған." in kk


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("ky", "Жардамды кайдан алууга болот"),
        ("uz", "Yordamni qayerdan olish mumkin"),
        ("tg", "Аз куҷо кӯмак"),
    ],
)
def test_the_directory_is_translated_for_kyrgyz_uzbek_and_tajik_readers(
    client, kazakhstan, almaty_centre, lang, heading
):
    page = client.get("/countries/kz", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert heading in page and "Where to get help" not in page


def test_an_unconfirmed_contact_shows_no_number_to_call(client, kazakhstan, almaty_centre):
    """The page says it shows no address or phone until the centre confirms them: a placeholder or stale
    number (the demo's "+998 71 000 00 00") must not be offered as a link to call."""
    almaty_centre.contact.confirmed = False
    almaty_centre.contact.save()
    page = _page(client, "/countries/kz")
    assert "Advisory centre Almaty" in page and PLACEHOLDER in page
    for hidden in ("+7 700 000 00 00", "tel:", "wa.me", "t.me/", "Example street 1", "Mon–Fri"):
        assert hidden not in page
    assert "Russian, Kazakh, Uzbek" in page  # what it says about itself that no one can misuse stays


def test_an_advisory_centre_links_the_help_form_that_asks_it_to_call_back(client, kazakhstan, almaty_centre):
    page = _page(client, "/countries/kz")
    link = f'href="/help/?centre={almaty_centre.pk}"'
    assert link in page and "Ask this centre to call you back" in page
    assert page.count('class="ask"') == 1  # the national centre takes no requests through the form
    form = client.get(f"/help/?centre={almaty_centre.pk}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'<option value="{almaty_centre.pk}" selected>' in form


def test_a_country_with_no_centre_listed_still_leads_to_the_help_form(client):
    Jurisdiction.objects.create(code="ru", kind=Jurisdiction.Kind.COUNTRY, name="Russia")
    page = _page(client, "/countries/ru")
    assert "No advisory centre is listed for this country yet." in page
    assert '<a class="ask" href="/help/">Ask any advisory centre to call you back</a>' in page


@pytest.mark.parametrize(
    "url",
    [
        "/rights/wage-payment/?month=2026-09&check=1",
        "/rights/leave/?employment_start=2024-03-15&check=1",
    ],
)
def test_a_check_that_counts_by_kazakh_law_lists_kazakhstans_centres(client, almaty_centre, url):
    """Those forms ask for no country, so the answer listed no centre at all ("none listed yet")."""
    page = _page(client, url)
    assert "Where to get help" in page and "Advisory centre Almaty" in page
    assert "No advisory centre is listed" not in page
