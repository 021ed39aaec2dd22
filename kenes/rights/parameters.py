"""The dated legal quantities as a rule uses them: values of :mod:`kenes.quantities` with their citation.

The figures themselves (minimum wage, stay limits, notice periods …) and their YAML files live in
:mod:`kenes.quantities`, which the portal's comparison and the observatory read too. What is the rights
engine's own is how a value enters an answer: its reference becomes a
:class:`~kenes.rights.works.CitedProvision` (label in the work's language, ``verified`` only when we hold
the text), and a value not compared with its source for longer than :data:`STALE_AFTER_DAYS` adds a
warning to every answer that uses it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from kenes import quantities
from kenes.quantities import NoValue, Quantity
from kenes.quantities import QuantityFileError as ParameterFileError
from kenes.rights.i18n import _
from kenes.rights.works import WORKS, CitedProvision, cite

__all__ = [
    "STALE_AFTER_DAYS",
    "NoValue",
    "ParameterFileError",
    "ParameterValue",
    "all_parameters",
    "exists",
    "parameter",
    "parse",
]

#: A value not compared with its source for longer than this is reported as possibly out of date. A
#: year, because most of the quantities (minimum wage, budget-law figures) change at most once a year.
STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class ParameterValue(quantities.DatedValue):
    """One dated value with its provenance, as a rule uses it and as an answer reports it: the quantity's
    value, its reference as the engine cites it (:func:`citation`)."""

    reference: CitedProvision | None = None  # type: ignore[assignment]

    def is_stale(self, today: dt.date, after_days: int = STALE_AFTER_DAYS) -> bool:
        return super().is_stale(today, after_days)

    def staleness_warning(self, today: dt.date) -> str | None:
        if not self.is_stale(today):
            return None
        if self.last_verified is None:
            return _(
                "A figure this answer uses has never been checked against its source: the law may differ."
            )
        return _(
            "A figure this answer uses was last checked against its source on {day}, more than {n} days ago: "
            "the law may have changed since."
        ).format(day=self.last_verified.isoformat(), n=STALE_AFTER_DAYS)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "in_force_from": self.start.isoformat(),
            "in_force_until": self.until.isoformat() if self.until else None,
            "status": self.status,
            "reference": self.reference.to_dict() if self.reference else None,
            "source_needed": self.source_needed,
            "last_verified": self.last_verified.isoformat() if self.last_verified else None,
        }


def citation(value: quantities.DatedValue) -> CitedProvision | None:
    """The value's reference as the engine cites it; refuses a label that does not match its eId, and a
    verified value whose text we do not hold (the rights engine only vouches for what it can show)."""
    ref = value.reference
    if ref is None:
        return None
    where = f"{value.name} @ {value.start}"
    if ref.work not in WORKS:
        raise ParameterFileError(f"{where}: unknown work {ref.work!r}")
    try:
        found = cite(ref.work, ref.eid)
    except ValueError as exc:
        raise ParameterFileError(f"{where}: {exc}") from exc
    if ref.label != found.label:
        raise ParameterFileError(f"{where}: label {ref.label!r} should read {found.label!r}")
    if value.status == "verified" and not found.verified:
        raise ParameterFileError(f"{where}: a verified value needs a reference to text in our corpus")
    return found


def _adapt(value: quantities.DatedValue) -> ParameterValue:
    kept = {f.name: getattr(value, f.name) for f in fields(value)}
    return ParameterValue(**{**kept, "reference": citation(value)})


def parse(name: str, text: str) -> Quantity:
    """Read a quantity file's text and check its references as the engine would cite them."""
    found = quantities.parse(name, text)
    for value in found.values:
        citation(value)
    return found


@cache
def _adapted(country: str, name: str, start: dt.date) -> ParameterValue:
    return _adapt(next(v for v in quantities.get(country, name).values if v.start == start))


def exists(country: str, name: str) -> bool:
    return quantities.exists(country, name)


def parameter(country: str, name: str, on: dt.date) -> ParameterValue:
    """The value of ``<country>/<name>`` in force on ``on`` (raises :class:`NoValue` if none is).

    Staleness is not judged here because it depends on today's date: use
    :meth:`ParameterValue.staleness_warning` (answers do it for you).
    """
    found = quantities.value(country, name, on)
    return _adapted(country, name, found.start)


def all_parameters() -> list[Quantity]:
    """Every quantity file, for documentation and for the tests that check them all."""
    return quantities.all_quantities()
