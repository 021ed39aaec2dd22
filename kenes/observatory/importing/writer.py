"""Writing checked rows: one transaction, existing rows compared, only differences written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ..catalogue import KNOWN
from ..freshness import bump
from .files import read_records
from .formats import BadRow, Row, TreatyRow, detect, period_year


@dataclass(frozen=True)
class SourceInfo:
    name: str
    dated: dt.date | None = None
    url: str = ""
    licence: str = ""


@dataclass
class ImportResult:
    file: str
    format: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    kept: int = 0
    series: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.format == "treaty-status":
            return (
                f"{self.file} ({self.format}): {self.created} treaty statuses added, {self.updated} updated, "
                f"{self.unchanged} unchanged"
            )
        return (
            f"{self.file} ({self.format}): {self.created} values added, {self.updated} updated, "
            f"{self.unchanged} unchanged in {self.series} series"
            + (f"; {self.skipped} rows not read (not totals)" if self.skipped else "")
            + (f"; {self.kept} values from another source kept" if self.kept else "")
        )


def _check(rows: list[Row]) -> dict[tuple, Row]:
    """Every (series, period) once; the same key twice with different values is an error."""
    by_key: dict[tuple, Row] = {}
    for row in rows:
        key = (row.series_key, row.period)
        seen = by_key.get(key)
        if seen is not None and seen.value != row.value:
            raise BadRow(
                row.line,
                f"{row.indicator} {row.country} {row.period} is {seen.value} on line "
                f"{seen.line} and {row.value} here",
            )
        by_key.setdefault(key, row)
    return by_key


def _indicators(rows: list[Row]):
    from ..models import Indicator

    codes = {r.indicator for r in rows}
    existing = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    for row in rows:
        if row.indicator in existing:
            continue
        known = KNOWN.get(row.indicator)
        if known is not None:
            name, unit, definition = known.name, known.unit, known.definition
        elif row.indicator_name and row.unit:
            name, unit, definition = row.indicator_name, row.unit, row.definition
        else:
            raise BadRow(
                row.line, f"unknown indicator {row.indicator!r}: add indicator_name and unit columns"
            )
        existing[row.indicator] = Indicator.objects.create(
            code=row.indicator, name=name, unit=unit, definition=definition
        )
    return existing


def _write_values(by_key: dict[tuple, Row], source, result: ImportResult, keep_others: bool) -> None:
    from ..models import Series, Value

    rows = list(by_key.values())
    indicators = _indicators(rows)
    keys = {r.series_key for r in rows}
    series: dict[tuple, Series] = {}
    for s in Series.objects.filter(indicator__code__in={k[0] for k in keys}).select_related("indicator"):
        series[(s.indicator.code, s.country, s.origin, s.destination, s.breakdown)] = s
    missing = [
        Series(indicator=indicators[k[0]], country=k[1], origin=k[2], destination=k[3], breakdown=k[4])
        for k in keys
        if k not in series
    ]
    Series.objects.bulk_create(missing, batch_size=1000)
    if missing:
        for s in Series.objects.filter(indicator__code__in={k[0] for k in keys}).select_related("indicator"):
            series[(s.indicator.code, s.country, s.origin, s.destination, s.breakdown)] = s
    result.series = len(keys)
    ids = [series[k].pk for k in keys]
    existing: dict[tuple[int, str], Value] = {}
    for start in range(0, len(ids), 500):
        for v in Value.objects.filter(series_id__in=ids[start : start + 500]):
            existing[(v.series_id, v.period)] = v
    new, changed = [], []
    for (key, period), row in by_key.items():
        s = series[key]
        old = existing.get((s.pk, period))
        if old is None:
            year = period_year(row.line, period)[1]
            new.append(
                Value(series=s, period=period, year=year, value=row.value, source=source, notes=row.notes)
            )
        elif keep_others and old.source_id != source.pk:
            result.kept += 1
        elif Decimal(old.value) != row.value or old.source_id != source.pk or old.notes != row.notes:
            old.value, old.source, old.notes = row.value, source, row.notes
            changed.append(old)
        else:
            result.unchanged += 1
    Value.objects.bulk_create(new, batch_size=2000)
    Value.objects.bulk_update(changed, ["value", "source", "notes"], batch_size=2000)
    refresh_last_periods(ids)
    result.created, result.updated = len(new), len(changed)


def refresh_last_periods(series_ids: list[int]) -> None:
    """Set each series' ``last_period`` from its values (one UPDATE per batch, a correlated subquery)."""
    from django.db.models import Max, OuterRef, Subquery

    from ..models import Series, Value

    latest = (
        Value.objects.filter(series_id=OuterRef("pk"))
        .order_by()
        .values("series_id")
        .annotate(p=Max("period"))
    )
    for start in range(0, len(series_ids), 500):
        Series.objects.filter(pk__in=series_ids[start : start + 500]).update(
            last_period=Subquery(latest.values("p")[:1])
        )


def _write_treaties(rows: list[TreatyRow], source, result: ImportResult) -> None:
    from ..models import TreatyStatus

    for row in rows:
        _obj, created = TreatyStatus.objects.get_or_create(
            treaty=row.treaty,
            country=row.country,
            defaults={"status": row.status, "year": row.year, "source": source, "notes": row.notes},
        )
        if created:
            result.created += 1
        elif (_obj.status, _obj.year, _obj.source_id, _obj.notes) != (
            row.status,
            row.year,
            source.pk,
            row.notes,
        ):
            _obj.status, _obj.year, _obj.source, _obj.notes = row.status, row.year, source, row.notes
            _obj.save()
            result.updated += 1
        else:
            result.unchanged += 1


def import_stats(path: Path, source: SourceInfo, *, keep_others: bool = False) -> ImportResult:
    """Import one file; raises :class:`BadRow` (nothing written) for the first row it cannot use.

    ``keep_others``: leave a value alone when another source wrote it (the demo loader must never undo an
    editor's correction); by default a file imported by hand replaces it, as the person asked.
    """
    from ..models import Source

    if not source.name.strip():
        raise BadRow(0, "name the source (--source)")
    header, records = read_records(path)
    fmt = detect(header)
    parsed = list(fmt.read(records, header))
    result = ImportResult(file=path.name, format=fmt.name)
    result.skipped = len(records) - len({r.line for r in parsed}) if fmt.name == "ilostat" else 0
    checked = _check([r for r in parsed if isinstance(r, Row)])
    treaty_rows = [r for r in parsed if isinstance(r, TreatyRow)]
    with transaction.atomic():
        src, _ = Source.objects.get_or_create(
            name=source.name.strip(),
            dated=source.dated,
            defaults={"url": source.url, "licence": source.licence},
        )
        if treaty_rows:
            _write_treaties(treaty_rows, src, result)
        if checked:
            _write_values(checked, src, result, keep_others)
        if result.created or result.updated:
            bump()  # bulk writes send no signals; cached pages must not outlive what they show
    return result
