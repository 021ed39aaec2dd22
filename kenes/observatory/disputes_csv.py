"""Collective labour disputes from CSV (or XLSX): one dispute a row, keyed by its register ``reference``.

Columns: ``reference, country, employer, started_on`` (required); ``sector, region, union,
workers_involved, demands, outcome, outcome_on, source, notes``; and per stage of the Labour Code its
start date, ``conciliation_on, mediation_on, arbitration_on, strike_on``. A row replaces the dispute of the
same reference, stages included, so importing a corrected register is safe and importing it twice is a no-op.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from .importing.files import read_records
from .importing.formats import BadRow, country

STAGE_COLUMNS = {
    "conciliation_on": "conciliation",
    "mediation_on": "mediation",
    "arbitration_on": "arbitration",
    "strike_on": "strike",
}
REQUIRED = ("reference", "country", "employer", "started_on")


@dataclass
class DisputeImport:
    file: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return (
            f"{self.file}: {self.created} disputes added, {self.updated} updated, {self.unchanged} unchanged"
        )


def _date(line: int, column: str, text: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise BadRow(line, f"{column}: {text!r} is not a date (YYYY-MM-DD)") from None


def _parse(line: int, rec: dict[str, str]) -> tuple[dict, dict[str, dt.date]]:
    from .models import Dispute

    for column in REQUIRED:
        if not rec.get(column, "").strip():
            raise BadRow(line, f"{column} is empty")
    outcome = rec.get("outcome", "").strip().lower()
    if outcome and outcome not in Dispute.Outcome.values:
        raise BadRow(line, f"outcome {outcome!r} is not one of {', '.join(Dispute.Outcome.values)}")
    workers = rec.get("workers_involved", "").strip()
    if workers and not workers.isdigit():
        raise BadRow(line, f"workers_involved: {workers!r} is not a whole number")
    fields = {
        "country": country(line, "country", rec["country"]),
        "employer": rec["employer"].strip(),
        "sector": rec.get("sector", "").strip(),
        "region": rec.get("region", "").strip(),
        "union": rec.get("union", "").strip(),
        "workers_involved": int(workers) if workers else None,
        "demands": rec.get("demands", "").strip(),
        "started_on": _date(line, "started_on", rec["started_on"]),
        "outcome": outcome,
        "outcome_on": _date(line, "outcome_on", rec.get("outcome_on", "")),
        "source": rec.get("source", "").strip(),
        "notes": rec.get("notes", "").strip(),
    }
    stages = {
        kind: day
        for column, kind in STAGE_COLUMNS.items()
        if (day := _date(line, column, rec.get(column, ""))) is not None
    }
    probe = Dispute(reference=rec["reference"].strip(), **fields)
    try:
        probe.clean()
    except ValidationError as exc:
        raise BadRow(line, "; ".join(exc.messages)) from None
    for kind, day in stages.items():
        if day < fields["started_on"]:
            raise BadRow(line, f"the {kind} stage starts before the dispute")
    return fields, stages


def import_disputes(path: Path) -> DisputeImport:
    from .models import Dispute, DisputeStage

    header, records = read_records(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise BadRow(1, f"missing column(s): {', '.join(missing)}")
    parsed = []
    seen: dict[str, int] = {}
    for line, rec in records:
        reference = rec.get("reference", "").strip()
        if reference in seen:
            raise BadRow(line, f"reference {reference!r} already on line {seen[reference]}")
        seen[reference] = line
        parsed.append((reference, *_parse(line, rec)))
    result = DisputeImport(file=path.name)
    with transaction.atomic():
        for reference, fields, stages in parsed:
            dispute = Dispute.objects.filter(reference=reference).first()
            old_stages = {s.kind: s.started_on for s in dispute.stages.all()} if dispute is not None else None
            if dispute is None:
                dispute = Dispute.objects.create(reference=reference, **fields)
                result.created += 1
            elif all(getattr(dispute, k) == v for k, v in fields.items()) and old_stages == stages:
                result.unchanged += 1
                continue
            else:
                for key, value in fields.items():
                    setattr(dispute, key, value)
                dispute.save()
                result.updated += 1
            dispute.stages.exclude(kind__in=stages).delete()
            for kind, day in stages.items():
                DisputeStage.objects.update_or_create(
                    dispute=dispute, kind=kind, defaults={"started_on": day}
                )
    return result
