"""Dated legal quantities read from ``parameters/<country>/<name>.yaml`` (OpenFisca country-template style).

Why YAML and not constants: a lawyer must be able to check each number against its source, and the law
changes on dates, so every value is keyed by the day it starts and carries where it comes from::

    description: Максимальное суммарное число дней пребывания …
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
year). ``status`` is ``verified`` (implied by a ``reference`` to text in our corpus), ``unverified``
(``source_needed`` says what to read; the value may be ``null`` when nobody knows it) or ``policy`` (a
choice such as the unions' target share, with the reference that motivates it). Answers built on an
unverified value send the person to an advisory centre; a value whose ``last_verified`` is older than
:data:`STALE_AFTER_DAYS` adds a warning that it needs checking again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kenes.rights import yamlfile
from kenes.rights.i18n import _
from kenes.rights.works import WORKS, Citation, cite

#: Where the YAML files live: one folder per country code (plus ``eaeu`` for the Union's own rules).
PARAMETERS_DIR = Path(__file__).resolve().parent / "parameters"

#: A value not compared with its source for longer than this is reported as possibly out of date. A
#: year, because most of the quantities (minimum wage, budget-law figures) change at most once a year.
STALE_AFTER_DAYS = 365

STATUSES = ("verified", "unverified", "policy")
_ENTRY_KEYS = {"value", "reference", "status", "source_needed", "reported_by", "edition", "note", "until"}
_ENTRY_KEYS |= {"last_verified"}


class ParameterFileError(ValueError):
    """A parameter file breaks the format above: a data bug, caught by the test suite, never by users."""


class NoValue(LookupError):
    """No value of the parameter is in force on the date asked (before its first key, or after ``until``)."""

    def __init__(self, name: str, on: dt.date, source_needed: str | None = None) -> None:
        super().__init__(f"{name}: no value in force on {on.isoformat()}")
        self.name = name
        self.on = on
        self.source_needed = source_needed


@dataclass(frozen=True)
class ParameterValue:
    """One dated value with its provenance, as a rule uses it and as an answer reports it."""

    name: str
    description: str
    unit: str
    value: Any
    start: dt.date
    until: dt.date | None
    status: str
    last_verified: dt.date | None
    reference: Citation | None = None
    source_needed: str | None = None
    reported_by: str | None = None
    edition: str | None = None
    note: str | None = None

    @property
    def verified(self) -> bool:
        return self.status != "unverified"

    def is_stale(self, today: dt.date) -> bool:
        if self.last_verified is None:
            return True
        return (today - self.last_verified).days > STALE_AFTER_DAYS

    def staleness_warning(self, today: dt.date) -> str | None:
        if not self.is_stale(today):
            return None
        if self.last_verified is None:
            return _("{name} has never been checked against its source: the law may differ.").format(
                name=self.name
            )
        return _(
            "{name} was last checked against its source on {day}, more than {n} days ago: the law may have "
            "changed since."
        ).format(name=self.name, day=self.last_verified.isoformat(), n=STALE_AFTER_DAYS)

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


@dataclass(frozen=True)
class Parameter:
    """All dated values of one quantity, oldest first."""

    name: str
    description: str
    unit: str
    values: tuple[ParameterValue, ...] = field(default_factory=tuple)

    def at(self, on: dt.date) -> ParameterValue:
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
        raise ParameterFileError(f"{what}: expected a date (YYYY-MM-DD), got {raw!r}")
    return raw


def _entry(name: str, description: str, unit: str, start: Any, raw: Any) -> ParameterValue:
    where = f"{name} @ {start}"
    start = _as_date(start, where)
    if not isinstance(raw, dict) or "value" not in raw:
        raise ParameterFileError(f"{where}: each dated entry is a mapping with a 'value'")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ParameterFileError(f"{where}: unknown keys {sorted(unknown)}")
    status = raw.get("status", "verified" if "reference" in raw else None)
    if status not in STATUSES:
        raise ParameterFileError(f"{where}: give a 'reference' or a status among {STATUSES}")
    reference = None
    if "reference" in raw:
        ref = raw["reference"]
        if not isinstance(ref, dict) or set(ref) - {"work", "eid", "label"} or "eid" not in ref:
            raise ParameterFileError(f"{where}: reference is {{work, eid, label}}")
        if ref.get("work") not in WORKS:
            raise ParameterFileError(f"{where}: unknown work {ref.get('work')!r}")
        try:
            reference = cite(ref["work"], ref["eid"])
        except ValueError as exc:
            raise ParameterFileError(f"{where}: {exc}") from exc
        if "label" in ref and ref["label"] != reference.label:
            raise ParameterFileError(f"{where}: label {ref['label']!r} should read {reference.label!r}")
    if status == "verified" and (reference is None or not reference.verified):
        raise ParameterFileError(f"{where}: a verified value needs a reference to text in our corpus")
    if status == "unverified" and not raw.get("source_needed"):
        raise ParameterFileError(f"{where}: an unverified value must say which source would settle it")
    if status == "policy" and (reference is None or not raw.get("note")):
        raise ParameterFileError(f"{where}: a policy value needs the reference motivating it and a note")
    if raw["value"] is None and status != "unverified":
        raise ParameterFileError(f"{where}: only an unverified entry may leave its value unknown (null)")
    last = raw.get("last_verified")
    until = raw.get("until")
    return ParameterValue(
        name=name,
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


def parse(name: str, text: str) -> Parameter:
    """Read one parameter file's text; ``name`` is ``<country>/<quantity>``."""
    data = yamlfile.load(text)
    if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
        raise ParameterFileError(f"{name}: a parameter file has 'description', 'unit' and 'values'")
    description = str(data.get("description", "")).strip()
    unit = str(data.get("unit", ""))
    if not description or not unit:
        raise ParameterFileError(f"{name}: 'description' and 'unit' are required")
    values = sorted(
        (_entry(name, description, unit, k, v) for k, v in data["values"].items()), key=lambda v: v.start
    )
    if not values:
        raise ParameterFileError(f"{name}: no values")
    return Parameter(name, description, unit, tuple(values))


@cache
def load(country: str, name: str) -> Parameter:
    """The parameter ``<country>/<name>``; raises KeyError for a file that does not exist."""
    path = PARAMETERS_DIR / country / f"{name}.yaml"
    if not path.is_file():
        raise KeyError(f"no parameter file {country}/{name}.yaml")
    return parse(f"{country}/{name}", path.read_text(encoding="utf-8"))


def exists(country: str, name: str) -> bool:
    return (PARAMETERS_DIR / country / f"{name}.yaml").is_file()


def parameter(country: str, name: str, on: dt.date) -> ParameterValue:
    """The value of ``<country>/<name>`` in force on ``on`` (raises :class:`NoValue` if none is).

    Staleness is not judged here because it depends on today's date: use
    :meth:`ParameterValue.staleness_warning` (answers do it for you).
    """
    return load(country, name).at(on)


def all_parameters() -> list[Parameter]:
    """Every parameter file, for documentation and for the test that checks them all."""
    out = []
    for path in sorted(PARAMETERS_DIR.glob("*/*.yaml")):
        out.append(load(path.parent.name, path.stem))
    return out
