"""Ratification lists say how complete they are: the source of the country's total, or that it is unknown."""

from __future__ import annotations

import pytest
import yaml

from kenes.lex.coverage import COVERAGE_FILE, coverage
from kenes.lex.models import Ratification
from tests import factories as f

pytestmark = pytest.mark.django_db


def _ratify(country: str, *codes: str, status: str = "in-force") -> None:
    f.jurisdiction(country)
    f.jurisdiction("aa-ilo", "ILO", "international")
    for code in codes:
        work = f.work(f"/akn/aa-ilo/act/convention/1949-07-01/{code}", title=code, work_type="ilo-convention")
        Ratification.objects.create(country_id=country, instrument=work, status=status)


def test_a_country_with_a_sourced_total_says_how_many_of_them_kenes_holds(client):
    _ratify("kz", "c097", "c131")
    page = client.get("/countries/kz", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We hold 2 of the 24 ILO conventions this country ratified" in page
    assert "kasipodaq.kz" in page


def test_a_country_without_a_sourced_total_says_it_is_not_known(client):
    _ratify("kg", "c097")
    _ratify("kg", "c143", status="pending")  # committed, not ratified: not counted
    assert coverage("kg").held == 1 and coverage("kg").total is None
    page = client.get("/countries/kg", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        "We hold 1 ILO convention this country ratified; how many it ratified in all is not in our sources"
        in page
    )


def test_every_total_rests_on_a_source_the_ratification_data_already_quotes():
    """No invented figures: each total's source is one the sourced ratification records cite."""
    ratifications = (COVERAGE_FILE.parent / "ratifications.yaml").read_text(encoding="utf-8")
    for entry in yaml.safe_load(COVERAGE_FILE.read_text(encoding="utf-8")):
        assert entry["source"] in ratifications, entry["country"]
        assert str(entry["ilo_conventions"]) in entry["note"]
