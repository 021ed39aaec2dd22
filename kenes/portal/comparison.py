"""Key rights side by side across the region, from the dated legal quantities of :mod:`kenes.quantities`.

Never invented: a cell shows a figure only where a quantity file holds one in force on the day, names the
provision it comes from (linked to the reader), says when the value was not checked against a text we
hold ("unverified"), and otherwise says "no data". A country joins the table as soon as one of its
quantity files holds a row's figure: adding law for a country is adding files, not code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from kenes import quantities
from kenes.kernel.countries import COUNTRIES


def _n(value: float) -> str:
    decimals = 0 if float(value).is_integer() else 2
    return formats.number_format(value, decimal_pos=decimals, force_grouping=True)


def _money(v: quantities.DatedValue) -> str:
    return f"{_n(v.value)} {v.unit}"


def _count(message: Any) -> Callable[[quantities.DatedValue], str]:
    """A whole number with its unit in the reader's language: ``message`` is an ``ngettext_lazy`` keyed
    on ``n``, so the plural form follows the figure."""
    return lambda v: message % {"n": int(v.value)}


def _settlement(v: quantities.DatedValue) -> str:
    if v.value == 0:
        return str(_("on the last day of work"))
    return ngettext_lazy(
        "%(n)s working day after the last day", "%(n)s working days after the last day", "n"
    ) % {"n": int(v.value)}


@dataclass(frozen=True)
class Part:
    """One figure of a row: the quantities it reads and how it is written."""

    names: tuple[str, ...]
    write: Callable[..., str]


#: (row label, its parts). A part whose quantities a country lacks is left out of that country's cell.
ROWS: tuple[tuple[object, tuple[Part, ...]], ...] = (
    (_("Minimum monthly wage"), (Part(("minimum_wage",), _money),)),
    (
        _("Stay without registration or visa: days within a period"),
        (Part(("stay_limit_days", "stay_window_days"), lambda a, b: f"{a.value} / {b.value}"),),
    ),
    (
        _("Maximum normal working week"),
        (
            Part(
                ("normal_weekly_hours",),
                _count(ngettext_lazy("%(n)s hour a week", "%(n)s hours a week", "n")),
            ),
        ),
    ),
    (
        _("Overtime limits"),
        (
            Part(
                ("overtime_max_hours_per_day",),
                _count(ngettext_lazy("%(n)s hour a day", "%(n)s hours a day", "n")),
            ),
            Part(
                ("overtime_max_hours_per_two_days",),
                _count(
                    ngettext_lazy("%(n)s hour in two days in a row", "%(n)s hours in two days in a row", "n")
                ),
            ),
            Part(
                ("overtime_max_hours_per_month",),
                _count(ngettext_lazy("%(n)s hour a month", "%(n)s hours a month", "n")),
            ),
            Part(
                ("overtime_max_hours_per_year",),
                _count(ngettext_lazy("%(n)s hour a year", "%(n)s hours a year", "n")),
            ),
        ),
    ),
    (
        _("Overtime pay, at least"),
        (Part(("overtime_pay_multiple",), lambda v: _("%(n)s × the hourly rate") % {"n": _n(v.value)}),),
    ),
    (
        _("Paid annual leave"),
        (
            Part(
                ("annual_leave_days",),
                _count(ngettext_lazy("%(n)s calendar day", "%(n)s calendar days", "n")),
            ),
        ),
    ),
    (
        _("Notice of dismissal for staff cuts or liquidation"),
        (Part(("dismissal_notice_months",), _count(ngettext_lazy("%(n)s month", "%(n)s months", "n"))),),
    ),
    (_("Final settlement on dismissal"), (Part(("final_settlement_working_days",), _settlement),)),
    (
        _("Minimum age for an employment contract"),
        (Part(("minimum_working_age",), _count(ngettext_lazy("%(n)s year", "%(n)s years", "n"))),),
    ),
)


@dataclass(frozen=True)
class Source:
    label: str
    url: str


@dataclass(frozen=True)
class Cell:
    parts: tuple[str, ...]  # () when there is no data
    verified: bool
    sources: tuple[Source, ...]
    since: dt.date | None

    @property
    def text(self) -> str:
        return " · ".join(self.parts)


def _values(country: str, names: tuple[str, ...], on: dt.date) -> list[quantities.DatedValue] | None:
    found = []
    for name in names:
        value = quantities.value_or_none(country, name, on)
        if value is None or value.value is None:
            return None
        found.append(value)
    return found


def _cell(country: str, parts: tuple[Part, ...], on: dt.date) -> Cell:
    texts: list[str] = []
    used: list[quantities.DatedValue] = []
    for part in parts:
        values = _values(country, part.names, on)
        if values is not None:
            texts.append(part.write(*values))
            used.extend(values)
    sources: dict[str, Source] = {}
    for v in used:
        if v.reference is not None:
            sources.setdefault(v.reference.reader_path, Source(v.reference.label, v.reference.reader_path))
    return Cell(
        parts=tuple(texts),
        verified=bool(used) and all(v.verified for v in used),
        sources=tuple(sources.values()),
        since=max((v.start for v in used), default=None),
    )


def compared_countries(on: dt.date | None = None) -> tuple[str, ...]:
    """The countries with a figure for at least one row on the day: Kazakhstan, Tajikistan and Russia today,
    any other as soon as its quantity files are written. In the order of the kernel's country table."""
    day = on or timezone.localdate()
    names = {name for _label, parts in ROWS for part in parts for name in part.names}
    held = {q.country for q in quantities.all_quantities("law") if q.name.split("/")[1] in names}
    with_data = {c for c in held if any(_cell(c, parts, day).parts for _label, parts in ROWS)}
    return tuple(c.code for c in COUNTRIES if c.code in with_data)


def table(
    countries: tuple[str, ...] | None = None, highlight: str | None = None, on: dt.date | None = None
) -> dict:
    """Rows of cells, one per country, as the templates show them; by default the compared countries (plus
    the highlighted one, so a country page always shows its own column, "no data" included)."""
    day = on or timezone.localdate()
    shown = countries if countries is not None else compared_countries(day)
    if highlight and highlight not in shown:
        shown = (*shown, highlight)
    return {
        "countries": shown,
        "highlight": highlight,
        "on": day,
        "rows": [(label, [_cell(c, parts, day) for c in shown]) for label, parts in ROWS],
    }
