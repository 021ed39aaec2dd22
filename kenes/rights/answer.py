"""What a rule returns, and the context that collects it while the rule runs.

A rule never builds citations or explanations after the fact: it records each step as it takes it
(:meth:`Context.explain`), and every parameter it reads brings its own reference, status and staleness
warning along (:meth:`Context.param`). So an answer cannot claim a provision it did not use, and an
unverified number cannot slip into an answer without sending the person to an advisory centre.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kenes.rights import basis
from kenes.rights import parameters as params
from kenes.rights.i18n import _
from kenes.rights.works import CitedProvision, cite


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, recursively: the JSON form every answer is compared in."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


@dataclass
class Answer:
    """A rule's answer: its own fields (``result``) plus how it was reached and what it rests on.

    ``verified`` is False as soon as one value came from an unverified parameter or a needed value is
    unknown; ``refer_to_advisory_centre`` is then True, with the reasons in ``advisory_reasons``.
    """

    rule: str
    result: dict[str, Any]
    citations: list[CitedProvision] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    advisory_reasons: list[str] = field(default_factory=list)
    parameters: list[params.ParameterValue] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return not self.advisory_reasons

    @property
    def refer_to_advisory_centre(self) -> bool:
        return bool(self.advisory_reasons)

    def __getitem__(self, key: str) -> Any:
        return self.result[key]

    def to_dict(self) -> dict[str, Any]:
        """The JSON answer: the rule's fields first, then the common ones (same keys for every rule)."""
        return {
            "rule": self.rule,
            **jsonable(self.result),
            "verified": self.verified,
            "refer_to_advisory_centre": self.refer_to_advisory_centre,
            "advisory_reasons": list(self.advisory_reasons),
            "warnings": list(self.warnings),
            "citations": [c.to_dict() for c in self.citations],
            "explanation": list(self.explanation),
            "parameters": [p.to_dict() for p in self.parameters],
        }


#: The keys every answer has besides its rule's own fields.
COMMON_KEYS = (
    "rule",
    "verified",
    "refer_to_advisory_centre",
    "advisory_reasons",
    "warnings",
    "citations",
    "explanation",
    "parameters",
)


class Context:
    """The trace of one evaluation: steps, citations, parameters used, warnings, advisory reasons."""

    def __init__(self, rule: str, today: dt.date, quantities: tuple[str, ...] | None = None) -> None:
        self.rule = rule
        self.today = today
        self.quantities = quantities  # what the rule registered it reads; None: anything (tests)
        self._citations: dict[tuple[str, str], CitedProvision] = {}
        self.explanation: list[str] = []
        self.warnings: list[str] = []
        self.advisory: list[str] = []
        self.used: dict[tuple[str, dt.date], params.ParameterValue] = {}

    def explain(self, step: str) -> None:
        self.explanation.append(step)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def refer(self, reason: str) -> None:
        """Record why the person should take the question to an advisory centre."""
        if reason not in self.advisory:
            self.advisory.append(reason)

    def cite(self, work: str, eid: str, *, verified: bool | None = None) -> CitedProvision:
        c = cite(work, eid, verified=verified)
        self._citations.setdefault((c.work, c.eid), c)
        return c

    def cite_for(self, country: str, key: str, *, check: str | None = None) -> list[CitedProvision]:
        """Cite what this rule (or a shared ``check`` such as ``complaint``) relies on for ``key`` in
        ``country`` (data: :mod:`kenes.rights.basis`)."""
        return [self.cite(work, eid) for work, eid in basis.provisions(country, check or self.rule, key)]

    def param(self, country: str, name: str, on: dt.date) -> params.ParameterValue:
        """Read a parameter and record its provenance; raises :class:`params.NoValue` like the loader."""
        if self.quantities is not None and name not in self.quantities:
            raise LookupError(f"rule {self.rule} reads {name} but does not register it in Rule.quantities")
        try:
            value = params.parameter(country, name, on)
        except params.NoValue as exc:
            # Said without the parameter's name: that stays in the answer's technical part (parameters).
            if exc.source_needed:
                reason = _("A value this answer needs is not known to us for {day} ({source}).")
            else:
                reason = _("A value this answer needs is not known to us for {day}.")
            self.refer(
                reason.format(day=on.isoformat(), source=_(exc.source_needed) if exc.source_needed else "")
            )
            raise
        self.used.setdefault((value.name, value.start), value)
        if value.reference is not None:
            self._citations.setdefault((value.reference.work, value.reference.eid), value.reference)
        if value.status == "unverified":
            source = _((value.source_needed or "").strip())
            if value.value is None:
                self.refer(
                    _("A value this answer needs is not known to us for {day} ({source}).").format(
                        day=on.isoformat(), source=source
                    )
                )
            else:
                self.refer(
                    _("A figure this answer uses rests on a source not in our legal corpus: {source}").format(
                        source=source
                    )
                )
        warning = value.staleness_warning(self.today)
        if warning:
            self.warn(warning)
        return value

    def optional_param(self, country: str, name: str, on: dt.date) -> params.ParameterValue | None:
        """Like :meth:`param`, but None (already recorded as an advisory reason) when no value is known."""
        if self.quantities is not None and name not in self.quantities:
            raise LookupError(f"rule {self.rule} reads {name} but does not register it in Rule.quantities")
        if not params.exists(country, name):
            return None
        try:
            return self.param(country, name, on)
        except params.NoValue:
            return None

    def value(self, country: str, name: str, on: dt.date) -> Any:
        """The bare value of a parameter, or None when it has none on that date (recorded for the advisor)."""
        found = self.optional_param(country, name, on)
        return None if found is None else found.value

    def answer(self, result: dict[str, Any]) -> Answer:
        return Answer(
            rule=self.rule,
            result=result,
            citations=list(self._citations.values()),
            explanation=list(self.explanation),
            warnings=list(self.warnings),
            advisory_reasons=list(self.advisory),
            parameters=list(self.used.values()),
        )
