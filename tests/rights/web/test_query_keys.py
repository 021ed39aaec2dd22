"""A rights page opened from a shared link with keys of its own (``?lang=``, tracking tags) shows the empty
form, not a submitted one with every box "required"; a link that fills in a field is still answered."""

from __future__ import annotations

import pytest

from kenes.rights.web.forms import FORMS

pytestmark = pytest.mark.django_db

FOREIGN_KEYS = [
    "lang=en",
    "lang=kk",
    "lang=zz",
    "utm_source=telegram&utm_medium=share",
    "fbclid=IwAR0x",
    "rows=5",
]


@pytest.mark.parametrize("query", FOREIGN_KEYS)
@pytest.mark.parametrize("rule", list(FORMS))
def test_keys_that_are_not_the_forms_show_the_empty_form(client, rule, query):
    response = client.get(f"/rights/{rule}/?{query}")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error' not in page and 'class="answer' not in page


def test_the_submit_marker_alone_is_a_submitted_empty_form(client):
    response = client.get("/rights/stay/?check=1&utm_source=telegram")
    assert response.status_code == 400 and 'class="error' in response.content.decode()


def test_a_hand_written_link_with_a_field_of_the_form_is_answered(client):
    query = "entry_0=2026-01-05&exit_0=2026-02-01&on=2026-11-01&host=kz&citizenship=uz&status=visa_free"
    response = client.get(f"/rights/stay/?{query}&utm_source=telegram")
    assert response.status_code == 200 and 'class="answer' in response.content.decode()


def test_a_field_of_the_form_left_invalid_is_still_a_400(client):
    response = client.get("/rights/stay/?on=not-a-date&lang=en")
    assert response.status_code == 400 and 'class="error' in response.content.decode()


@pytest.mark.parametrize(("rule", "key"), [("stay", "host"), ("permit", "host"), ("minimum-wage", "country")])
def test_a_link_that_only_chooses_the_country_opens_the_form_on_it(client, rule, key):
    """Search opens a check on the country it searched (``?host=ru``): the form, Russia chosen, no answer
    and no "required" on the boxes the person has not seen yet."""
    response = client.get(f"/rights/{rule}/?{key}=ru")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error' not in page and 'class="answer' not in page
    assert '<option value="ru" selected>' in page


def test_a_country_the_form_does_not_offer_leaves_its_default(client):
    response = client.get("/rights/stay/?host=zz")
    page = response.content.decode()
    assert response.status_code == 200 and 'class="error' not in page
    assert '<option value="kz" selected>' in page and 'value="zz"' not in page


def test_the_country_field_search_links_by_is_each_forms_own():
    """coverage.COUNTRY_FIELD (the Django-free library's copy of which field names the country) must follow
    the forms: a renamed field would make search's links open the form on its default country."""
    from kenes.rights.coverage import COUNTRY_FIELD

    asks = {rule: f for rule, form in FORMS.items() for f in ("host", "country") if f in form.base_fields}
    assert asks == COUNTRY_FIELD
