"""Which provisions a check rests on in each country: data (``provisions/<country>.yaml``), not code.

A rule asks for a provision by what it relies on it for — ``ctx.cite_for("kz", "stay", "overstay_offence")``
— and the country's file says which articles those are, so adding a country's law means writing its file,
not editing the rules, and a lawyer can read every country's basis in one place. A check answers for a
country only when the country's file names it (:func:`covers`); the numbers themselves are dated
quantities in :mod:`kenes.quantities`, each with its own reference.

>>> covers("kz", "wage-payment"), covers("uz", "wage-payment")
(True, False)
>>> provisions("kz", "stay", "overstay_offence")[0]
('/akn/kz/act/code/2014-07-05/235-v', 'art_517__para_3')
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kenes.quantities import yamlfile

PROVISIONS_DIR = Path(__file__).resolve().parent / "provisions"


class BasisFileError(ValueError):
    """A provisions file breaks its format: a data bug, caught by the test suite."""


@cache
def _files() -> frozenset[str]:
    """The countries (and the treaty) with a provisions file: a name from a request is looked up here,
    never turned into a path."""
    return frozenset(path.stem for path in PROVISIONS_DIR.glob("*.yaml"))


def _country(country: str) -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    return _load(country) if country in _files() else {}


@cache
def _load(country: str) -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    path = PROVISIONS_DIR / f"{country}.yaml"
    data = yamlfile.load(path.read_text(encoding="utf-8"))
    works = data.get("works") or {}
    out: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {}
    for check, keys in (data.get("checks") or {}).items():
        out[check] = {}
        for key, items in (keys or {}).items():
            refs = []
            for item in items:
                alias, _, eid = str(item).partition(" ")
                if alias not in works or not eid:
                    raise BasisFileError(f"{country}/{check}/{key}: {item!r} is not '<work alias> <eId>'")
                refs.append((works[alias], eid))
            out[check][key] = tuple(refs)
    return out


def covers(country: str, check: str) -> bool:
    """Whether Kenes holds the law ``check`` needs for ``country``."""
    return check in _country(country)


def provisions(country: str, check: str, key: str) -> tuple[tuple[str, str], ...]:
    """The (work URI, eId) pairs ``check`` relies on for ``key`` in ``country``; () when none is recorded."""
    return _country(country).get(check, {}).get(key, ())


def all_provisions() -> list[tuple[str, str, str, str, str]]:
    """Every (country, check, key, work, eid), for the test that finds each one in the corpus."""
    out = []
    for path in sorted(PROVISIONS_DIR.glob("*.yaml")):
        for check, keys in _country(path.stem).items():
            for key, refs in keys.items():
                out.extend((path.stem, check, key, work, eid) for work, eid in refs)
    return out
