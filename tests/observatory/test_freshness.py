"""The summary pages are kept in a cache until their data changes: every way of writing data reaches them
on the next request, and a kept page reads no table whose writes would not change the data version."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kenes.observatory import freshness
from kenes.observatory.models import Dispute

from .conftest import load, write_csv

pytestmark = pytest.mark.django_db

KEPT = [
    "/observatory/",
    "/observatory/statistics/",
    "/observatory/statistics/ear_inee_noc_nb/",
    "/observatory/statistics/migrant_stock/",
    "/observatory/countries/mn/",
    "/observatory/minimum-wage/",
    "/observatory/minimum-wage/mn/",
]


@pytest.fixture
def corridors(wages, tmp_path):
    """Migrant stocks between Mongolia and its neighbours, as UN DESA publishes them."""
    text = "year,origin,destination,migrant_stock\n2020,Mongolia,Russia,5000\n2020,China,Mongolia,7000"
    load(write_csv(tmp_path, "stock.csv", text))


def _en(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, url
    return re.sub(r'csrfmiddlewaretoken" value="\w+"', "", response.content.decode())


def _tables(queries) -> set[str]:
    return {t for q in queries for t in re.findall(r'(?:FROM|JOIN) "(\w+)"', q["sql"])}


def test_a_kept_country_page_is_served_without_reading_the_statistics_again(client, corridors):
    first = _en(client, "/observatory/countries/mn/")
    with CaptureQueriesContext(connection) as queries:
        again = _en(client, "/observatory/countries/mn/")
    assert again == first and "550000" in again and "5000" in again  # a wage and a corridor
    assert not {"observatory_value", "observatory_series"} & _tables(queries.captured_queries)


@pytest.mark.parametrize("url", KEPT)
def test_a_kept_page_reads_only_tables_whose_writes_change_the_data_version(client, corridors, url):
    from django.apps import apps

    imported = {apps.get_model("observatory", name)._meta.db_table for name in freshness.IMPORTED}
    watched = {m._meta.db_table for m in freshness.watched_models()} | imported
    cache.clear()
    with CaptureQueriesContext(connection) as built:
        _en(client, url)
    with CaptureQueriesContext(connection) as kept:
        _en(client, url)
    read_to_build = _tables(built.captured_queries) - _tables(kept.captured_queries)
    assert read_to_build, "the page was not kept"
    assert read_to_build <= watched, read_to_build - watched


def test_values_imported_after_a_page_was_kept_appear_on_it(client, wages, tmp_path):
    before = _en(client, "/observatory/countries/mn/")
    load(write_csv(tmp_path, "more.csv", "indicator,country,period,value\near_inee_noc_nb,mn,2024,660000"))
    assert "660000" not in before and "660000" in _en(client, "/observatory/countries/mn/")


def test_a_value_corrected_by_a_later_import_replaces_the_kept_one(client, wages, tmp_path):
    assert "550000" in _en(client, "/observatory/statistics/ear_inee_noc_nb/")
    fix = write_csv(tmp_path, "fix.csv", "indicator,country,period,value\near_inee_noc_nb,mn,2023,555000")
    load(fix, source="Correction")  # an update of an existing value: a bulk write, no signal
    html = _en(client, "/observatory/statistics/ear_inee_noc_nb/")
    assert "555000" in html and "550000" not in html


def test_an_indicator_deleted_by_an_editor_leaves_the_kept_pages_with_its_values(client, wages):
    from kenes.observatory.models import Indicator

    assert "1100000" in _en(client, "/observatory/minimum-wage/mn/")  # the median
    Indicator.objects.filter(code="ear_median_lcu").delete()  # the admin's delete: its values go with it
    assert "1100000" not in _en(client, "/observatory/minimum-wage/mn/")


def test_only_the_importer_writes_the_imported_models():
    """They send no signals (see ``freshness.IMPORTED``): a writer elsewhere must bump the version, and
    this test then names it."""
    from pathlib import Path

    import kenes

    root = Path(kenes.__file__).parent
    names = "|".join(freshness.IMPORTED)
    writes = re.compile(
        rf"\b({names})\(\s*\w+=|\b({names})\.objects\b[^\n]*\.(create|get_or_create|update_or_create|"
        r"bulk_create|bulk_update|update|delete)\("
    )
    writers = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and writes.search(path.read_text(encoding="utf-8"))
    )
    assert writers == ["observatory/importing/writer.py"]


def test_a_dispute_entered_by_an_editor_reaches_the_kept_country_page(client, wages):
    assert "Collective labour disputes: no data." in _en(client, "/observatory/countries/mn/")
    Dispute.objects.create(
        reference="MN-1",
        country="mn",
        employer="Erdenet",
        started_on=dt.date(2024, 1, 10),
        outcome="agreement",
        outcome_on=dt.date(2024, 3, 1),
    )
    html = _en(client, "/observatory/countries/mn/")
    assert "Collective labour disputes in 2024: 1 of 1 settled without a strike." in html


def test_a_ratification_recorded_in_the_legal_database_reaches_the_kept_country_page(client, wages):
    from kenes.lex.models import Ratification
    from tests import factories as f

    f.jurisdiction("aa-ilo", "ILO", "international")
    c097 = f.work(
        "/akn/aa-ilo/act/convention/1949-07-01/c097", short_title="C097", work_type="ilo-convention"
    )
    assert "in force: 0 of 1 in the database" in _en(client, "/observatory/countries/mn/")
    Ratification.objects.create(
        country=f.jurisdiction("mn"), instrument=c097, status="in-force", source="NORMLEX"
    )
    assert "in force: 1 of 1 in the database" in _en(client, "/observatory/countries/mn/")


def test_a_page_is_kept_per_interface_language(client, wages):
    ru = client.get("/observatory/countries/mn/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    en = _en(client, "/observatory/countries/mn/")
    assert "Монголия" in ru and "Mongolia" in en and "Монголия" not in en
