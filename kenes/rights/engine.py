"""The entry point: look a rule up, check the situation against its schema, run it, return an Answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kenes.rights.answer import Answer, Context
from kenes.rights.errors import InvalidSituation, UnknownRule
from kenes.rights.i18n import _, language
from kenes.rights.rule import Rule
from kenes.rights.rules import ALL
from kenes.rights.situation import read_object

#: Every rule by name: the API mounts POST /api/rights/<name> for each, the CLI a subcommand.
RULES: dict[str, Rule] = {rule.name: rule for rule in ALL}


def evaluate(
    rule: str, situation: dict[str, Any], *, today: dt.date | None = None, lang: str | None = None
) -> Answer:
    """Answer ``situation`` under ``rule``.

    ``today`` fixes "now" (default: the system date) for defaults such as the control date, for the
    accepted date range and for the staleness of parameters, so tests and replays are reproducible.
    Raises :class:`InvalidSituation` (or its subclass :class:`UnknownRule`) for any input it cannot
    answer, and no other exception. ``lang`` (``ru``, ``kk``, ``en``; default English) is the language
    of the explanation, warnings, advisory reasons and error messages; the answer's fields do not change.
    """
    with language(lang):
        if not isinstance(rule, str) or rule not in RULES:
            raise UnknownRule(str(rule), sorted(RULES))
        spec = RULES[rule]
        today = today or dt.date.today()
        if not isinstance(situation, dict):
            raise InvalidSituation(
                _("a situation is an object of fields, got {kind}").format(kind=type(situation).__name__)
            )
        values = read_object(situation, spec.inputs, "", today)
        ctx = Context(rule, today, spec.quantities)
        result = spec.compute(values, ctx)
        return ctx.answer(result)
