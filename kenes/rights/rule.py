"""A rule as the rest of Kenes sees it: a name, a description, its input and output schemas, a function.

The schemas are JSON Schema so the API can publish them in OpenAPI unchanged; the same input schema
drives validation (:mod:`kenes.rights.situation`) and the CLI options (:mod:`kenes.rights.cli`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kenes.rights import headlines
from kenes.rights.answer import COMMON_KEYS, Context

Compute = Callable[[dict[str, Any], Context], dict[str, Any]]
#: Words an answer (its JSON form) as a few sentences for a person, in the current language.
Headline = Callable[[dict[str, Any]], list[str]]


def _no_headline(answer: dict[str, Any]) -> list[str]:
    return []


#: Schema fragments shared by several rules.
DATE: dict[str, Any] = {"type": "string", "format": "date"}
COUNTRY: dict[str, Any] = {"type": "string", "format": "country", "description": "ISO 3166-1 alpha-2 code"}
CITIZENSHIP: dict[str, Any] = {
    "type": "string",
    "format": "citizenship",
    "description": "ISO 3166-1 alpha-2 code of the person's citizenship, or 'stateless'",
}
WORKING_WEEK: dict[str, Any] = {
    "type": "integer",
    "minimum": 5,
    "maximum": 6,
    "default": 5,
    "description": "Working days a week (5: Saturday and Sunday off; 6: Sunday off)",
}
HOLIDAYS: dict[str, Any] = {
    "type": "array",
    "items": DATE,
    "maxItems": 400,
    "description": "Public holidays and transferred days off to skip when counting working days "
    "(7 January is always skipped). The Law on holidays is not in our corpus, so pass them in.",
}
#: The inputs of every rule that counts working days (``WorkCalendar.of`` reads the two), spread last into
#: its properties, so the four such rules ask for the working week and the holidays alike.
WORKING_DAYS: dict[str, Any] = {"working_week": WORKING_WEEK, "holidays": HOLIDAYS}


def _closed(schema: Any) -> Any:
    """``schema`` with ``additionalProperties: false`` on every object that lists its properties."""
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: _closed(value) for key, value in schema.items()}
    if "properties" in schema and schema.get("type") in ("object", None):
        out.setdefault("additionalProperties", False)
    return out


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An output that may be null (JSON Schema 2020-12 style type list)."""
    kind = schema["type"]
    return {**schema, "type": [kind, "null"]}


def out(kind: str, description: str, *, null: bool = True, **extra: Any) -> dict[str, Any]:
    schema = {"type": kind, "description": description, **extra}
    return nullable(schema) if null else schema


#: One provision an answer cites (:meth:`kenes.rights.works.CitedProvision.to_dict`); the web adds its links.
CITATION: dict[str, Any] = {
    "type": "object",
    "properties": {
        "work": {"type": "string", "description": "Akoma Ntoso work URI"},
        "eid": {"type": "string", "description": "AKN eId of the provision"},
        "label": {"type": "string"},
        "lang": {"type": "string"},
        "verified": {"type": "boolean", "description": "False when its text is not in our corpus"},
    },
}

_COMMON_OUTPUTS: dict[str, Any] = {
    "rule": {"type": "string"},
    "verified": {
        "type": "boolean",
        "description": "True when every value used was checked against law in our corpus",
    },
    "refer_to_advisory_centre": {
        "type": "boolean",
        "description": "True when the question must go to an advisory centre (see advisory_reasons)",
    },
    "advisory_reasons": {"type": "array", "items": {"type": "string"}},
    "warnings": {"type": "array", "items": {"type": "string"}},
    "citations": {"type": "array", "items": CITATION},
    "explanation": {"type": "array", "items": {"type": "string"}},
    "parameters": {"type": "array", "items": {"type": "object"}},
}
assert tuple(_COMMON_OUTPUTS) == COMMON_KEYS


@dataclass(frozen=True)
class Rule:
    """Everything Kenes knows about one check, registered once (the rule module's ``RULE``).

    The engine, the API, the CLI and the pages all read it: the name (URL slug, CLI subcommand), the
    English title and description (OpenAPI), the people's ``heading`` and ``question`` (marked for
    translation, shown by the pages and the API in the reader's language), the schemas, the computation,
    its ``headline`` narration, the quantities it reads (:mod:`kenes.quantities`; reading another one is a
    programming error), and the file of its YAML cases under ``tests/``. Its page form is the one
    web form bound to it (``kenes.rights.web.forms``).
    """

    name: str
    title: str
    description: str
    inputs: dict[str, Any]  # JSON Schema of the situation (an object)
    outputs: dict[str, Any]  # JSON Schema properties of the rule's own answer fields
    compute: Compute = field(repr=False)
    example: dict[str, Any] = field(default_factory=dict)
    heading: str = ""
    question: str = ""
    headline: Headline = field(default=_no_headline, repr=False)
    quantities: tuple[str, ...] = ()
    cases: str = ""

    @property
    def input_schema(self) -> dict[str, Any]:
        """The situation's JSON Schema as published: objects closed (the reader refuses unknown fields)."""
        return {"title": self.title, "description": self.description, **_closed(self.inputs)}

    @property
    def answer_schema(self) -> dict[str, Any]:
        """JSON Schema of ``Answer.to_dict()`` for this rule."""
        props = {"rule": _COMMON_OUTPUTS["rule"], **self.outputs}
        props.update({k: v for k, v in _COMMON_OUTPUTS.items() if k != "rule"})
        return {"type": "object", "properties": props, "required": list(props)}


def declare(
    module: str,
    *,
    name: str,
    title: str,
    description: str,
    heading: str,
    question: str,
    quantities: tuple[str, ...],
    example: dict[str, Any],
) -> Rule:
    """The ``RULE`` of the rules module ``module``, from the parts every rules module names alike.

    A module under :mod:`kenes.rights.rules` defines ``INPUTS``, ``OUTPUTS`` and ``compute``; a rule's
    headline is the function of :mod:`kenes.rights.headlines` named after it and its YAML cases the file
    under ``tests/`` named after it (``final-settlement``: ``headlines.final_settlement`` and
    ``final_settlement.yaml``). Taking them from here spells the rule's name once, so a module cannot
    register its schemas, narration or cases under another rule's name. Call it last in the module, when
    those parts exist.
    """
    parts = vars(sys.modules[module])
    stem = name.replace("-", "_")
    return Rule(
        name=name,
        title=title,
        description=description,
        inputs=parts["INPUTS"],
        outputs=parts["OUTPUTS"],
        compute=parts["compute"],
        example=example,
        heading=heading,
        question=question,
        headline=getattr(headlines, stem),
        quantities=quantities,
        cases=f"{stem}.yaml",
    )
