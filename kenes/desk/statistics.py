"""Anonymised statistics of cases: by category, corridor (citizenship → host country), outcome and month.

Only cases with a statistics consent in force are counted (:func:`scope.statistics_cases_for`), and every
table is suppressed by :mod:`kenes.desk.suppression` unless the caller explicitly turns it off (never on a
page or export: only the tests do, to compare with the true counts).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from .models import Case, CaseCategory
from .suppression import suppress, suppress_two_way

DIMENSIONS = ("category", "corridor", "outcome", "month")


@dataclass
class Table:
    dimension: str
    #: (label, published count or None when hidden)
    rows: list[tuple[str, int | None]]
    total: int | None


def _counts(cases: QuerySet[Case], dimension: str) -> Counter:
    if dimension == "category":
        rows = CaseCategory.objects.filter(case__in=cases).values("code").annotate(n=Count("case_id"))
        return Counter({r["code"]: r["n"] for r in rows})
    if dimension == "outcome":
        rows = cases.exclude(outcome="").values("outcome").annotate(n=Count("id"))
        return Counter({r["outcome"]: r["n"] for r in rows})
    if dimension == "month":
        rows = cases.annotate(month=TruncMonth("opened_at")).values("month").annotate(n=Count("id"))
        return Counter({r["month"].strftime("%Y-%m"): r["n"] for r in rows if r["month"]})
    raise ValueError(f"unknown dimension {dimension!r}")


def table(cases: QuerySet[Case], dimension: str, suppressed: bool = True, every: Iterable[str] = ()) -> Table:
    """A one-way table (category, outcome or month).

    ``every`` lists values shown even when no case has them: a public table names each category, and a
    category missing from it would say "none" where the rule says "7 or fewer" (so a zero is hidden too).
    """
    counts = _counts(cases, dimension)
    for key in every:
        counts.setdefault(key, 0)
    if not suppressed:
        return Table(dimension, sorted(counts.items()), sum(counts.values()))
    # a case has several categories: those cells do not add up to a number of cases, so no total is shown
    cells, total = suppress(dict(counts), with_total=dimension != "category")
    return Table(dimension, sorted(cells.items()), total)


@dataclass
class Corridors:
    cells: dict[tuple[str, str], int | None]
    origins: dict[str, int | None]
    hosts: dict[str, int | None]


def corridors(cases: QuerySet[Case], suppressed: bool = True) -> Corridors:
    rows = cases.values("person__citizenship", "host_country").annotate(n=Count("id"))
    counts = {((r["person__citizenship"] or "?"), (r["host_country"] or "?")): r["n"] for r in rows}
    if not suppressed:
        origins, hosts = Counter(), Counter()
        for (origin, host), n in counts.items():
            origins[origin] += n
            hosts[host] += n
        return Corridors(dict(counts), dict(origins), dict(hosts))
    cells, origins, hosts = suppress_two_way(counts)
    return Corridors(cells, origins, hosts)


def as_csv(cases: QuerySet[Case]) -> str:
    """All four tables, suppressed, as one CSV (dimension, value, count; hidden counts written '≤7')."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["dimension", "value", "count"])

    def cell(value: int | None) -> str:
        return "<=7" if value is None else str(value)

    for dimension in ("category", "outcome", "month"):
        result = table(cases, dimension)
        for label, value in result.rows:
            writer.writerow([dimension, label, cell(value)])
    found = corridors(cases)
    for (origin, host), value in sorted(found.cells.items()):
        writer.writerow(["corridor", f"{origin}->{host}", cell(value)])
    return out.getvalue()
