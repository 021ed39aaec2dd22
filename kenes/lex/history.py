"""The law through time: points in time a work has, the expression in force on a date, diffs between dates."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from .models import Expression, Work


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
