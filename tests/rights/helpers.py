"""Shared helpers for the rights tests: the YAML cases, a frozen 'today', provisions found in the corpus."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from kenes.quantities import yamlfile
from kenes.rights.answer import jsonable

#: Every case and test runs as if today were this day, so answers and date ranges never drift.
TODAY = dt.date(2026, 11, 23)

CASES_DIR = Path(__file__).resolve().parents[2] / "kenes" / "rights" / "tests"


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    """(id, case) for every case of every kenes/rights/tests/*.yaml file, id = file stem + case name."""
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yamlfile.load(path.read_text(encoding="utf-8")) or []:
            out.append((f"{path.stem}: {case['name']}", case))
    return out


def same(expected: Any, actual: Any) -> bool:
    """Equality in JSON form, with numbers compared to a cent (money) and dates as ISO strings."""
    expected = jsonable(expected)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return abs(expected - actual) < 0.005
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(same(e, a) for e, a in zip(expected, actual, strict=True))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(same(v, actual[k]) for k, v in expected.items())
    return expected == actual


# -- finding a provision by eId in the plain texts of ../shared/corpus --------------------------------------

_NEXT_ARTICLE = re.compile(r"^(?:#+ )?\s*Статья\s+\d", re.M)
_NEXT_PARA = re.compile(r"^\s*\d+(?:-\d+)?\.\s", re.M)


def _block(text: str, start: re.Pattern[str], end: re.Pattern[str]) -> str | None:
    m = start.search(text)
    if not m:
        return None
    rest = text[m.end() :]
    stop = end.search(rest)
    return rest[: stop.start()] if stop else rest


def find_provision(text: str, eid: str, *, markdown: bool = False) -> str | None:
    """The text of the provision ``eid`` (art_N[__para_M[__point_K]]) in a corpus file, or None.

    Articles are ``Статья N.`` headings (``### Article N`` in the ILO Markdown), paragraphs lines starting
    ``M.`` and points lines starting ``K)`` (``(k)`` in the ILO texts).
    """
    steps = [part.split("_", 1) for part in eid.split("__")]
    num = steps[0][1]
    if markdown:
        block = _block(
            text, re.compile(rf"^###\s*Article\s+{re.escape(num)}\s*$", re.M), re.compile(r"^###", re.M)
        )
    else:
        block = _block(text, re.compile(rf"^(?:#+ )?\s*Статья\s+{re.escape(num)}\.\s", re.M), _NEXT_ARTICLE)
    for kind, num in steps[1:]:
        if block is None:
            return None
        if kind == "para":
            block = _block(block, re.compile(rf"^\s*{re.escape(num)}\.\s", re.M), _NEXT_PARA)
        elif markdown:
            block = block if f"({num})" in block else None
        else:
            block = _block(
                block, re.compile(rf"^\s*{re.escape(num)}\)\s", re.M), re.compile(r"^\s*\d+\)\s", re.M)
            )
    return block
