"""What a search result tells the reader besides its hits (why it is empty, what was left out)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Notice", "cut_notice", "place_not_held_notice", "place_notice"]


@dataclass(frozen=True)
class Notice:
    """Something the reader should know about the result: ``code`` for programs, ``message`` for people.

    Codes: ``nothing-searchable`` (only stop words, emoji, operators), ``cut`` (only the first
    MAX_QUERY_CHARS characters were searched), ``not-here`` (the question is about law the database does
    not hold, or nothing scores like an answer), with ``topic`` naming the area when it is known
    (``not-here-shown``: the same, where the request asked for the nearest articles anyway);
    ``place`` (only one country's law was searched: the question names it, or, naming none, is written
    in the language only that country works in), with ``topic`` its code and ``language`` the question's
    language where that was the reason; ``place-not-held`` (the question names a country whose law the
    database does not hold: every country's was searched), with ``topic`` its code; ``citation-not-found``
    (the query cites a provision, ``eid``, of a work held, ``topic``, that has none such in force).
    """

    code: str
    message: str
    topic: str = ""
    language: str = ""
    eid: str = ""

    def as_json(self) -> dict:
        out = {"code": self.code, "message": self.message, "topic": self.topic, "language": self.language}
        if self.eid:
            out["eid"] = self.eid
        return out


def place_notice(code: str, every: str, language: str = "") -> Notice:
    """Only the law of the country the question names (``code``) was searched, or of the country whose
    language (``language``) it is written in; ``every`` is the jurisdiction value that searches every
    country."""
    if language:
        why = f"the question names no country and is written in {language}: only the law of {code}"
    else:
        why = f"the question names {code}: only its law"
    return Notice(
        "place",
        f"{why} was searched; jurisdiction={every} searches every country",
        code,
        language,
    )


def cut_notice(cut: int, searched: int) -> Notice:
    """Only the first ``searched`` characters of the query were searched, ``cut`` more were not."""
    return Notice("cut", f"only the first {searched:,} characters were searched ({cut:,} more were not)")


def place_not_held_notice(code: str) -> Notice:
    """The question names a country (``code``) whose law is not held: the articles listed are other
    countries' law, which a person working there must not take for their own."""
    return Notice(
        "place-not-held",
        f"the question names {code}, whose law this database does not hold: the articles listed are "
        "other countries' law",
        code,
    )
