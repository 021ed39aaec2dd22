"""One dated quantity and how its YAML file is read (OpenFisca country-template style).

Why YAML and not constants: a lawyer must be able to check each number against its source, and the law
changes on dates, so every value is keyed by the day it starts and carries where it comes from::

    description: Most days in total a visa-free immigrant may stay …
    unit: day
    values:
      2025-09-27:
        value: 90
        reference: {work: /akn/kz/act/law/2011-07-22/477-iv, eid: art_6__para_4,
                    label: п. 4 ст. 6 Закона РК «О миграции населения»}
        edition: …                      # which edition of the text we read, when it matters
        last_verified: 2026-11-23       # the day someone compared the value with the text
      2015-01-01:
        value: 90
        status: unverified              # we could not read the source in our corpus …
        source_needed: …                # … and this is what would settle it
        last_verified: 2026-11-23

A value is in force from its key until the next key (or its own ``until``, for values fixed per budget
year). ``status`` is ``verified`` (implied by a ``reference`` to a provision), ``unverified``
(``source_needed`` says what to read; the value may be ``null`` when nobody knows it) or ``policy`` (a
choice such as the unions' target share, with the reference that motivates it and a ``note``).

>>> q = parse("xx/limit", "description: d\\nunit: day\\nvalues:\\n"
...     "  2020-01-01: {value: 5, status: unverified, source_needed: s}\\n"
...     "  2021-01-01: {value: 7, status: unverified, source_needed: t}")
>>> q.at(dt.date(2020, 6, 1)).value, q.at(dt.date(2021, 1, 1)).value
(5, 7)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kenes.lex.akn.uri import parse as parse_uri
from kenes.lex.akn.uri import provision_uri
from kenes.quantities import yamlfile

STATUSES = ("verified", "unverified", "policy")
#: What a quantity is: a figure the law sets, a published statistic, or a policy choice.
KINDS = ("law", "statistics", "policy")
_ENTRY_KEYS = {"value", "reference", "status", "source_needed", "reported_by", "edition", "note", "until"}
_ENTRY_KEYS |= {"last_verified"}


class QuantityFileError(ValueError):
    """A quantity file breaks the format above: a data bug, caught by the test suite, never by users."""


class NoValue(LookupError):
    """No value of the quantity is in force on the date asked (before its first key, or after ``until``)."""

    def __init__(self, name: str, on: dt.date, source_needed: str | None = None) -> None:
        super().__init__(f"{name}: no value in force on {on.isoformat()}")
        self.name = name
        self.on = on
        self.source_needed = source_needed


@dataclass(frozen=True)
class Reference:
    """The provision a value comes from: a work's FRBR URI, the provision's eId, a label a person reads."""

    work: str
    eid: str
    label: str

    @property
    def reader_path(self) -> str:
        """The provision's address in the legal database (``/akn/…/~art_6__para_4``), language-free."""
        return provision_uri(self.work, self.eid)


@dataclass(frozen=True)
class DatedValue:
    """One value with its dates and provenance."""

    name: str  # "<country>/<quantity>"
    kind: str
    description: str
    unit: str
    value: Any
    start: dt.date
    until: dt.date | None
    status: str
    last_verified: dt.date | None
    reference: Reference | None = None
    source_needed: str | None = None
    reported_by: str | None = None
    edition: str | None = None
    note: str | None = None

    @property
    def verified(self) -> bool:
        return self.status != "unverified"

    def is_stale(self, today: dt.date, after_days: int) -> bool:
        """Not compared with its source for more than ``after_days`` days (or never)."""
        if self.last_verified is None:
            return True
        return (today - self.last_verified).days > after_days


@dataclass(frozen=True)
class Quantity:
    """All dated values of one quantity, oldest first."""

    name: str
    kind: str
    description: str
    unit: str
    values: tuple[DatedValue, ...] = field(default_factory=tuple)

    @property
    def country(self) -> str:
        return self.name.split("/")[0]

    def at(self, on: dt.date) -> DatedValue:
        """The value in force on ``on``; raises :class:`NoValue` when none is."""
        current = None
        for v in self.values:
            if v.start <= on:
                current = v
        if current is None or (current.until is not None and on > current.until):
            hint = current.source_needed if current else None
            raise NoValue(self.name, on, hint)
        return current


def _as_date(raw: Any, what: str) -> dt.date:
    if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
        raise QuantityFileError(f"{what}: expected a date (YYYY-MM-DD), got {raw!r}")
    return raw


def _is_work_uri(text: str) -> bool:
    """A work's FRBR URI (no language, provision or format), so ``reader_path`` can name its provision."""
    try:
        return parse_uri(text).work_uri == text
    except ValueError:
        return False


def _reference(raw: Any, where: str) -> Reference:
    if not isinstance(raw, dict) or set(raw) != {"work", "eid", "label"}:
        raise QuantityFileError(f"{where}: a reference is {{work, eid, label}}")
    if not _is_work_uri(str(raw["work"])) or not raw["eid"] or not raw["label"]:
        raise QuantityFileError(f"{where}: a reference names an /akn/ work, an eId and a label")
    return Reference(str(raw["work"]), str(raw["eid"]), str(raw["label"]))


def _entry(name: str, kind: str, description: str, unit: str, start: Any, raw: Any) -> DatedValue:
    where = f"{name} @ {start}"
    start = _as_date(start, where)
    if not isinstance(raw, dict) or "value" not in raw:
        raise QuantityFileError(f"{where}: each dated entry is a mapping with a 'value'")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise QuantityFileError(f"{where}: unknown keys {sorted(unknown)}")
    status = raw.get("status", "verified" if "reference" in raw else None)
    if status not in STATUSES:
        raise QuantityFileError(f"{where}: give a 'reference' or a status among {STATUSES}")
    reference = _reference(raw["reference"], where) if "reference" in raw else None
    if status == "verified" and reference is None:
        raise QuantityFileError(f"{where}: a verified value needs a reference to the provision")
    if status == "unverified" and not raw.get("source_needed"):
        raise QuantityFileError(f"{where}: an unverified value must say which source would settle it")
    if status == "policy" and (reference is None or not raw.get("note")):
        raise QuantityFileError(f"{where}: a policy value needs the reference motivating it and a note")
    if raw["value"] is None and status != "unverified":
        raise QuantityFileError(f"{where}: only an unverified entry may leave its value unknown (null)")
    last = raw.get("last_verified")
    until = raw.get("until")
    return DatedValue(
        name=name,
        kind=kind,
        description=description,
        unit=unit,
        value=raw["value"],
        start=start,
        until=_as_date(until, where) if until is not None else None,
        status=status,
        last_verified=_as_date(last, where) if last is not None else None,
        reference=reference,
        source_needed=raw.get("source_needed"),
        reported_by=raw.get("reported_by"),
        edition=raw.get("edition"),
        note=raw.get("note"),
    )


def parse(name: str, text: str, kind: str = "law") -> Quantity:
    """Read one quantity file's text; ``name`` is ``<country>/<quantity>``."""
    data = yamlfile.load(text)
    if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
        raise QuantityFileError(f"{name}: a quantity file has 'description', 'unit' and 'values'")
    description = str(data.get("description", "")).strip()
    unit = str(data.get("unit", ""))
    if not description or not unit:
        raise QuantityFileError(f"{name}: 'description' and 'unit' are required")
    values = sorted(
        (_entry(name, kind, description, unit, k, v) for k, v in data["values"].items()),
        key=lambda v: v.start,
    )
    if not values:
        raise QuantityFileError(f"{name}: no values")
    return Quantity(name, kind, description, unit, tuple(values))
