"""``GET /api/observatory/series``: a country's statistical series with their values and sources."""

from __future__ import annotations

import datetime as dt
import re

from django.db.models import Q
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from kenes.site.errors import ApiError

router = Router(tags=["observatory"])

COUNTRY = re.compile(r"[A-Za-z]{2}")
#: Years a series may hold (a larger number is no year, and SQLite cannot even compare with it: a 500).
FIRST_YEAR, LAST_YEAR = 1, 9999

#: For the OpenAPI document (kenes.api.KenesAPI): the country the view checks itself (a 400 naming it).
OPENAPI_PARAMETERS = {("get", "/api/observatory/series", "country"): {"pattern": f"^{COUNTRY.pattern}$"}}


class SeriesParams(Schema):
    country: str = Field(
        ..., description="ISO 3166-1 alpha-2 code, e.g. kz; corridors from or to it are included"
    )
    indicator: str | None = Field(None, description="indicator code, e.g. ear_inee_noc_nb")
    from_: int | None = Field(None, alias="from", ge=FIRST_YEAR, le=LAST_YEAR, description="first year")
    to: int | None = Field(None, ge=FIRST_YEAR, le=LAST_YEAR, description="last year")


class SourceOut(Schema):
    name: str
    date: dt.date | None
    url: str
    licence: str


class ValueOut(Schema):
    period: str
    value: float
    source: SourceOut
    notes: str


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    definition: str


class SeriesOut(Schema):
    indicator: IndicatorOut
    country: str
    origin: str
    destination: str
    breakdown: str
    values: list[ValueOut]


class SeriesList(Schema):
    country: str
    series: list[SeriesOut]


@router.get("/series", response=SeriesList, summary="A country's series with values and sources")
def series(request: HttpRequest, params: Query[SeriesParams]) -> dict:
    from .models import Series, Source, Value

    if not COUNTRY.fullmatch(params.country):  # fullmatch: "kz\n" is no code (re's $ allows the newline)
        raise ApiError(
            400, f"country {params.country!r} is not an ISO 3166-1 alpha-2 code such as kz", "invalid"
        )
    if params.from_ is not None and params.to is not None and params.from_ > params.to:
        raise ApiError(400, f"from={params.from_} is after to={params.to}", "invalid")
    country = params.country.lower()
    found = Series.objects.filter(Q(country=country) | Q(origin=country) | Q(destination=country))
    if params.indicator:
        found = found.filter(indicator__code=params.indicator)
    found = list(found.select_related("indicator"))
    # no join of the sources: with it PostgreSQL planned a parallel scan whose workers cost ~20 ms
    values = Value.objects.filter(series__in=found).order_by("series_id", "period")
    if params.from_ is not None:
        values = values.filter(year__gte=params.from_)
    if params.to is not None:
        values = values.filter(year__lte=params.to)
    values = list(values)
    cited = Source.objects.in_bulk({v.source_id for v in values})
    by_series: dict[int, list[dict]] = {}
    sources: dict[int, dict] = {}
    for v in values:
        s = cited[v.source_id]
        src = sources.setdefault(
            v.source_id, {"name": s.name, "date": s.dated, "url": s.url, "licence": s.licence}
        )
        by_series.setdefault(v.series_id, []).append(
            {"period": v.period, "value": float(v.value), "source": src, "notes": v.notes}
        )
    out = []
    for s in found:
        if s.pk not in by_series:
            continue
        ind = s.indicator
        out.append(
            {
                "indicator": {
                    "code": ind.code,
                    "name": ind.name,
                    "unit": ind.unit,
                    "definition": ind.definition,
                },
                "country": s.country,
                "origin": s.origin,
                "destination": s.destination,
                "breakdown": s.breakdown,
                "values": by_series[s.pk],
            }
        )
    return {"country": country, "series": out}
