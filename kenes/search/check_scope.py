"""Which of the checks a question names are offered, and where their links lead, for the country searched.

Why here and registered: search names a check by its words alone (``answers.checks_for``), but whether the
check can answer depends on the country's law it holds, which only the rights app knows, and search never
imports the rights app (they are siblings in the layers: tests/test_import_graph.py). This module is the
seam: it imports nothing of kenes, and the rights app registers what it knows here when Django starts
(``kenes.rights.apps``); without it every named check is offered, linked to its plain page.
A question about work in Tajikistan is then not sent to a leave check that counts by Kazakhstan's code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["CheckScope", "basis", "offered", "register", "url"]


@dataclass(frozen=True)
class CheckScope:
    #: (check slug, country code, day) → whether the check holds rules that answer there on that day
    answers_in: Callable[[str, str, dt.date | None], bool]
    #: (check slug, country code or None) → the check's page, the country chosen where it asks for one
    link: Callable[[str, str | None], str]
    #: (check slug, country code or None, day, interface language or None) → the articles it rests on
    #: there that the database holds: dicts with ``label`` and ``reader_url`` (and ``work``, ``eid``)
    basis: Callable[..., list[dict]] | None = None


_scope: CheckScope | None = None


def register(scope: CheckScope | None) -> None:
    """Tell search what the checks cover (``None`` forgets it: every named check offered again)."""
    global _scope
    _scope = scope


def offered(checks: Sequence[str], country: str | None, on: dt.date | None = None) -> list[str]:
    """The named ``checks`` a person searching ``country``'s law can use, in their order; every one of them
    when no country is known (the person picks it in the check)."""
    if not country or _scope is None:
        return list(checks)
    return [slug for slug in checks if _scope.answers_in(slug, country, on)]


def url(check: str, country: str | None) -> str:
    """The page of ``check``, opened on ``country`` where its form asks for one."""
    return _scope.link(check, country) if _scope is not None else f"/rights/{check}/"


def basis(check: str, country: str | None, on: dt.date | None = None, lang: str | None = None) -> list[dict]:
    """The articles ``check`` rests on for ``country`` (none known without the rights app): its words may
    find none of them ("90 дней 180"), so the page lists them beside the check."""
    if _scope is None or _scope.basis is None:
        return []
    return _scope.basis(check, country, on, prefer_lang=lang)
