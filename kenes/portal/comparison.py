"""A few key rights side by side across the region, from the dated legal quantities of kenes.quantities.

Never invented: a cell shows a value only where a parameter file holds one in force today, says whether it
was checked against a text we hold ("unverified" otherwise), and links the provision it rests on; every
other cell says "no data".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kenes import quantities

#: (row label, parameter names; several are shown together, such as "90 / 180 days").
ROWS = (
    (_("Minimum monthly wage"), ("minimum_wage",)),
    (_("Stay without registration or visa: days within a period"), ("stay_limit_days", "stay_window_days")),
    (_("Paid annual leave (calendar days)"), ("annual_leave_days",)),
    (_("Normal working week (hours)"), ("normal_weekly_hours",)),
)


@dataclass(frozen=True)
class Cell:
    text: str  # "" when there is no data
    verified: bool
    reference_url: str | None
    reference_label: str
    since: dt.date | None


def _cell(country: str, names: tuple[str, ...], on: dt.date) -> Cell:
    values = []
    for name in names:
        if not quantities.exists(country, name):
            return Cell("", False, None, "", None)
        try:
            values.append(quantities.value(country, name, on))
        except quantities.NoValue:
            return Cell("", False, None, "", None)
    if any(v.value is None for v in values):
        return Cell("", False, None, "", None)
    first = values[0]
    unit = first.unit if first.unit.isupper() else ""  # a currency code; days and hours are in the label
    text = " / ".join(
        f"{v.value:,}".replace(",", "\u202f") if isinstance(v.value, int) else str(v.value) for v in values
    )
    ref = first.reference
    return Cell(
        text=f"{text} {unit}".strip(),
        verified=all(v.verified for v in values),
        reference_url=ref.reader_path if ref else None,
        reference_label=ref.label if ref else "",
        since=first.start,
    )


def table(countries: tuple[str, ...], highlight: str | None = None, on: dt.date | None = None) -> dict:
    """Rows of cells, one per country, as the templates show them."""
    day = on or timezone.localdate()
    return {
        "countries": countries,
        "highlight": highlight,
        "on": day,
        "rows": [(label, [_cell(c, names, day) for c in countries]) for label, names in ROWS],
    }
