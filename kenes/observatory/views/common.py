"""What every observatory page shares: the series a chart draws, the notes on sources and latest years,
and the answer to ``?download=`` (the page's tables as CSV or XLSX)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from ..importing.countries import country_name
from ..tables import Table, download

#: Which breakdown stands for "the" series of an indicator, in order of preference.
MAIN_BREAKDOWNS = (
    "",
    "cur_type_lcu",
    "eco_aggregate_total",
    "mig_status_total",
    "age_ythadult_yge15",
    "all destinations",
)


#: What the ILOSTAT breakdown codes of the main series mean.
BREAKDOWN_LABELS = {
    "cur_type_lcu": gettext_noop("local currency"),
    "eco_aggregate_total": gettext_noop("all economic activities"),
    "mig_status_total": gettext_noop("all workers"),
    "age_ythadult_yge15": gettext_noop("aged 15 and over"),
    "all destinations": gettext_noop("all destinations"),
}


def breakdown_label(code: str) -> str:
    return _(BREAKDOWN_LABELS[code]) if code in BREAKDOWN_LABELS else code


def name_of(code: str) -> str:
    return country_name(code, (get_language() or "en")[:2])


def main_series(indicator_code: str | None, countries) -> dict:
    """The series of the preferred breakdown (not a corridor to one destination), in one query.

    With an indicator: ``{country: series}``; with ``None``: ``{(indicator code, country): series}`` for every
    indicator (what a country page needs).
    """
    from ..models import Series

    rows = Series.objects.filter(country__in=countries, destination="", breakdown__in=MAIN_BREAKDOWNS)
    if indicator_code is not None:
        rows = rows.filter(indicator__code=indicator_code)
    rank = {b: i for i, b in enumerate(MAIN_BREAKDOWNS)}
    chosen: dict = {}
    for s in rows.select_related("indicator"):
        key = s.country if indicator_code is not None else (s.indicator.code, s.country)
        current = chosen.get(key)
        if current is None or rank[s.breakdown] < rank[current.breakdown]:
            chosen[key] = s
    return chosen


def latest_values(series: Iterable) -> dict[int, tuple]:
    """{series id: (year, period, value, source name, source date)} of each series' latest period, found
    through the importer-kept ``Series.last_period`` (no scan of a series' values).

    Asked as "these series, these periods" and narrowed to each series' own period here: a short query
    whatever the number of series (an OR of one pair per series cost more to compile than to run).
    """
    from ..models import Value, citations

    wanted = {s.pk: s.last_period for s in series if s.last_period}
    if not wanted:
        return {}
    rows = [
        row
        for row in Value.objects.filter(series_id__in=list(wanted), period__in=set(wanted.values()))
        .order_by()
        .values_list("series_id", "year", "period", "value", "source_id")
        if wanted[row[0]] == row[2]
    ]
    sources = citations(row[4] for row in rows)
    return {sid: (year, period, value, *sources[src]) for sid, year, period, value, src in rows}


def values_by_series(
    series_ids: Iterable[int], first: int | None = None, last: int | None = None
) -> dict[int, list]:
    """{series id: [(year, period, value, source name, source date)]}, oldest first, one query."""
    from ..models import Value, citations

    rows = Value.objects.filter(series_id__in=list(series_ids))
    if first:
        rows = rows.filter(year__gte=first)
    if last:
        rows = rows.filter(year__lte=last)
    found = list(
        rows.order_by("series_id", "period").values_list("series_id", "year", "period", "value", "source_id")
    )
    sources = citations(row[4] for row in found)
    out: dict[int, list] = defaultdict(list)
    for sid, year, period, value, src in found:
        out[sid].append((year, period, value, *sources[src]))
    return out


def source_line(sources: set[tuple[str, object]], years: dict[str, int]) -> str:
    """The line under a figure: its sources with their dates, and the latest year — or, where countries'
    latest years differ, each country's."""

    def cite(name: str, dated) -> str:
        if dated == "":  # the name already says it (a legal quantity, a source with its date in the label)
            return name
        when = dated.isoformat() if dated else _("date not stated")  # outside the f-string, which
        return f"{name} ({when})"  # makemessages does not read

    # by name, then date: one source in several releases reads the same on every request (a set has no order)
    ordered = sorted(sources, key=lambda s: (s[0], s[1].isoformat() if s[1] else ""))
    names = "; ".join(cite(name, dated) for name, dated in ordered)
    text = _("Source: %(sources)s.") % {"sources": names} if names else _("No data.")
    distinct = set(years.values())
    if len(distinct) == 1:
        text += " " + _("Latest year: %(year)s.") % {"year": distinct.pop()}
    elif distinct:
        each = ", ".join(f"{name_of(c)} {y}" for c, y in sorted(years.items(), key=lambda i: -i[1]))
        text += " " + _("Latest years differ by country: %(each)s.") % {"each": each}
    return text


def page(request: HttpRequest, template: str, context: dict, tables: list[Table]) -> HttpResponse:
    """The page, or one of its tables as a file when ``?download=`` asks for it."""
    file = download(request, tables)
    if file is not None:
        return file
    return render(request, template, {**context, "tables": tables})
