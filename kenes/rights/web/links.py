"""Where a citation can be read: the provision in the legal database, as it stood when the answer applies.

A rule cites (work URI, eId); the database names a provision by expression, so the link needs a language
and a date. We link to the expression in force on the answer's date when the database holds one, else to
the nearest later wording we hold (the corpus often has only the current consolidated text), else to the
undated "latest" form, which the reader resolves once the work is imported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from kenes.lex.akn.uri import expression_uri, provision_uri
from kenes.lex.languages import BCP47_TO_AKN
from kenes.lex.models import Expression, Provision
from kenes.rights import coverage

#: Citation languages (BCP 47, as the library writes them) to AKN expression languages.


def answer_date(result: dict[str, Any], today: dt.date) -> dt.date:
    """The day the answer is about, read from the fields the rules return (the law in force then applies)."""
    for key in ("on", "as_of", "terminated_on", "entry"):
        value = result.get(key)
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                continue
    month = result.get("month")
    if isinstance(month, str) and len(month) == 7:
        try:
            return dt.date.fromisoformat(month + "-01")
        except ValueError:
            pass
    return today


def _expressions(works: set[str]) -> dict[tuple[str, str], list[dt.date]]:
    """Dates of the expressions held, per (work URI, language), oldest first: one query for all works."""
    held: dict[tuple[str, str], list[dt.date]] = {}
    rows = (
        Expression.objects.filter(work__frbr_uri__in=works)
        .order_by("date")
        .values_list("work__frbr_uri", "lang", "date")
    )
    for uri, lang, date in rows:
        held.setdefault((uri, lang), []).append(date)
    return held


def _pick(dates: list[dt.date], on: dt.date) -> dt.date | None:
    before = [d for d in dates if d <= on]
    if before:
        return before[-1]
    return dates[0] if dates else None


def link_citations(
    citations: list[dict[str, Any]], on: dt.date, *, prefer_lang: str | None = None
) -> list[dict[str, Any]]:
    """The citations with ``reader_url``, ``api_url``, ``html_url``, ``expression`` and ``in_database``.

    ``prefer_lang`` (an interface language such as ``kk``) links to that translation where the database
    holds it, since eIds are the same in every language; otherwise the citation's own language is used.
    """
    held = _expressions({c["work"] for c in citations})
    out = []
    for c in citations:
        langs = [BCP47_TO_AKN.get(prefer_lang or "", ""), BCP47_TO_AKN.get(c["lang"], c["lang"])]
        lang, date = langs[-1], None
        for candidate in langs:
            if candidate and (c["work"], candidate) in held:
                lang, date = candidate, _pick(held[(c["work"], candidate)], on)
                break
        expression = expression_uri(c["work"], lang, date)
        out.append(
            {
                **c,
                "in_database": date is not None,
                "expression": expression,
                "reader_url": provision_uri(expression, c["eid"]),
                "api_url": "/api" + provision_uri(expression, c["eid"]),
                "html_url": f"/api{expression}.html#{c['eid']}",
            }
        )
    return out


def basis_links(
    check: str, country: str | None, on: dt.date | None = None, *, prefer_lang: str | None = None
) -> list[dict[str, Any]]:
    """The articles ``check`` rests on for ``country`` that the database holds (the first
    :data:`coverage.BASIS_MAX`), linked to the reader as it stood on ``on`` (today): what search lists
    beside the check it offers (:func:`coverage.basis_of`)."""
    day = on or timezone.localdate()
    cited = [c.to_dict() for c in coverage.basis_of(check, country, day)]
    if not cited:
        return []
    # a link that opens: the article itself is held (a work imported in part lacks some)
    held = set(
        Provision.objects.filter(
            expression__work__frbr_uri__in={c["work"] for c in cited}, eid__in={c["eid"] for c in cited}
        ).values_list("expression__work__frbr_uri", "eid")
    )
    present = [c for c in cited if (c["work"], c["eid"]) in held]
    linked = link_citations(present, day, prefer_lang=prefer_lang)
    return [c for c in linked if c["in_database"]][: coverage.BASIS_MAX]
