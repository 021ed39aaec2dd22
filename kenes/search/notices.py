"""What a search result tells the reader besides its hits (why it is empty, what was left out)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Notice", "cut_notice", "place_notice"]


@dataclass(frozen=True)
class Notice:
    """Something the reader should know about the result: ``code`` for programs, ``message`` for people.

    Codes: ``nothing-searchable`` (only stop words, emoji, operators), ``cut`` (only the first
    MAX_QUERY_CHARS characters were searched), ``not-here`` (the question is about law the database does
    not hold, or nothing scores like an answer), with ``topic`` naming the area when it is known;
    ``place`` (the question names one country and only its law was searched), with ``topic`` its code.
    """

    code: str
    message: str
    topic: str = ""

    def as_json(self) -> dict:
        return {"code": self.code, "message": self.message, "topic": self.topic}


def place_notice(code: str, every: str) -> Notice:
    """Only the law of the country the question names (``code``) was searched; ``every`` is the
    jurisdiction value that searches every country."""
    return Notice(
        "place",
        f"the question names {code}: only its law was searched; jurisdiction={every} searches every country",
        code,
    )


def cut_notice(cut: int, searched: int) -> Notice:
    """Only the first ``searched`` characters of the query were searched, ``cut`` more were not."""
    return Notice("cut", f"only the first {searched:,} characters were searched ({cut:,} more were not)")
