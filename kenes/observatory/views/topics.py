"""Topic pages: the minimum wage monitor, collective labour disputes, ratifications and their gaps."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..charts import Line, bar_chart, line_chart
from ..figures import disputes as dispute_figures
from ..figures import minimum_wage, ratifications
from ..freshness import cached
from ..places import REGION
from ..tables import Table, ratio_percent
from .common import name_of, page, source_line


def _wage_columns() -> list[str]:
    return [
        _("Year"),
        _("Minimum wage"),
        _("Minimum wage from"),
        _("Mean wage"),
        _("Median wage"),
        _("Kaitz index (minimum ÷ median)"),
        _("Kaitz index (minimum ÷ mean)"),
        _("Unions' target (share of median)"),
        _("Shortfall to target"),
    ]


def _wage_row(r: minimum_wage.WageYear, first: list[object]) -> list[object]:
    basis = _("law") if r.minimum_law else (_("ILOSTAT") if r.minimum_stat else "")
    return first + [
        r.minimum.value if r.minimum else None,
        basis,
        r.mean.value if r.mean else None,
        r.median.value if r.median else None,
        ratio_percent(r.kaitz_median),
        ratio_percent(r.kaitz_mean),
        r.target.quantize(1) if r.target is not None else None,
        r.distance.quantize(1) if r.distance is not None else None,
    ]


def wage_sources(rows: list[minimum_wage.WageYear]) -> str:
    seen = []
    for r in rows:
        for fig in (r.minimum, r.mean, r.median):
            if fig is not None:
                origin = fig.source.split(" — ")[0]
                if origin not in seen:
                    seen.append(origin)
    return "; ".join(seen)


def minimum_wage_page(request: HttpRequest) -> HttpResponse:
    return page(request, "observatory/minimum_wage.html", *cached("minimum-wage", _minimum_wage_figures))


def _minimum_wage_figures() -> tuple[dict, list[Table]]:
    latest_rows = []
    for code in REGION:
        rows = minimum_wage.wage_years(code)
        # The latest year with an index, so the summary compares like with like; else the latest year.
        indexed = [r for r in rows if r.kaitz_median is not None or r.kaitz_mean is not None]
        latest = indexed[-1] if indexed else (rows[-1] if rows else None)
        latest_rows.append((code, latest, rows))
    table = Table(
        "minimum-wage-latest",
        _("Minimum wage: latest year with a Kaitz index"),
        [_("Country")] + _wage_columns(),
    )
    years = {}
    sources = []
    for code, last, rows in latest_rows:
        if last is None:
            table.rows.append([name_of(code), None] + [None] * 8)
            continue
        table.rows.append(_wage_row(last, [name_of(code), last.year]))
        years[code] = last.year
        for s in wage_sources(rows).split("; "):
            if s and s not in sources:
                sources.append(s)
    table.source = source_line({(s, "") for s in sources}, years)
    bars = []
    for code, _last, rows in latest_rows:
        with_mean = [r for r in rows if r.kaitz_mean is not None]
        if with_mean:
            bars.append((f"{name_of(code)} {with_mean[-1].year}", float(with_mean[-1].kaitz_mean * 100)))
        else:
            bars.append((name_of(code), None))
    chart = bar_chart(bars, _("Kaitz index (minimum ÷ mean), each country's latest year"), " %")
    return {"table": table, "chart": chart, "countries": REGION}, [table]


def minimum_wage_country(request: HttpRequest, code: str) -> HttpResponse:
    if code not in REGION:
        raise Http404(f"no country {code!r}")
    figures = cached(f"minimum-wage:{code}", lambda: _minimum_wage_country(code))
    return page(request, "observatory/minimum_wage_country.html", *figures)


def _minimum_wage_country(code: str) -> tuple[dict, list[Table]]:
    rows = minimum_wage.wage_years(code)
    table = Table(f"minimum-wage-{code}", _("Minimum wage over time"), _wage_columns())
    table.rows = [_wage_row(r, [r.year]) for r in reversed(rows)]
    table.source = source_line(
        {(s, "") for s in wage_sources(rows).split("; ") if s}, {code: rows[-1].year} if rows else {}
    )
    real = minimum_wage.real_minimum(rows)
    if real:
        base = max(real)
        table.columns.append(_("Minimum wage in prices of %(year)s") % {"year": base})
        for row in table.rows:
            row.append(real.get(row[0]))
    chart = line_chart(
        [
            Line(
                _("Kaitz index (minimum ÷ median)"),
                [(r.year, r.kaitz_median * 100) for r in rows if r.kaitz_median],
            ),
            Line(
                _("Kaitz index (minimum ÷ mean)"),
                [(r.year, r.kaitz_mean * 100) for r in rows if r.kaitz_mean],
            ),
            Line(
                _("Unions' target"), [(r.year, r.target_share * 100) for r in rows if r.median], dashed=True
            ),
        ],
        _("Kaitz index over time"),
        "%",
    )
    return {"code": code, "table": table, "chart": chart, "real": real, "rows": rows}, [table]


def disputes_page(request: HttpRequest) -> HttpResponse:
    country = request.GET.get("country", "")
    if country and country not in REGION:
        raise Http404(f"no country {country!r}")
    years = dispute_figures.dispute_years(country or None)
    table = Table(
        "disputes-settled",
        _("Collective labour disputes settled without a strike"),
        [
            _("Year"),
            _("Country"),
            _("Settled without a strike"),
            _("Disputes with an outcome"),
            _("Share"),
            _("Agreement"),
            _("Partial agreement"),
            _("Strike"),
            _("Court"),
            _("Withdrawn"),
        ],
    )
    for y in years:
        table.rows.append(
            [y.year, name_of(y.country), y.settled_without_strike, y.closed, ratio_percent(y.share)]
            + [y.by_outcome.get(o, 0) for o in ("agreement", "partial", "strike", "court", "withdrawn")]
        )
    table.source = _("Source: the observatory's register of collective labour disputes, entered by editors.")
    chart = bar_chart(
        [
            (f"{name_of(y.country)} {y.year}", float(y.share * 100) if y.share is not None else None)
            for y in years[:12]
        ],
        _("Share settled without a strike"),
        " %",
    )
    return page(
        request,
        "observatory/disputes.html",
        {
            "table": table,
            "chart": chart,
            "open": dispute_figures.open_disputes(country or None),
            "country": country,
            "countries": REGION,
        },
        [table],
    )


STATE_LABELS = {
    "in-force": gettext_noop("ratified, in force"),
    "not-in-force": gettext_noop("ratified, not in force"),
    "denounced": gettext_noop("denounced"),
    "pending": gettext_noop("pending"),
    "planned": gettext_noop("planned"),
    "not-ratified": gettext_noop("not ratified"),
    "no-data": gettext_noop("no data"),
}


def ratifications_page(request: HttpRequest) -> HttpResponse:
    from ..models import Commitment

    m = ratifications.matrix()
    labels = {k: _(v) for k, v in STATE_LABELS.items()}
    table = Table(
        "ratifications",
        _("Ratifications: country × convention"),
        [_("Convention")] + [name_of(c) for c in m.countries],
    )
    grid = []
    for code, uri in m.instruments:
        cells = [m.cell(c, code) for c in m.countries]
        grid.append((code, uri, cells))
        table.rows.append([code] + [f"{labels[x.state]} {x.ratified_on}".strip() for x in cells])
    table.source = _(
        "Source: the legal database's ratification records (each with its source); statuses from statistics "
        "sources where the records are silent. “No data” means no source was found, not “not ratified”."
    )
    return page(
        request,
        "observatory/ratifications.html",
        {
            "matrix": m,
            "grid": grid,
            "labels": labels,
            "table": table,
            "commitments": Commitment.objects.prefetch_related("progress"),
        },
        [table],
    )


def gaps_page(request: HttpRequest, code: str) -> HttpResponse:
    report = ratifications.gap_report(code)
    if report is None:
        raise Http404(f"no convention {code!r} in the legal database")
    table = Table(
        f"gaps-{code.lower()}",
        _("National provisions linked to each article"),
        [_("Article"), _("Heading")] + [name_of(c) for c in report.countries],
    )
    for a in report.articles:
        table.rows.append([a.num or a.eid, a.heading] + [a.linked.get(c, 0) for c in report.countries])
    table.source = _("Source: implementation links curated by the unions' lawyers.")
    return page(request, "observatory/gaps.html", {"report": report, "table": table}, [table])


def desk_page(request: HttpRequest) -> HttpResponse:
    """The advisory desk's anonymised figures, as the desk provides them (see ``providers.py``)."""
    from ..providers import tables

    provided = tables("desk")
    return page(request, "observatory/desk.html", {"provided": provided is not None}, provided or [])
