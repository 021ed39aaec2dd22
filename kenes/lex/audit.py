"""Who imported what: kept in Django's admin log (seen by staff only), never in the public record.

An expression's ``source_name`` is public: the JSON, the AKN export and the reader's page show it. It
once held "upload by <username>", publishing staff identities; the uploader now goes here instead.
"""

from __future__ import annotations

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

from .models import Expression


def record_import(user: object, expression: Expression, status: str, filename: str) -> None:
    """One admin-log entry on ``expression`` for an upload by ``user`` (nothing for "unchanged")."""
    user_id = getattr(user, "pk", None)
    if user_id is None or status == "unchanged":
        return
    LogEntry.objects.log_actions(
        user_id,
        [expression],
        ADDITION if status == "created" else CHANGE,
        change_message=f"imported {filename} ({status})",
        single_object=True,
    )
