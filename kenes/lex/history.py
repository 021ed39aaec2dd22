"""The law through time: points in time a work has, the expression in force on a date, diffs between dates."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from .models import AmendmentEffect, Expression, Provision, Work


@dataclass(frozen=True)
class PointInTime:
    date: dt.date
    languages: tuple[str, ...]


def points_in_time(work: Work) -> list[PointInTime]:
    """Dates from which the database holds a wording, with the languages held for each."""
    by_date: dict[dt.date, set[str]] = {}
    for date, lang in work.expressions.values_list("date", "lang"):
        by_date.setdefault(date, set()).add(lang)
    return [PointInTime(d, tuple(sorted(langs))) for d, langs in sorted(by_date.items())]


def effects_between(work: Work, start: dt.date | None, end: dt.date) -> list[AmendmentEffect]:
    """Amendment effects in force after ``start`` and on or before ``end`` (undated ones are left out)."""
    qs = AmendmentEffect.objects.filter(amendment__amended_work=work, in_force_on__lte=end)
    if start is not None:
        qs = qs.filter(in_force_on__gt=start)
    return list(qs.select_related("amendment").order_by("in_force_on", "eid"))


@dataclass(frozen=True)
class ProvisionChange:
    eid: str
    change: str  # added | removed | changed
    heading: str
    old_text: str
    new_text: str

    def unified(self) -> str:
        return "\n".join(
            difflib.unified_diff(
                self.old_text.splitlines(), self.new_text.splitlines(), "before", "after", lineterm=""
            )
        )


def _texts(expression: Expression) -> dict[str, tuple[str, str]]:
    rows = expression.provisions.order_by("order").values_list("eid", "heading", "text", "wrap_up")
    return {eid: (heading, "\n".join(t for t in (text, wrap) if t)) for eid, heading, text, wrap in rows}


def diff_expressions(old: Expression, new: Expression) -> list[ProvisionChange]:
    """Provision-level changes from ``old`` to ``new``, in the order of the newer document.

    Provisions are matched by eId, which is why eIds must be stable across editions.
    """
    before, after = _texts(old), _texts(new)
    changes: list[ProvisionChange] = []
    for eid, (heading, text) in after.items():
        if eid not in before:
            changes.append(ProvisionChange(eid, "added", heading, "", text))
        elif before[eid] != (heading, text):
            old_heading, old_text = before[eid]
            old_full = f"{old_heading}\n{old_text}" if old_heading != heading else old_text
            new_full = f"{heading}\n{text}" if old_heading != heading else text
            changes.append(ProvisionChange(eid, "changed", heading, old_full, new_full))
    for eid, (heading, text) in before.items():
        if eid not in after:
            changes.append(ProvisionChange(eid, "removed", heading, text, ""))
    return changes


def provision_at(work: Work, lang: str | None, date: dt.date, eid: str) -> Provision | None:
    """One provision as it stood on ``date``; ``art_113`` also finds a chapter-prefixed ``chp_8__art_113``."""
    expression = work.expression_at(lang, date)
    if expression is None:
        return None
    found = expression.provisions.filter(eid=eid).first()
    if found is None and "art_" in eid and not eid.startswith("art_"):
        found = expression.provisions.filter(eid=eid[eid.index("art_") :]).first()
    return found
