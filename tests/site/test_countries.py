"""One country table: the portal's tables, the rights forms and the rights library all read the kernel's."""

from __future__ import annotations

from django.utils import translation

from kenes.kernel import countries
from kenes.portal import views
from kenes.rights import countries as rights_countries
from kenes.rights.web import forms


def test_the_portal_lists_the_covered_countries_of_the_kernel_table():
    assert views.REGION == countries.COVERED
    assert set(countries.COVERED) <= set(countries.BY_CODE)


def test_the_rights_forms_offer_the_kernels_countries_and_hosts():
    assert list(forms.CITIZENSHIPS) == [c.code for c in countries.COUNTRIES] + ["stateless"]
    assert forms.HOSTS == countries.HOSTS
    with translation.override("ru"):
        assert str(forms.COUNTRY_NAMES["kz"]) == "Казахстан"


def test_the_rights_library_names_every_country_of_the_table_and_knows_every_iso_code():
    assert set(countries.BY_CODE) <= set(rights_countries.NAMES)
    assert rights_countries.ISO_3166_ALPHA2 is countries.ISO_3166_ALPHA2
    assert all(code in countries.ISO_3166_ALPHA2 for code in countries.BY_CODE)


def test_every_country_of_the_starter_data_is_in_the_table_and_every_covered_one_has_its_law_place():
    from pathlib import Path

    import yaml

    starter = Path(countries.__file__).parents[1] / "lex" / "starter" / "jurisdictions.yaml"
    rows = yaml.safe_load(starter.read_text(encoding="utf-8"))
    places = {row["code"] for row in rows if row["kind"] == "country"}
    assert places <= set(countries.BY_CODE), places - set(countries.BY_CODE)
    assert set(countries.COVERED) <= places
