"""How complete a country's ratification list is: "we hold 7 of the 24 ILO conventions Kazakhstan ratified".

Why: a list of ratifications that silently lacks most of them reads as "the country ratified little". Each
country's total comes from ``starter/ratification_coverage.yaml`` with its source; where no source gives the
total, the page says that instead of a number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .models import Ratification

COVERAGE_FILE = Path(__file__).resolve().parent / "starter" / "ratification_coverage.yaml"


@dataclass(frozen=True)
class Coverage:
    """What Kenes holds of one country's ILO ratifications, against the total a source gives."""

    country: str
    held: int  # ILO conventions with a recorded ratification in Kenes
    total: int | None  # the country's total per ``source``; None when no source gives it
    source: str = ""
    as_of: dt.date | None = None

    @property
    def complete(self) -> bool:
        return self.total is not None and self.held >= self.total


@cache
def _totals() -> dict[str, dict]:
    data = yaml.safe_load(COVERAGE_FILE.read_text(encoding="utf-8")) or []
    return {entry["country"]: entry for entry in data}


def coverage(country: str) -> Coverage:
    """How many of ``country``'s ILO convention ratifications Kenes holds (protocols and treaties aside)."""
    held = (
        Ratification.objects.filter(
            country_id=country, instrument__jurisdiction_id="aa-ilo", instrument__work_type="ilo-convention"
        )
        .exclude(status=Ratification.Status.PENDING)  # committed, not yet ratified
        .count()
    )
    entry = _totals().get(country)
    if entry is None:
        return Coverage(country, held, None)
    as_of = entry.get("as_of")
    return Coverage(
        country,
        held,
        int(entry["ilo_conventions"]),
        entry.get("source", ""),
        as_of if isinstance(as_of, dt.date) or as_of is None else dt.date.fromisoformat(str(as_of)),
    )
