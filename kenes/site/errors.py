"""The API's error contract: every error is ``{"error": {"status", "code", "message"[, "details"]}}``.

Its own module, below every app, so a router can raise :class:`ApiError` without importing the API that
mounts it (``kenes.api`` imports the routers; the routers import only this). The handlers that turn
exceptions into this body live with the NinjaAPI in :mod:`kenes.api`.
"""

from __future__ import annotations

from django.http import JsonResponse
from ninja.errors import HttpError


class ApiError(HttpError):
    """An error with a machine-readable code besides the message (``not-found``, ``invalid``…)."""

    def __init__(self, status_code: int, message: str, code: str = "error", **details: object):
        super().__init__(status_code, message)
        self.code = code
        self.details = details


def error_body(status: int, code: str, message: str, **details: object) -> dict:
    """The JSON body of an error; ``details`` (e.g. ``problems``) only when there are any."""
    body: dict = {"error": {"status": status, "code": code, "message": message}}
    if details:
        body["error"]["details"] = details
    return body


def error_response(status: int, code: str, message: str, **details: object) -> JsonResponse:
    """The error as a response, for views outside the NinjaAPI that answer JSON (``….json`` pages)."""
    return JsonResponse(error_body(status, code, message, **details), status=status)
