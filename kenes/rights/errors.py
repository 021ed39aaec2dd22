"""The one exception a caller of :func:`kenes.rights.evaluate` has to handle.

The API turns it into a 400 (422) answer and the CLI into a message and exit status 2, so every input a
person can type must end here or in an answer, never in a stack trace.
"""

from __future__ import annotations

from kenes.rights.i18n import _


class InvalidSituation(ValueError):
    """The situation cannot be answered as given: a missing, malformed or impossible value.

    ``field`` names the offending input as a path (``stays[3].exit``) so a form can put the message
    next to the right box; it is ``None`` when the situation as a whole is wrong.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def to_dict(self) -> dict[str, str | None]:
        return {"error": "invalid_situation", "field": self.field, "message": self.message}

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class UnknownRule(InvalidSituation):
    """The rule asked for is not in :data:`kenes.rights.RULES` (an API answers 404 for it)."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            _("unknown rule {name}; known rules: {known}").format(name=repr(name), known=", ".join(known)),
            field="rule",
        )
        self.name = name
