"""Field types every API shares.

Why: pydantic reads a date leniently: ``86400`` or ``"86400"`` becomes 1970-01-02 (seconds since the epoch).
The OpenAPI document promises ``YYYY-MM-DD``, and a client that sends a number has a bug that a silently
chosen 1970 date hides (a law "in force on" 1970, a consultation "held" then). So the APIs take a date the
way the document writes it, and answer anything else with an error that says so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, model_validator

__all__ = ["IsoDate", "JsonObjectBody"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_only(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return value.strip()
    raise ValueError("a date is written YYYY-MM-DD")


#: A calendar date written YYYY-MM-DD (or a date object): never a number of seconds.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_only)]


class JsonObjectBody(Schema):
    """A request body that must be a JSON object. ninja's Schema reads fields as attributes of whatever it is
    given, so without this a body of ``0``, ``null`` or ``[]`` passed as one that changes nothing (every field
    of a patch has a default), and ``"title"`` patched a work's title to "Title" (``str.title``)."""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        raw = getattr(data, "_obj", data)  # ninja hands the value over wrapped in its DjangoGetter
        if not isinstance(raw, dict):
            raise ValueError("the body must be a JSON object")
        return data
