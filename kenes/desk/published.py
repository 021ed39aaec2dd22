"""The desk's figures for the public observatory: counts of consented cases, suppressed before they leave.

The observatory imports nothing of the desk; :class:`~kenes.desk.apps.DeskConfig` registers :func:`tables`
with :mod:`kenes.observatory.providers`, and the observatory's desk page shows what it returns. What leaves
here is counts only, over every organisation together (no centre is named, no case, id or date finer than a
month), each table suppressed by :mod:`kenes.desk.suppression`: 7 or fewer hidden, zero included, others
rounded to 5, a second cell hidden where a published total would give the first away.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kenes.kernel.countries import BY_CODE
from kenes.observatory.tables import Table

from . import scope, statistics
from .models import Category, Outcome

#: What a hidden cell shows (and writes into the CSV and XLSX files).
HIDDEN = "≤7"


def _cell(value: int | None) -> object:
    return HIDDEN if value is None else value


def _country(code: str) -> str:
    country = BY_CODE.get(code)
    return _(country.name) if country else (code.upper() if code != "?" else _("not recorded"))


def _one_way(
    cases, dimension: str, slug: str, title: str, heading: str, labels: dict[str, str], every=()
) -> Table:
    found = statistics.table(cases, dimension, every=every)
    rows: list[list[object]] = [[labels.get(key, key), _cell(value)] for key, value in found.rows]
    if found.total is not None:
        rows.append([_("Total"), found.total])
    return Table(slug, title, [heading, _("Cases")], rows)


def tables() -> list[Table]:
    """The published tables, or none at all when no case may be counted (the page then says "no data")."""
    cases = scope.published_statistics_cases()
    if not cases.exists():
        return []
    categories = {code: str(label) for code, label in Category.choices}
    outcomes = {code: str(label) for code, label in Outcome.choices}
    found = [
        _one_way(
            cases, "category", "desk-categories", _("Cases by problem"), _("Problem"), categories, categories
        ),
        _one_way(cases, "outcome", "desk-outcomes", _("Cases by outcome"), _("Outcome"), outcomes, outcomes),
        _one_way(cases, "month", "desk-months", _("Cases by month opened"), _("Month"), {}),
    ]
    corridors = statistics.corridors(cases)
    found.append(
        Table(
            "desk-corridors",
            _("Cases by corridor (citizenship → host country)"),
            [_("Corridor"), _("Cases")],
            [
                [f"{_country(origin)} → {_country(host)}", _cell(value)]
                for (origin, host), value in sorted(corridors.cells.items())
            ],
        )
    )
    source = _(
        "Source: cases of the advisory centres whose person agreed to anonymised statistics, all centres "
        "together. Counts of 7 or fewer are hidden (≤7), others rounded to 5; a second cell is hidden where "
        "a total would reveal the first. A case may have several problems, so that table has no total."
    )
    for table in found:
        table.source = source
    return found
