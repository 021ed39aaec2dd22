"""The rule's own words in the page's language: heading, question, headline, dates in sentences.

Each rule registers its heading, question and headline once (:class:`kenes.rights.Rule`, narration in
:mod:`kenes.rights.headlines`); this module only says them in the language Django chose for the request.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from kenes.rights import RULES, i18n


def title(rule: str) -> str:
    """The check's heading in the reader's language (the rule registers it: :class:`kenes.rights.Rule`)."""
    return _(RULES[rule].heading) if rule in RULES else rule


def question(rule: str) -> str:
    return _(RULES[rule].question) if rule in RULES else ""


def day(value: Any) -> str:
    """A date as the pages write it (see :func:`kenes.rights.i18n.day`), in the page's language."""
    with i18n.language(get_language()):
        return i18n.day(value)


#: An ISO date standing alone in a sentence, not part of a URI (``/2015-11-23/``, ``rus@2024-01-01``).
_ISO_DATE = re.compile(r"(?<![\w/@.-])\d{4}-\d{2}-\d{2}(?![\w/@-])")


def dates_in(sentence: str) -> str:
    """The library's sentences (explanation steps, warnings, refusals) with their ISO dates written as
    :func:`day` writes them. The library keeps ISO so the CLI and the API stay unambiguous; a page is
    read by a person."""
    return _ISO_DATE.sub(lambda m: day(m.group(0)), sentence)


def headline(rule: str, a: dict[str, Any]) -> list[str]:
    """The answer in a few plain sentences in the page's language; empty when the rule could not answer."""
    if rule not in RULES:
        return []
    with i18n.language(get_language()):
        return RULES[rule].headline(a)


#: The units of the figures a check uses (kenes/quantities, the rules' parameter files), as the page says
#: them: "(day of month)" and "(multiple of the base rate)" stood in English on Russian and Kazakh pages.
UNITS = {
    "hour": gettext_lazy("hour"),
    "day": gettext_lazy("day"),
    "working day": gettext_lazy("working day"),
    "calendar day": gettext_lazy("calendar day"),
    "day of month": gettext_lazy("day of month"),
    "month": gettext_lazy("month"),
    "year": gettext_lazy("year"),
    "multiple of the hourly rate": gettext_lazy("multiple of the hourly rate"),
    "multiple of the base rate": gettext_lazy("multiple of the base rate"),
    "boolean": gettext_lazy("yes or no"),
    "ratio": gettext_lazy("ratio"),
    "list": gettext_lazy("list"),
}


def figures(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The figures of the technical details with their units and source notes in the page's language
    (a currency code stays as it is; a unit not listed too)."""
    for p in parameters:
        if p.get("unit"):
            p["unit"] = str(UNITS.get(p["unit"], p["unit"]))
        if p.get("source_needed"):
            p["source_needed"] = _(p["source_needed"].strip())
    return parameters
