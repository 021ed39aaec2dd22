"""Readers of statistics files, chosen by their header: each turns records (dicts keyed by column) into
:class:`Row` or :class:`TreatyRow` objects, raising :class:`BadRow` with the line number for anything it does
not understand.

Formats:

* ``kenes`` — the house format, one value per line: ``indicator, country, period, value`` and optionally
  ``origin, destination, breakdown, notes, indicator_name, unit, definition``;
* ``ilostat`` — ILOSTAT datapoints as the Gapminder DDF copy writes them: ``ref_area[, sex][, classif1], time,
  <indicator code>`` (only ``sex_t``, the total, is read; a destination breakdown ``cds_des_<iso3>`` makes a
  corridor);
* ``undesa-stock`` — UN DESA migrant stock: ``year, origin, destination, migrant_stock`` (country names);
* ``worldbank-panel`` — ``iso3c, country, year, remit_gdp, rus_gdp_growth, rub_depr``;
* ``treaty-status`` — UN Treaty Collection status rows: ``iso2, member, state party, …, status``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .countries import UnknownCountry, country_code

Record = tuple[int, dict[str, str]]  # (line number in the file, values by column)


class BadRow(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class Row:
    line: int
    indicator: str
    country: str
    period: str
    value: Decimal
    origin: str = ""
    destination: str = ""
    breakdown: str = ""
    notes: str = ""
    indicator_name: str = ""
    unit: str = ""
    definition: str = ""

    @property
    def series_key(self) -> tuple[str, str, str, str, str]:
        return (self.indicator, self.country, self.origin, self.destination, self.breakdown)


@dataclass(frozen=True)
class TreatyRow:
    line: int
    treaty: str
    country: str
    status: str
    year: int | None
    notes: str = ""


PERIOD = re.compile(
    r"""^(?P<year>(?:19|20)\d\d)      # a year
        (?:-(?:0[1-9]|1[0-2]|Q[1-4]))?  # optionally a month or a quarter
        $""",
    re.VERBOSE,
)


def period_year(line: int, text: str) -> tuple[str, int]:
    period = text.strip()
    match = PERIOD.match(period)
    if not match:
        raise BadRow(line, f"period {text!r} is not a year, YYYY-MM or YYYY-Qn")
    return period, int(match["year"])


def number(line: int, column: str, text: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise BadRow(line, f"{column}: {text!r} is not a number") from None
    if not value.is_finite():
        raise BadRow(line, f"{column}: {text!r} is not a finite number")
    return value


def country(line: int, column: str, text: str) -> str:
    try:
        return country_code(text)
    except UnknownCountry as exc:
        raise BadRow(line, f"{column}: {exc}") from None


# ---------------------------------------------------------------- the formats


def read_kenes(records: Iterable[Record], header: list[str]) -> Iterator[Row]:
    for line, rec in records:
        if not rec.get("indicator", "").strip():
            raise BadRow(line, "indicator is empty")
        period, _year = period_year(line, rec.get("period", ""))
        yield Row(
            line=line,
            indicator=rec["indicator"].strip(),
            country=country(line, "country", rec.get("country", "")),
            period=period,
            value=number(line, "value", rec.get("value", "")),
            origin=country(line, "origin", rec["origin"]) if rec.get("origin", "").strip() else "",
            destination=(
                country(line, "destination", rec["destination"]) if rec.get("destination", "").strip() else ""
            ),
            breakdown=rec.get("breakdown", "").strip(),
            notes=rec.get("notes", "").strip(),
            indicator_name=rec.get("indicator_name", "").strip(),
            unit=rec.get("unit", "").strip(),
            definition=rec.get("definition", "").strip(),
        )


def read_ilostat(records: Iterable[Record], header: list[str]) -> Iterator[Row]:
    indicator = header[-1]
    for line, rec in records:
        if rec.get("sex", "sex_t") != "sex_t":
            continue  # totals only: the pages compare countries, not sexes
        area = country(line, "ref_area", rec["ref_area"])
        breakdown = rec.get("classif1", "").strip()
        origin = destination = ""
        if breakdown.startswith("cds_des_"):
            origin, target = area, breakdown.removeprefix("cds_des_")
            if target in ("total", "x"):
                breakdown = "all destinations" if target == "total" else "other destinations"
            else:
                destination, breakdown = country(line, "classif1", target), ""
        period, _year = period_year(line, rec["time"])
        raw = rec.get(indicator, "")
        if not raw.strip():
            continue  # DDF writes no empty values; tolerate a blank cell as "no data"
        yield Row(line, indicator, area, period, number(line, indicator, raw), origin, destination, breakdown)


def read_undesa_stock(records: Iterable[Record], header: list[str]) -> Iterator[Row]:
    for line, rec in records:
        origin = country(line, "origin", rec["origin"])
        destination = country(line, "destination", rec["destination"])
        period, _year = period_year(line, rec["year"])
        value = number(line, "migrant_stock", rec["migrant_stock"])
        yield Row(line, "migrant_stock", destination, period, value, origin, destination)


def read_worldbank_panel(records: Iterable[Record], header: list[str]) -> Iterator[Row]:
    for line, rec in records:
        area = country(line, "iso3c", rec["iso3c"])
        period, _year = period_year(line, rec["year"])
        if rec.get("remit_gdp", "").strip():
            yield Row(line, "remit_gdp", area, period, number(line, "remit_gdp", rec["remit_gdp"]))
        # The panel repeats Russia's figures on every country's row: they are Russia's series.
        for column in ("rus_gdp_growth", "rub_depr"):
            if rec.get(column, "").strip():
                yield Row(line, column, "ru", period, number(line, column, rec[column]))


TREATY_STATUSES = {"state party": "party", "signatory": "signatory", "no action": "no-action"}


def read_treaty_status(
    records: Iterable[Record], header: list[str], treaty: str = "ICRMW"
) -> Iterator[TreatyRow]:
    for line, rec in records:
        status = TREATY_STATUSES.get(rec.get("status", "").strip().lower())
        if status is None:
            raise BadRow(line, f"status {rec.get('status')!r} is not one of {', '.join(TREATY_STATUSES)}")
        year_text = rec.get("year ratification or accession", "").strip()
        year = int(period_year(line, year_text)[1]) if year_text else None
        yield TreatyRow(
            line, treaty, country(line, "iso2", rec["iso2"]), status, year, rec.get("note", "").strip()
        )


@dataclass(frozen=True)
class Format:
    name: str
    matches: Callable[[list[str]], bool]
    read: Callable[[Iterable[Record], list[str]], Iterator[Row | TreatyRow]]


def _ilostat_header(header: list[str]) -> bool:
    return (
        bool(header)
        and header[0] == "ref_area"
        and "time" in header
        and header[-1] not in ("time", "ref_area")
    )


FORMATS: list[Format] = [
    Format("kenes", lambda h: {"indicator", "country", "period", "value"} <= set(h), read_kenes),
    Format("ilostat", _ilostat_header, read_ilostat),
    Format(
        "undesa-stock", lambda h: h == ["year", "origin", "destination", "migrant_stock"], read_undesa_stock
    ),
    Format("worldbank-panel", lambda h: {"iso3c", "year", "remit_gdp"} <= set(h), read_worldbank_panel),
    Format("treaty-status", lambda h: {"iso2", "state party", "status"} <= set(h), read_treaty_status),
]


def detect(header: list[str]) -> Format:
    for fmt in FORMATS:
        if fmt.matches(header):
            return fmt
    raise BadRow(1, f"header {', '.join(header)!r} matches no known statistics format")
