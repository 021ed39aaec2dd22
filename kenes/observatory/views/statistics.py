"""Statistics pages: the landing page, the indicator list, an indicator across countries, a country."""

from __future__ import annotations

from collections import Counter

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..charts import Line, line_chart
from ..figures import disputes as dispute_figures
from ..figures import minimum_wage, ratifications
from ..freshness import cached
from ..places import REGION
from ..tables import Table
from .common import breakdown_label, latest_values, main_series, name_of, page, source_line, values_by_series
from .topics import wage_sources

CORRIDOR_INDICATORS = ("migrant_stock", "mna_oemp_sex_cds_nb")


def landing(request: HttpRequest) -> HttpResponse:
    return page(request, "observatory/landing.html", *cached("landing", _landing_figures))


def _landing_figures() -> tuple[dict, list[Table]]:
    from ..models import Dispute, Indicator

    kaitz = []
    for code in REGION:
        rows = [
            r for r in minimum_wage.wage_years(code) if r.kaitz_mean is not None or r.kaitz_median is not None
        ]
        kaitz.append((code, rows[-1] if rows else None))
    context = {
        "indicators": list(Indicator.objects.order_by("code")),
        "countries": REGION,
        "kaitz": kaitz,
        "disputes": Dispute.objects.count(),
    }
    return context, []


def indicators(request: HttpRequest) -> HttpResponse:
    return page(request, "observatory/indicators.html", *cached("indicators", _indicator_list))


def _indicator_list() -> tuple[dict, list[Table]]:
    """Each indicator with its count of values and years: a scan of every value, hence kept."""
    from django.db.models import Count, Max, Min

    from ..models import Indicator

    rows = Indicator.objects.annotate(
        n=Count("series__values"), first=Min("series__values__year"), last=Max("series__values__year")
    ).order_by("code")
    return {"indicators": list(rows)}, []


def indicator(request: HttpRequest, code: str) -> HttpResponse:
    return page(request, "observatory/indicator.html", *cached(f"indicator:{code}", lambda: _indicator(code)))


def _indicator(code: str) -> tuple[dict, list[Table]]:
    """An indicator across the region's countries: a chart and its table (404 for an unknown code)."""
    from ..models import Indicator

    ind = get_object_or_404(Indicator, code=code)
    if code in CORRIDOR_INDICATORS:
        return _corridor_indicator(ind)
    chosen = main_series(code, REGION)
    values = values_by_series([s.pk for s in chosen.values()])
    years = sorted({v[0] for rows in values.values() for v in rows})
    by_country = {c: {v[0]: v[2] for v in values.get(s.pk, [])} for c, s in chosen.items()}
    table = Table(
        f"{code}",
        _(ind.name),
        [_("Year")] + [name_of(c) for c in REGION],
        [[y] + [by_country.get(c, {}).get(y) for c in REGION] for y in reversed(years)],
    )
    sources = {(v[3], v[4]) for rows in values.values() for v in rows}
    latest = {c: max(v) for c, v in by_country.items() if v}
    table.source = source_line(sources, latest)
    chart = line_chart(
        [Line(name_of(c), sorted(by_country[c].items())) for c in REGION if by_country.get(c)],
        _(ind.name),
        _(ind.unit),
    )
    missing = [c for c in REGION if not by_country.get(c)]
    return {"indicator": ind, "chart": chart, "table": table, "missing": missing}, [table]


def _corridor_indicator(ind) -> tuple[dict, list[Table]]:
    """Corridors among the region's countries in the latest period: origin rows, destination columns."""
    from ..models import Value

    rows = Value.objects.filter(
        series__indicator=ind, series__origin__in=REGION, series__destination__in=REGION
    ).values_list("series__origin", "series__destination", "year", "value", "source__name", "source__dated")
    latest = max((r[2] for r in rows), default=None)
    cells = {(o, d): v for o, d, y, v, _n, _d in rows if y == latest}
    sources = {(n, d) for *_rest, n, d in rows}
    table = Table(
        ind.code,
        _(ind.name),
        [_("Origin → destination")] + [name_of(c) for c in REGION],
        [[name_of(o)] + [cells.get((o, d)) for d in REGION] for o in REGION],
    )
    table.source = source_line(sources, {c: latest for c in REGION} if latest else {})
    context = {
        "indicator": ind,
        "chart": "",
        "table": table,
        "missing": [],
        "corridor": True,
        "latest": latest,
    }
    return context, [table]


def country(request: HttpRequest, code: str) -> HttpResponse:
    code = code.lower()
    if code not in REGION:
        raise Http404(f"no observatory page for {code!r}")
    return page(
        request, "observatory/country.html", *cached(f"country:{code}", lambda: _country_figures(code))
    )


def _country_figures(code: str) -> tuple[dict, list[Table]]:
    """What a country page shows, as its context and tables (kept by ``freshness.cached``)."""
    from ..models import Indicator

    inds = {i.code: i for i in Indicator.objects.all()}
    chosen = {
        ind_code: series
        for (ind_code, _c), series in main_series(None, (code,)).items()
        if ind_code not in CORRIDOR_INDICATORS
    }
    last = latest_values(chosen.values())
    latest = Table(
        f"{code}-latest",
        _("Latest values"),
        [_("Indicator"), _("Value"), _("Unit"), _("Year"), _("Source")],
    )
    sources, charts = set(), []
    for ind_code, series in sorted(chosen.items()):
        if series.pk not in last:
            continue
        _year, period, value, source, dated = last[series.pk]
        ind = inds[ind_code]
        unit = _(ind.unit) + (f" ({breakdown_label(series.breakdown)})" if series.breakdown else "")
        latest.rows.append([_(ind.name), value, unit, period, source])
        sources.add((source, dated))
    latest.source = source_line(sources, {})
    absent = [inds[c] for c in sorted(inds) if c not in chosen and c not in CORRIDOR_INDICATORS]
    wage_rows = minimum_wage.wage_years(code)
    wages = Table(
        f"{code}-wages",
        _("Minimum, mean and median wage"),
        [_("Year"), _("Minimum wage"), _("Mean wage"), _("Median wage")],
        [
            [r.year] + [f.value if f else None for f in (r.minimum, r.mean, r.median)]
            for r in reversed(wage_rows)
        ],
    )
    wages.source = source_line(
        {(s, "") for s in wage_sources(wage_rows).split("; ") if s},
        {code: wage_rows[-1].year} if wage_rows else {},
    )
    charts.append(
        line_chart(
            [
                Line(_("Minimum wage"), [(r.year, r.minimum.value) for r in wage_rows if r.minimum]),
                Line(_("Mean wage"), [(r.year, r.mean.value) for r in wage_rows if r.mean]),
                Line(_("Median wage"), [(r.year, r.median.value) for r in wage_rows if r.median]),
            ],
            _("Minimum, mean and median wage"),
            _("local currency per month"),
        )
    )
    corridors = _corridors(code, inds["migrant_stock"].pk if "migrant_stock" in inds else None)
    m = ratifications.matrix((code,))
    states = Counter(m.cell(code, instrument).state for instrument, _uri in m.instruments)
    settled = dispute_figures.dispute_years(code)
    return (
        {
            "code": code,
            "latest": latest,
            "wages": wages,
            "absent": absent,
            "charts": charts,
            "corridors": corridors,
            "countries": REGION,
            "ratified": states.get("in-force", 0),
            "no_record": states.get("no-data", 0),
            "instruments": len(m.instruments),
            "disputes": settled[0] if settled else None,
        },
        [latest, wages, *corridors],
    )


def _corridors(code: str, stock: int | None) -> list[Table]:
    """The ten largest migrant stocks to and from the country in the latest year of the UN DESA data.

    One query per direction: the latest period is a subquery over the importer-kept ``last_period`` of the
    country's corridors (indexed by end and indicator), and the country has a corridor to every other, too
    many ids to pass as parameters.
    """
    from django.db.models import Max, Subquery

    from ..models import Series, Value

    tables = []
    for slug, title, mine, other in (
        (f"{code}-emigrants", _("Emigrants by country of residence"), "origin", "series__destination"),
        (f"{code}-immigrants", _("Immigrants by country of birth"), "destination", "series__origin"),
    ):
        corridors = Series.objects.filter(indicator_id=stock, **{mine: code}).order_by()
        last_period = corridors.values(mine).annotate(p=Max("last_period")).values("p")
        top = list(
            Value.objects.filter(series_id__in=corridors.values("pk"), period=Subquery(last_period))
            .order_by("-value")
            .values_list(other, "value", "source__name", "period")[:10]
        )
        table = Table(slug, title, [_("Country"), _("Persons"), _("Year")])
        if top:
            latest = int(top[0][3][:4])
            table.rows = [[name_of(c), v, latest] for c, v, _s, _p in top]
            table.source = source_line({(top[0][2], None)}, {code: latest})
        else:
            table.source = _("No data.")
        tables.append(table)
    return tables
