"""The dated legal quantities the observatory reads — the same ones the rights checks use, never a copy.

One module reads them, so the minimum wage monitor has a single seam to the quantities package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache


@dataclass(frozen=True)
class LegalFigure:
    """A legal quantity as in force on a day, with what a page needs to cite it."""

    value: Decimal | None
    unit: str
    status: str  # verified | unverified | policy
    in_force_from: dt.date
    cites: str  # the provision's label, or what source would settle an unverified value


@cache
def _has_file(country: str, name: str) -> bool:
    """The quantities are files shipped with the code: whether one exists cannot change while running."""
    from kenes.rights import parameters

    return parameters.exists(country, name)


def legal_figure(country: str, name: str, on: dt.date) -> LegalFigure | None:
    """``country``'s quantity ``name`` (``minimum_wage``, ``median_wage``, ``minimum_wage_target_share``) in
    force on ``on``; ``None`` where the quantities hold no file or no value for that day."""
    from kenes.rights import parameters

    if not _has_file(country, name):
        return None
    try:
        found = parameters.parameter(country, name, on)
    except parameters.NoValue:
        return None
    cites = found.reference.label if found.reference else (found.source_needed or found.reported_by or "")
    value = None if found.value is None else Decimal(str(found.value))
    return LegalFigure(value, found.unit, found.status, found.start, cites)
