"""The minimum wage monitor (ILO Convention 131): minimum wage against mean and median wages, over time.

The minimum wage is the legal quantity (``kenes.observatory.legal``, the one the rights checks use) where
the law is recorded, else ILOSTAT's statutory minimum wage; each row says which. The Kaitz index is given
twice and labelled: minimum ÷ median and minimum ÷ mean. The unions' target is a share of the median (a
policy quantity, 50 % unless the quantities say otherwise); the distance is how much the minimum would
have to rise to reach it. Real values need consumer prices: where the statistics hold none, there are none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..catalogue import CONSUMER_PRICES, LOCAL_CURRENCY, MEAN_EARNINGS, MEDIAN_EARNINGS, MINIMUM_WAGE
from ..legal import legal_figure

DEFAULT_TARGET_SHARE = Decimal("0.5")


@dataclass(frozen=True)
class Figure:
    value: Decimal
    source: str  # what a reader needs to find it again


@dataclass(frozen=True)
class WageYear:
    country: str
    year: int
    minimum_law: Figure | None
    minimum_stat: Figure | None
    mean: Figure | None
    median: Figure | None
    target_share: Decimal
    cpi: Figure | None = None

    @property
    def minimum(self) -> Figure | None:
        return self.minimum_law or self.minimum_stat

    @property
    def kaitz_median(self) -> Decimal | None:
        return _ratio(self.minimum, self.median)

    @property
    def kaitz_mean(self) -> Decimal | None:
        return _ratio(self.minimum, self.mean)

    @property
    def target(self) -> Decimal | None:
        return None if self.median is None else self.median.value * self.target_share

    @property
    def distance(self) -> Decimal | None:
        """How much the minimum falls short of the target (negative: above it)."""
        if self.target is None or self.minimum is None:
            return None
        return self.target - self.minimum.value


def _ratio(top: Figure | None, bottom: Figure | None) -> Decimal | None:
    """Exact (to Decimal's 28 digits): a page rounds it once. Rounded here to four places and again to a
    percentage with one, 5 ÷ 11 read 45.4 % instead of 45.5 %."""
    if top is None or bottom is None or not bottom.value:
        return None
    return top.value / bottom.value


#: The statistics the monitor reads: (indicator, breakdown) of the country's own series.
STAT_SERIES = (
    (MINIMUM_WAGE, ""),
    (MEAN_EARNINGS, LOCAL_CURRENCY),
    (MEDIAN_EARNINGS, ""),
    (CONSUMER_PRICES, ""),
)


def _stat_values(country: str) -> dict[str, dict[int, Figure]]:
    """Yearly values of the country's own series (not a corridor), by indicator and year.

    Three indexed queries for the four series (series, values, their sources), rows as tuples: the monitor
    is drawn on every country page, and building a model object per value cost more than the queries
    (bench/observatory.py).
    """
    from django.db.models import Q

    from ..models import Series, Value, citations

    wanted = Q()
    for code, breakdown in STAT_SERIES:
        wanted |= Q(indicator__code=code, breakdown=breakdown)
    ids = dict(
        Series.objects.filter(wanted, country=country, origin="", destination="")
        .order_by()
        .values_list("pk", "indicator__code")
    )
    out: dict[str, dict[int, Figure]] = {code: {} for code, _b in STAT_SERIES}
    rows = sorted(
        Value.objects.filter(series_id__in=list(ids))
        .order_by()  # sorted here; the default ordering would join the series and indicator
        .values_list("series_id", "year", "period", "value", "source_id"),
        key=lambda r: r[2],
    )
    sources = citations(r[4] for r in rows)
    for sid, year, period, value, src in rows:
        if len(period) == 4:  # yearly values only; a monthly or quarterly one is not a year's figure
            out[ids[sid]][year] = Figure(value, _source_label(*sources[src], period))
    return out


def _source_label(name: str, dated: dt.date | None, period: str) -> str:
    return f"{name}{f' ({dated.isoformat()})' if dated else ''} — {period}"


def _legal(country: str, name: str, year: int) -> Figure | None:
    """The quantity in force on 1 January of ``year``, cited as the quantities file it comes from."""
    found = legal_figure(country, name, dt.date(year, 1, 1))
    if found is None or found.value is None:
        return None
    return Figure(
        found.value, f"Kenes quantities, {found.kind}/{country}/{name} ({found.status}) — {found.cites}"
    )


def wage_years(country: str, first: int = 1995, last: int | None = None) -> list[WageYear]:
    """One row per year in which any of the figures is known, oldest first."""
    last = last or dt.date.today().year
    stats = _stat_values(country)
    minimum, mean = stats[MINIMUM_WAGE], stats[MEAN_EARNINGS]
    median, cpi = stats[MEDIAN_EARNINGS], stats[CONSUMER_PRICES]
    rows = []
    for year in range(first, last + 1):
        law = _legal(country, "minimum_wage", year)
        median_figure = median.get(year) or _legal(country, "median_wage", year)
        if not (law or minimum.get(year) or mean.get(year) or median_figure):
            continue
        share = legal_figure(country, "minimum_wage_target_share", dt.date(year, 1, 1))
        rows.append(
            WageYear(
                country=country,
                year=year,
                minimum_law=law,
                minimum_stat=minimum.get(year),
                mean=mean.get(year),
                median=median_figure,
                target_share=share.value if share and share.value else DEFAULT_TARGET_SHARE,
                cpi=cpi.get(year),
            )
        )
    return rows


def real_minimum(rows: list[WageYear]) -> dict[int, Decimal]:
    """The minimum wage in prices of the latest year with a price index; empty without consumer prices."""
    priced = [r for r in rows if r.cpi is not None and r.minimum is not None]
    if not priced:
        return {}
    base = priced[-1].cpi.value
    return {r.year: (r.minimum.value * base / r.cpi.value).quantize(Decimal("1")) for r in priced}
