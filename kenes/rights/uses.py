"""Which rights checks rest on a provision: the other direction of an answer's citations, for the article
page ("This article is used by: How long may I stay?").

Read from the same data the checks cite from — the per-country provisions (:mod:`kenes.rights.basis`) and
the references of the quantities each rule registers (:mod:`kenes.quantities`) — so the link cannot promise
a check that does not cite the article. A check uses a provision when it cites it, a part of it (an article
whose paragraph 4 is cited), or the article it is part of.

>>> [rule.name for rule in checks_using("/akn/kz/act/law/2011-07-22/477-iv", "art_6")]
['stay', 'registration']
>>> [rule.name for rule in checks_using("/akn/kz/act/code/2015-11-23/414-v", "art_113__para_3")]
['wage-payment', 'final-settlement']
"""

from __future__ import annotations

from functools import cache

from kenes import quantities
from kenes.rights import basis
from kenes.rights.engine import RULES
from kenes.rights.rule import Rule

#: Shared checks of the provisions files and the rules that use them.
_SHARED = {"complaint": ("wage-payment", "final-settlement")}


@cache
def _index() -> dict[str, set[tuple[str, str]]]:
    """Rule name → the (work, eId) pairs it may cite."""
    index: dict[str, set[tuple[str, str]]] = {name: set() for name in RULES}
    for _country, check, _key, work, eid in basis.all_provisions():
        for name in _SHARED.get(check, (check,)):
            if name in index:
                index[name].add((work, eid))
    for name, rule in RULES.items():
        for q in quantities.all_quantities():
            if q.name.split("/")[1] in rule.quantities:
                index[name].update((v.reference.work, v.reference.eid) for v in q.values if v.reference)
    return index


def checks_basis(check: str) -> frozenset[tuple[str, str]]:
    """The (work, eId) pairs check ``check`` may cite, in every country (empty for no such check)."""
    return frozenset(_index().get(check, ()))


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "__") or b.startswith(a + "__")


def checks_using(work: str, eid: str) -> list[Rule]:
    """The checks (in the order they are listed) that rest on provision ``eid`` of ``work``."""
    index = _index()
    return [
        rule for name, rule in RULES.items() if any(w == work and _related(e, eid) for w, e in index[name])
    ]
