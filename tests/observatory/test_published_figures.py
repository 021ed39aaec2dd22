"""Every published figure recomputed from the stored values: the Kaitz indices and the unions' target on the
minimum wage pages, the share of disputes settled without a strike — read back from the CSV a reader
downloads, so what is checked is what is published."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest

from kenes import quantities
from kenes.observatory.models import Dispute, DisputeStage, Value
from kenes.observatory.places import REGION

pytestmark = pytest.mark.django_db


def _csv(client, url: str) -> list[dict[str, str]]:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    lines = response.content.decode().split("\r\n\r\n")[0]  # the table, without the source line under it
    return list(csv.DictReader(io.StringIO(lines)))


def _percent(top: Decimal, bottom: Decimal) -> str:
    return f"{(top / bottom * 100).quantize(Decimal('0.1'))} %"


def _stored(indicator: str, country: str, year: int, breakdown: str = "") -> Decimal | None:
    row = Value.objects.filter(
        series__indicator__code=indicator,
        series__country=country,
        series__breakdown=breakdown,
        period=str(year),
    ).first()
    return None if row is None else row.value


def _law(country: str, name: str, year: int) -> Decimal | None:
    if not quantities.exists(country, name):
        return None
    try:
        value = quantities.value(country, name, dt.date(year, 1, 1)).value
    except quantities.NoValue:
        return None
    return None if value is None else Decimal(str(value))


def _recompute_wage_row(code: str, row: dict[str, str]) -> int:
    """Check one published row of the minimum wage monitor against the stored values; how many indices."""
    year = int(row["Year"])
    minimum = _law(code, "minimum_wage", year) or _stored("ear_inee_noc_nb", code, year)
    mean = _stored("ear_emta_sex_cur_nb", code, year, "cur_type_lcu")
    median = _stored("ear_median_lcu", code, year) or _law(code, "median_wage", year)
    assert Decimal(row["Minimum wage"]) == minimum
    expected_mean = _percent(minimum, mean) if mean else ""
    expected_median = _percent(minimum, median) if median else ""
    assert row["Kaitz index (minimum ÷ mean)"] == expected_mean, (code, year)
    assert row["Kaitz index (minimum ÷ median)"] == expected_median, (code, year)
    if median:
        assert Decimal(row["Unions' target (share of median)"]) == (median / 2).quantize(1)
        assert Decimal(row["Shortfall to target"]) == (median / 2 - minimum).quantize(1)
    return bool(mean) + bool(median)


def _check_every_wage_page(client) -> int:
    checked = 0
    for code in REGION:
        for row in _csv(client, f"/observatory/minimum-wage/{code}/?download=minimum-wage-{code}"):
            checked += _recompute_wage_row(code, row)
    names = {_english(code): code for code in REGION}
    for row in _csv(client, "/observatory/minimum-wage/?download=minimum-wage-latest"):
        if row["Year"]:  # a country with no figure at all is a row of "no data"
            checked += _recompute_wage_row(names[row["Country"]], row)
    return checked


def test_every_kaitz_index_and_target_on_the_minimum_wage_pages_recomputes_from_stored_values(client, wages):
    # Mongolia 2022–2023 (mean), 2023 (median), Kazakhstan's medians from the quantities; each twice (the
    # country's page and the summary of latest years)
    assert _check_every_wage_page(client) >= 6


def test_a_kaitz_index_is_rounded_once_from_the_stored_values(client, wages, tmp_path):
    from .conftest import load, write_csv

    text = "indicator,country,period,value\near_inee_noc_nb,kg,2024,5000\near_median_lcu,kg,2024,11000"
    load(write_csv(tmp_path, "kg.csv", text))
    assert _check_every_wage_page(client) >= 7
    rows = {r["Year"]: r for r in _csv(client, "/observatory/minimum-wage/kg/?download=minimum-wage-kg")}
    assert rows["2024"]["Kaitz index (minimum ÷ median)"] == "45.5 %"  # 5000 ÷ 11000 = 0.4545…


def test_the_landing_page_and_the_country_pages_show_the_same_kaitz_and_wages_as_the_monitor(client, wages):
    landing = client.get("/observatory/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mongolia: minimum ÷ median 50.0 % (2023)" in landing  # 550 000 ÷ 1 100 000
    assert "Kyrgyzstan: no data" in re.sub(r"<[^>]+>", "", landing)  # a minimum wage, but no index
    for row in _csv(client, "/observatory/countries/mn/?download=mn-wages"):
        year = int(row["Year"])
        assert Decimal(row["Minimum wage"]) == _stored("ear_inee_noc_nb", "mn", year)
        mean = _stored("ear_emta_sex_cur_nb", "mn", year, "cur_type_lcu")
        assert (Decimal(row["Mean wage"]) if row["Mean wage"] else None) == mean


def test_the_mongolian_figures_are_the_ones_a_calculator_gives(client, wages):
    rows = {r["Year"]: r for r in _csv(client, "/observatory/minimum-wage/mn/?download=minimum-wage-mn")}
    assert rows["2023"]["Kaitz index (minimum ÷ median)"] == "50.0 %"  # 550 000 ÷ 1 100 000
    assert rows["2023"]["Kaitz index (minimum ÷ mean)"] == "33.3 %"  # 550 000 ÷ 1 650 000
    assert rows["2023"]["Shortfall to target"] == "0"
    assert rows["2022"]["Kaitz index (minimum ÷ median)"] == ""  # no median for 2022: no index, not a guess


def _dispute(ref: str, country: str, outcome: str, year: int, strike: bool = False) -> Dispute:
    d = Dispute.objects.create(
        reference=ref,
        country=country,
        employer=f"Employer {ref}",
        started_on=dt.date(year, 1, 10),
        outcome=outcome,
        outcome_on=dt.date(year, 6, 1) if outcome else None,
    )
    DisputeStage.objects.create(dispute=d, kind="conciliation", started_on=dt.date(year, 1, 20))
    if strike:
        DisputeStage.objects.create(dispute=d, kind="strike", started_on=dt.date(year, 3, 1))
    return d


def test_every_share_settled_without_a_strike_recomputes_from_the_register(client):
    _dispute("KZ-1", "kz", "agreement", 2024)
    _dispute("KZ-2", "kz", "partial", 2024)
    _dispute("KZ-3", "kz", "agreement", 2024, strike=True)  # agreed only after striking: not "without"
    _dispute("KZ-4", "kz", "court", 2024)
    _dispute("KZ-5", "kz", "withdrawn", 2025)
    _dispute("KZ-6", "kz", "", 2025)  # still open: not in the denominator
    _dispute("KG-1", "kg", "strike", 2024, strike=True)
    rows = _csv(client, "/observatory/disputes/?download=disputes-settled")
    assert len(rows) == 3
    for row in rows:
        year = int(row["Year"])
        country = next(c for c in REGION if row["Country"] in (c, _english(c)))
        closed = Dispute.objects.filter(country=country, outcome_on__year=year).exclude(outcome="")
        settled = closed.filter(outcome__in=["agreement", "partial"]).exclude(stages__kind="strike")
        assert int(row["Disputes with an outcome"]) == closed.count()
        assert int(row["Settled without a strike"]) == settled.count()
        assert row["Share"] == _percent(Decimal(settled.count()), Decimal(closed.count()))
    kz_2024 = next(r for r in rows if r["Year"] == "2024" and r["Country"] == "Kazakhstan")
    assert (kz_2024["Settled without a strike"], kz_2024["Disputes with an outcome"], kz_2024["Share"]) == (
        "2",
        "4",
        "50.0 %",
    )


def test_a_share_settled_without_a_strike_is_rounded_once(client):
    for i in range(11):
        _dispute(f"KZ-{i}", "kz", "agreement" if i < 5 else "court", 2024)
    rows = _csv(client, "/observatory/disputes/?download=disputes-settled")
    assert [(r["Settled without a strike"], r["Disputes with an outcome"], r["Share"]) for r in rows] == [
        ("5", "11", "45.5 %")  # 0.4545…, not 45.4 % from 0.4545 rounded again
    ]
    country = client.get("/observatory/countries/kz/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Collective labour disputes in 2024: 5 of 11 settled without a strike." in country


def _english(code: str) -> str:
    from kenes.observatory.importing.countries import country_name

    return country_name(code, "en")


def test_real_minimum_wages_appear_only_where_consumer_prices_are_stored(client, wages, tmp_path):
    from .conftest import load, write_csv

    before = _csv(client, "/observatory/minimum-wage/mn/?download=minimum-wage-mn")
    assert not any(k.startswith("Minimum wage in prices of") for k in before[0])
    load(
        write_csv(
            tmp_path,
            "cpi.csv",
            "indicator,country,period,value\nfp_cpi_totl,mn,2022,200\nfp_cpi_totl,mn,2023,220",
        )
    )
    rows = {r["Year"]: r for r in _csv(client, "/observatory/minimum-wage/mn/?download=minimum-wage-mn")}
    # 420 000 in 2022 prices is 420 000 × 220 / 200 = 462 000 in 2023 prices; 2023 stays as it is.
    assert rows["2022"]["Minimum wage in prices of 2023"] == "462000"
    assert rows["2023"]["Minimum wage in prices of 2023"] == "550000"
