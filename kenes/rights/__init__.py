"""Rights as code: answers a migrant worker can compute, each citing the provisions it rests on.

    >>> from kenes.rights import evaluate
    >>> answer = evaluate("stay", {"stays": [{"entry": "2024-01-01", "exit": "2024-03-30"}],
    ...                            "on": "2024-03-30", "window": 180, "limit": 90})
    >>> answer["days_used"], answer["days_remaining"], answer["compliant"]
    (90, 0, True)

Usable without the web app: nothing here imports Django. ``evaluate(rule, situation, lang="ru")`` (or
``"kk"``; English by default) gives the explanation, warnings, advisory reasons and error messages in that
language (:mod:`kenes.rights.i18n`). The API and the portal call :func:`evaluate`
and document each rule from :data:`RULES` (input and answer JSON Schemas, a description, an example).
The dated legal quantities the rules read are :mod:`kenes.quantities` (shared with the portal and the
observatory); the provisions each check cites per country are data in ``provisions/<country>.yaml``; the
lawyer-readable test cases are YAML files under ``tests/``. See README.md in this folder.
"""

from kenes.rights.answer import Answer
from kenes.rights.engine import RULES, evaluate
from kenes.rights.errors import InvalidSituation, UnknownRule
from kenes.rights.parameters import STALE_AFTER_DAYS, parameter
from kenes.rights.rule import Rule
from kenes.rights.works import CitedProvision

__all__ = [
    "RULES",
    "STALE_AFTER_DAYS",
    "Answer",
    "CitedProvision",
    "InvalidSituation",
    "Rule",
    "UnknownRule",
    "evaluate",
    "parameter",
]
