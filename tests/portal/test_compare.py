"""/compare and the country pages: key rights side by side, each figure with its provision, linked; "no
data" where Kenes holds none; a country appears as soon as its quantity files hold a figure."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation

from kenes import quantities
from kenes.portal import comparison

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 12, 6)


def rows(body: str) -> dict[str, list[str]]:
    table = body[body.index('<table class="cmp">') :]
    out = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table, re.S):
        out[row[0]] = re.findall(r"<td[^>]*>(.*?)</td>", row[1], re.S)
    return out


def test_compare_puts_kazakhstan_tajikistan_and_russia_side_by_side_with_their_provisions(client):
    body = client.get("/compare", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    head = re.findall(r'<a href="/countries/(\w+)">', body[body.index("<thead>") : body.index("</thead>")])
    assert head == ["kz", "tj", "ru"]
    table = rows(body)
    kz, tj, ru = table["Maximum normal working week"]
    assert "40 hours a week" in kz and "40 hours a week" in tj and "40 hours a week" in ru
    assert '<a href="/akn/tj/act/code/2016-07-23/1329/~art_67__para_1">п. 1 ст. 67 ТК РТ</a>' in tj
    assert '<a href="/akn/ru/act/code/2001-12-30/197-fz/~art_91">ст. 91 ТК РФ</a>' in ru
    kz, tj, ru = table["Overtime limits"]
    assert "2 hours a day" in kz and "12 hours a month" in kz and "120 hours a year" in kz
    assert "4 hours in two days in a row" in tj and "120 hours a year" in ru
    assert [x.count('class="src"') for x in (kz, tj, ru)] == [2, 2, 1]  # one link per provision
    assert "2 × the hourly rate" in table["Overtime pay, at least"][1]
    assert [c.split("<br>")[0] for c in table["Paid annual leave"]] == [
        "24 calendar days",
        "24 calendar days",
        "28 calendar days",
    ]
    assert table["Notice of dismissal for staff cuts or liquidation"][0].startswith("1 month<br>")
    assert table["Final settlement on dismissal"][1].startswith("on the last day of work")
    assert [c.split("<br>")[0] for c in table["Minimum age for an employment contract"]] == [
        "16 years",
        "15 years",
        "16 years",
    ]
    assert "no data" in table["Minimum monthly wage"][1]  # Tajikistan: none held


def test_the_figures_follow_the_interface_language(client):
    body = client.get("/compare", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "40 часов в неделю" in body and "нет данных" in body


def test_a_country_page_shows_its_own_column_even_without_data():
    table = comparison.table(highlight="kg", on=DAY)
    assert table["countries"] == ("kz", "tj", "ru", "kg")
    assert all(not cells[3].parts for _label, cells in table["rows"])


def test_a_country_joins_the_table_once_a_quantity_file_holds_a_figure(tmp_path, monkeypatch):
    law = tmp_path / "law" / "kg"
    law.mkdir(parents=True)
    (law / "annual_leave_days.yaml").write_text(
        "description: d\nunit: calendar day\nvalues:\n"
        "  2020-01-01: {value: 28, status: unverified, source_needed: the Labour Code of Kyrgyzstan}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(quantities, "DATA_DIR", tmp_path)
    quantities._paths.cache_clear()
    quantities.get.cache_clear()
    try:
        translation.activate("en")
        assert comparison.compared_countries(DAY) == ("kg",)
        cell = dict(comparison.table(on=DAY)["rows"])
        assert cell[comparison.ROWS[5][0]][0].parts == ("28 calendar days",)
        assert not cell[comparison.ROWS[5][0]][0].verified
    finally:
        translation.deactivate()
        quantities._paths.cache_clear()
        quantities.get.cache_clear()
