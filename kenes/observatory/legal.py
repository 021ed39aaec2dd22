"""The dated quantities the observatory reads — ``kenes.quantities``, the same files the rights checks use,
never a copy. One module reads them, so the minimum wage monitor has a single seam to the package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class LegalFigure:
    """A quantity as in force on a day, with what a page needs to cite it."""

    value: Decimal | None
    unit: str
    status: str  # verified | unverified | policy
    kind: str  # law | statistics | policy (the quantities' folders)
    in_force_from: dt.date
    cites: str  # the provision's label, or what source would settle an unverified value


def legal_figure(country: str, name: str, on: dt.date) -> LegalFigure | None:
    """``country``'s quantity ``name`` (``minimum_wage``, ``median_wage``, ``minimum_wage_target_share``) in
    force on ``on``; ``None`` where the quantities hold no file or no value for that day."""
    from kenes import quantities

    found = quantities.value_or_none(country, name, on)
    if found is None:
        return None
    cites = found.reference.label if found.reference else (found.source_needed or found.reported_by or "")
    value = None if found.value is None else Decimal(str(found.value))
    return LegalFigure(value, found.unit, found.status, found.kind, found.start, cites)
