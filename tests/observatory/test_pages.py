"""The observatory's pages and API: what they show, in which language, how big, and their downloads."""

from __future__ import annotations

import gzip
import io

import pytest
from openpyxl import load_workbook

from kenes.observatory.models import ImplementationLink

pytestmark = pytest.mark.django_db

PAGES = [
    "/observatory/",
    "/observatory/statistics/",
    "/observatory/statistics/ear_inee_noc_nb/",
    "/observatory/countries/mn/",
    "/observatory/minimum-wage/",
    "/observatory/minimum-wage/mn/",
    "/observatory/disputes/",
    "/observatory/ratifications/",
    "/observatory/desk/",
    "/observatory/competitions/",
]


@pytest.mark.parametrize("url", PAGES)
def test_each_page_fits_in_30_kb_compressed(client, wages, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) <= 30 * 1024
    assert b"<script" not in gzip.decompress(response.content).split(b"<main", 1)[1]  # charts need no JS


def test_an_indicator_page_draws_an_svg_chart_with_the_numbers_in_a_table_beside_it(client, wages):
    html = client.get("/observatory/statistics/ear_inee_noc_nb/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<svg" in html and "Statutory minimum wage" in html
    assert "550000" in html and "2000" in html  # Mongolia 2023 and Kyrgyzstan 2023, as stored
    assert "Source: Test source (2026-02-14)." in html
    assert "Latest year: 2023." in html
    assert "No data for:" in html and "Kazakhstan" in html


def test_a_figure_says_when_the_countries_latest_years_differ(client, wages, tmp_path):
    from .conftest import load, write_csv

    load(write_csv(tmp_path, "more.csv", "indicator,country,period,value\near_inee_noc_nb,mn,2024,660000"))
    html = client.get("/observatory/statistics/ear_inee_noc_nb/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Latest years differ by country: Mongolia 2024, Kyrgyzstan 2023." in html


def test_one_source_in_several_releases_is_cited_oldest_release_first_on_every_request():
    import datetime as dt

    from django.utils import translation

    from kenes.observatory.views.common import source_line

    releases = {("ILOSTAT", dt.date(2020 + i, 1, 1)) for i in range(6)} | {("ILOSTAT", None), ("ADB", None)}
    with translation.override("en"):
        line = source_line(releases, {})
    dates = ", ".join(f"ILOSTAT ({2020 + i}-01-01)" for i in range(6))
    assert line == f"Source: ADB (date not stated); ILOSTAT (date not stated); {dates.replace(', ', '; ')}."


def test_pages_are_labelled_in_the_interface_language(client, wages):
    ru = client.get("/observatory/statistics/ear_inee_noc_nb/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    kk = client.get("/observatory/statistics/ear_inee_noc_nb/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Монголия" in ru and "Минимальная заработная плата" in ru
    assert "Моңғолия" in kk and "Ең төменгі жалақы" in kk


def test_every_table_downloads_as_csv_and_as_xlsx_with_the_same_numbers(client, wages):
    url = "/observatory/statistics/ear_inee_noc_nb/?download=ear_inee_noc_nb"
    text = client.get(url + "&format=csv", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert text.splitlines()[0].startswith("Year,Kazakhstan,Kyrgyzstan")
    assert "2023,,2000,,,,,550000," in text
    xlsx = client.get(url + "&format=xlsx", HTTP_ACCEPT_LANGUAGE="en")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Year", "Kazakhstan", "Kyrgyzstan")
    assert rows[1][0] == 2023 and rows[1][7] == 550000


def test_asking_for_a_table_the_page_does_not_have_is_404(client, wages):
    assert client.get("/observatory/minimum-wage/?download=nothing").status_code == 404


def test_the_country_page_lists_what_has_no_data(client, wages):
    html = client.get("/observatory/countries/kg/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mean monthly earnings of employees" in html.split("No data for:")[1]


def test_the_gap_report_lists_the_articles_no_national_provision_implements(client):
    from kenes.lex.importing import import_document
    from kenes.lex.tree import Document, assign_eids
    from tests import factories as f

    uri = "/akn/aa-ilo/act/convention/2019-06-21/c190"
    f.jurisdiction("aa-ilo", "ILO", "international")
    f.work(uri, title="Violence and Harassment Convention", short_title="C190", work_type="ilo-convention")
    doc = Document(
        title="C190", lang="eng", body=[f.article("1", "Definitions", "x"), f.article("4", "Principles", "y")]
    )
    assign_eids(doc)
    import_document(doc, work_uri=uri, lang="eng", date=f.DAY)
    ImplementationLink.objects.create(
        convention=uri, convention_eid="art_1", country="kz", national_work=f.LC_URI, national_eid="art_1"
    )
    html = client.get("/observatory/ratifications/C190/gaps/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1 of 2 articles have no national provision linked" in html  # Kazakhstan: article 4 missing
    assert "2 of 2 articles have no national provision linked" in html  # the others: both missing


def test_a_convention_whose_text_is_missing_says_its_gap_report_is_incomplete(client):
    from tests import factories as f

    f.jurisdiction("aa-ilo", "ILO", "international")
    f.work("/akn/aa-ilo/act/convention/2019-06-21/c190", short_title="C190", work_type="ilo-convention")
    html = client.get("/observatory/ratifications/C190/gaps/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "the gap report is incomplete" in html


def test_the_ratification_matrix_says_no_data_where_no_source_was_found(client):
    from kenes.lex.models import Ratification
    from tests import factories as f

    f.jurisdiction("aa-ilo", "ILO", "international")
    w = f.work("/akn/aa-ilo/act/convention/1949-07-01/c097", short_title="C097", work_type="ilo-convention")
    Ratification.objects.create(
        country=f.jurisdiction("kg"), instrument=w, status="in-force", source="NORMLEX"
    )
    response = client.get("/observatory/ratifications/?download=ratifications", HTTP_ACCEPT_LANGUAGE="en")
    row = response.content.decode().splitlines()[1]
    assert row.startswith('C097,no data,"ratified, in force",no data')


def test_the_desk_page_says_the_desk_publishes_nothing_yet_until_a_provider_registers(client, monkeypatch):
    from kenes.observatory import providers
    from kenes.observatory.tables import Table

    monkeypatch.setattr(providers, "_PROVIDERS", {})  # as if the desk were not installed
    html = client.get("/observatory/desk/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "does not publish figures here yet" in html
    providers.register(
        "desk", lambda: [Table("desk-topics", "Consultations by topic", ["Topic", "n"], [["wages", 40]])]
    )
    try:
        html = client.get("/observatory/desk/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    finally:
        providers.unregister("desk")
    assert "Consultations by topic" in html and "40" in html


# ---------------------------------------------------------------- API


def test_the_series_api_lists_a_countrys_series_with_values_and_sources(client, wages):
    body = client.get("/api/observatory/series?country=mn&indicator=ear_inee_noc_nb").json()
    (series,) = body["series"]
    assert series["indicator"]["code"] == "ear_inee_noc_nb"
    assert [v["period"] for v in series["values"]] == ["2022", "2023"]
    assert series["values"][1]["value"] == 550000
    assert series["values"][1]["source"] == {
        "name": "Test source",
        "date": "2026-02-14",
        "url": "",
        "licence": "",
    }


def test_the_series_api_narrows_by_years(client, wages):
    body = client.get("/api/observatory/series?country=mn&from=2023&to=2023").json()
    assert {v["period"] for s in body["series"] for v in s["values"]} == {"2023"}
    assert len(body["series"]) == 4  # minimum, mean in local currency and in dollars, median


def test_the_series_api_explains_a_bad_request_in_json(client):
    response = client.get("/api/observatory/series?country=Kazakhstan")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid" and "alpha-2" in response.json()["error"]["message"]
    response = client.get("/api/observatory/series?country=kz&from=2024&to=2020")
    assert response.status_code == 400 and "after" in response.json()["error"]["message"]
    assert client.get("/api/observatory/series").status_code == 422


def test_the_series_api_is_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    params = {p["name"] for p in paths["/api/observatory/series"]["get"]["parameters"]}
    assert {"country", "indicator", "from", "to"} <= params
