"""Dated legal quantities of the region: minimum wage, stay limits, notice periods, leave, working week …

One YAML file per quantity, values keyed by the day they start, each with the provision it comes from
(the format is in :mod:`kenes.quantities.model`). The rights checks, the portal's comparison of countries
and the observatory all read them from here, so a figure is written once and cited the same everywhere.
Plain Python: no Django, nothing of Kenes above this package.

The files live in one folder per kind, then per country (``eaeu`` for the Union's own rules):

* ``law/<country>/<name>.yaml`` — figures the law sets;
* ``statistics/<country>/<name>.yaml`` — published statistics (a median wage): not law, never cited as law;
* ``policy/<country>/<name>.yaml`` — choices such as the unions' minimum-to-median target.

A name (``kz/minimum_wage``) is unique across the kinds.

>>> import datetime as dt
>>> v = value("kz", "stay_limit_days", dt.date(2026, 1, 1))
>>> v.value, v.unit, v.kind, v.reference.eid
(90, 'day', 'law', 'art_6__para_4')
>>> exists("tj", "no_such_quantity")
False
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from kenes.quantities.model import (
    KINDS,
    STATUSES,
    DatedValue,
    NoValue,
    Quantity,
    QuantityFileError,
    Reference,
    parse,
)

__all__ = [
    "DATA_DIR",
    "KINDS",
    "STATUSES",
    "DatedValue",
    "NoValue",
    "Quantity",
    "QuantityFileError",
    "Reference",
    "all_quantities",
    "exists",
    "get",
    "parse",
    "value",
    "value_or_none",
]

#: The package folder: ``<kind>/<country>/<name>.yaml`` below it.
DATA_DIR = Path(__file__).resolve().parent


@cache
def _paths() -> dict[tuple[str, str], tuple[str, Path]]:
    """(country, name) → (kind, file), refusing a name given twice in two kinds."""
    found: dict[tuple[str, str], tuple[str, Path]] = {}
    for kind in KINDS:
        for path in sorted((DATA_DIR / kind).glob("*/*.yaml")):
            key = (path.parent.name, path.stem)
            if key in found:
                raise QuantityFileError(f"{key[0]}/{key[1]} is both {found[key][0]} and {kind}")
            found[key] = (kind, path)
    return found


def exists(country: str, name: str) -> bool:
    return (country, name) in _paths()


@cache
def get(country: str, name: str) -> Quantity:
    """The quantity ``<country>/<name>`` with all its dated values; KeyError when there is no such file."""
    try:
        kind, path = _paths()[(country, name)]
    except KeyError:
        raise KeyError(f"no quantity {country}/{name}") from None
    return parse(f"{country}/{name}", path.read_text(encoding="utf-8"), kind)


def value(country: str, name: str, on: dt.date) -> DatedValue:
    """The value of ``<country>/<name>`` in force on ``on``; :class:`NoValue` when none is, KeyError when
    Kenes holds no such quantity at all."""
    return get(country, name).at(on)


def value_or_none(country: str, name: str, on: dt.date) -> DatedValue | None:
    """As :func:`value`, but ``None`` where Kenes holds no such quantity or none is in force on ``on``:
    for a page or a figure that shows what is known and leaves a gap for the rest."""
    if not exists(country, name):
        return None
    try:
        return value(country, name, on)
    except NoValue:
        return None


def all_quantities(kind: str | None = None) -> list[Quantity]:
    """Every quantity (of one kind, if given), by country then name."""
    return [get(c, n) for (c, n), (k, _path) in sorted(_paths().items()) if kind in (None, k)]
