"""Checking a situation against its rule's input schema, and turning it into Python values.

The schema each rule publishes (JSON Schema, the subset below) is the only description of its input: the
API documents it, the CLI builds its options from it, and this reader enforces it. So the three cannot
disagree. Supported: objects (no unknown keys), arrays (``maxItems``), strings with ``enum`` or a
``format`` of ``date``, ``month``, ``country`` or ``citizenship``, integers and numbers with bounds,
booleans, and ``default``.

Dates are accepted as ISO strings or ``datetime.date`` (YAML gives the latter) and must fall between
:data:`MIN_DATE` and :data:`MAX_YEARS_AHEAD` years after today: anything else is a typing error, and
refusing it early also bounds the work a request can cause.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from kenes.rights.countries import ISO_3166_ALPHA2, STATELESS
from kenes.rights.errors import InvalidSituation
from kenes.rights.i18n import _

#: Nothing before the independence of the Central Asian states is in scope.
MIN_DATE = dt.date(1991, 1, 1)
#: Plans further ahead than this are typing errors (and would only make the day-by-day search longer).
MAX_YEARS_AHEAD = 10

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")


def max_date(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year + MAX_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + MAX_YEARS_AHEAD, day=28)


def _in_range(d: dt.date, path: str, today: dt.date) -> dt.date:
    hi = max_date(today)
    if d < MIN_DATE:
        raise InvalidSituation(
            _("{day} is before {min}, out of range").format(day=d.isoformat(), min=MIN_DATE.isoformat()), path
        )
    if d > hi:
        raise InvalidSituation(
            _("{day} is more than {years} years ahead (after {max})").format(
                day=d.isoformat(), years=MAX_YEARS_AHEAD, max=hi.isoformat()
            ),
            path,
        )
    return d


def read_date(raw: Any, path: str, today: dt.date) -> dt.date:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return _in_range(raw, path, today)
    if not isinstance(raw, str) or not _ISO_DATE.match(raw.strip()):
        raise InvalidSituation(_("expected a date as YYYY-MM-DD, got {raw}").format(raw=repr(raw)), path)
    try:
        d = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidSituation(_("{raw} is not a calendar date").format(raw=repr(raw)), path) from None
    return _in_range(d, path, today)


def read_month(raw: Any, path: str, today: dt.date) -> dt.date:
    if isinstance(raw, dt.date):
        return _in_range(raw.replace(day=1), path, today)
    if not isinstance(raw, str) or not _ISO_MONTH.match(raw.strip()):
        raise InvalidSituation(_("expected a month as YYYY-MM, got {raw}").format(raw=repr(raw)), path)
    year, month = (int(x) for x in raw.strip().split("-"))
    if not 1 <= month <= 12:
        raise InvalidSituation(_("{raw} is not a month").format(raw=repr(raw)), path)
    return _in_range(dt.date(year, month, 1), path, today)


def read_country(raw: Any, path: str, *, person: bool) -> str:
    if not isinstance(raw, str):
        raise InvalidSituation(
            _("expected a two-letter country code (ISO 3166-1), got {raw}").format(raw=repr(raw)), path
        )
    code = raw.strip().lower()
    if person and code == STATELESS:
        return code
    if code not in ISO_3166_ALPHA2:
        if person:
            message = _("unknown country code {raw}: use ISO 3166-1 alpha-2 (kz, kg, uz …) or {stateless}")
        else:
            message = _("unknown country code {raw}: use ISO 3166-1 alpha-2 (kz, kg, uz …)")
        raise InvalidSituation(message.format(raw=repr(raw), stateless=repr(STATELESS)), path)
    return code


def _number(raw: Any, path: str, schema: dict[str, Any], *, integer: bool) -> int | float:
    wrong = _("expected a whole number, got {raw}") if integer else _("expected a number, got {raw}")
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise InvalidSituation(wrong.format(raw=repr(raw)), path)
    if isinstance(raw, float) and not math.isfinite(raw):
        raise InvalidSituation(wrong.format(raw=repr(raw)), path)
    if integer and isinstance(raw, float):
        if not raw.is_integer():
            raise InvalidSituation(wrong.format(raw=repr(raw)), path)
        raw = int(raw)
    lo, hi = schema.get("minimum"), schema.get("maximum")
    xlo = schema.get("exclusiveMinimum")
    if lo is not None and raw < lo:
        raise InvalidSituation(_("must be at least {min}, got {raw}").format(min=lo, raw=raw), path)
    if xlo is not None and raw <= xlo:
        raise InvalidSituation(_("must be more than {min}, got {raw}").format(min=xlo, raw=raw), path)
    if hi is not None and raw > hi:
        raise InvalidSituation(_("must be at most {max}, got {raw}").format(max=hi, raw=raw), path)
    return raw


def read_value(raw: Any, schema: dict[str, Any], path: str, today: dt.date) -> Any:
    """One value against its schema; ``path`` names it in error messages."""
    if raw is None and schema.get("nullable"):
        return None
    kind = schema.get("type")
    if kind == "object":
        return read_object(raw, schema, path, today)
    if kind == "array":
        if not isinstance(raw, list | tuple):
            raise InvalidSituation(_("expected a list, got {kind}").format(kind=type(raw).__name__), path)
        limit = schema.get("maxItems")
        if limit is not None and len(raw) > limit:
            raise InvalidSituation(
                _("at most {limit} items are accepted, got {n}").format(limit=limit, n=len(raw)), path
            )
        return [read_value(item, schema["items"], f"{path}[{i}]", today) for i, item in enumerate(raw)]
    if kind == "boolean":
        if not isinstance(raw, bool):
            raise InvalidSituation(_("expected true or false, got {raw}").format(raw=repr(raw)), path)
        return raw
    if kind in ("integer", "number"):
        return _number(raw, path, schema, integer=kind == "integer")
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date":
            return read_date(raw, path, today)
        if fmt == "month":
            return read_month(raw, path, today)
        if fmt in ("country", "citizenship"):
            return read_country(raw, path, person=fmt == "citizenship")
        if not isinstance(raw, str):
            raise InvalidSituation(_("expected text, got {raw}").format(raw=repr(raw)), path)
        if "enum" in schema and raw not in schema["enum"]:
            raise InvalidSituation(
                _("{raw} is not one of {choices}").format(raw=repr(raw), choices=", ".join(schema["enum"])),
                path,
            )
        return raw
    raise TypeError(f"schema type {kind!r} at {path} is not supported by the reader")  # a rule bug


def read_object(raw: Any, schema: dict[str, Any], path: str, today: dt.date) -> dict[str, Any]:
    """An object: unknown keys refused (a misspelt field must not be silently ignored), defaults filled."""
    where = path or _("situation")
    if not isinstance(raw, dict):
        raise InvalidSituation(
            _("expected an object, got {kind}").format(kind=type(raw).__name__), path or None
        )
    props: dict[str, dict[str, Any]] = schema.get("properties", {})
    unknown = [k for k in raw if k not in props]
    if unknown:
        known = ", ".join(props) or "—"
        raise InvalidSituation(
            _("unknown field {name} in {where}; accepted: {known}").format(
                name=repr(unknown[0]), where=where, known=known
            ),
            _join(path, unknown[0]),
        )
    for name in schema.get("required", []):
        if raw.get(name) is None:
            raise InvalidSituation(_("{name} is required").format(name=repr(name)), _join(path, name))
    for name, sub in props.items():  # null only where the schema says so; an optional field is left out
        if name in raw and raw[name] is None and not sub.get("nullable"):
            raise InvalidSituation(
                _("{name} must not be null (leave it out instead)").format(name=repr(name)), _join(path, name)
            )
    out: dict[str, Any] = {}
    for name, sub in props.items():
        if name in raw and raw[name] is not None:
            out[name] = read_value(raw[name], sub, _join(path, name), today)
        else:
            out[name] = sub.get("default")
    return out


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
