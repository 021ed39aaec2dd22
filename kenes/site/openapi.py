"""Make the OpenAPI document say every error an operation can answer, not only its successes.

Every operation's errors share one body (``kenes.site.errors``); which statuses it can answer follows from
facts about the operation, applied here to the generated document so a new router is documented without
repeating itself:

- every operation: 400 (a malformed value, a parameter out of range; a NUL in any URL is refused site-wide);
- parameters or a body validated by ninja: 422 (missing or of the wrong type);
- an authenticated operation: 401 (not logged in) and 403 (logged in without the role, or a session's
  form without its CSRF token); one that takes HTTP Basic also 429 with ``Retry-After`` (the login policy's
  lockout after failed logins: kenes.accounts.login);
- a request body: 413 (over the upload cap, refused from Content-Length before it is read: site.uploads);
- what only some operations answer (404, 409, 413, 503) they declare in their ``responses``; those that
  declare nothing of it are listed in ``EXTRA`` by the API module that mounts them.
"""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string", "description": "machine-readable: invalid, not-found, conflict …"},
                "message": {"type": "string", "description": "what was wrong, naming the field"},
                "details": {"type": "object"},
            },
            "required": ["status", "code", "message"],
        }
    },
    "required": ["error"],
}


def error_schema(details: dict[str, Any]) -> dict[str, Any]:
    """The error body with what an API says in its ``details`` (the rights API: the offending field)."""
    error = ERROR_SCHEMA["properties"]["error"]
    return {
        **ERROR_SCHEMA,
        "properties": {"error": {**error, "properties": {**error["properties"], "details": details}}},
    }


DESCRIPTIONS = {
    400: "Invalid request: a malformed or out-of-range value (the message names it)",
    401: "Not logged in (session, HTTP Basic or, on the desk, an API token), or the credentials were refused",
    403: "Logged in without the role the operation needs, or a session's request without its CSRF token",
    404: "Nothing at that address",
    409: "It already exists",
    413: "The body or upload is too large",
    422: "A parameter or field is missing or of the wrong type",
    429: "Too many failed logins for this account or from this address: locked out for a while",
    503: "Not available right now (busy, or the search index is being built); retry",
}

METHODS = ("get", "post", "put", "patch", "delete")


def document_errors(
    schema: dict[str, Any],
    extra: dict[tuple[str, str], tuple[int, ...]],
    raw_bodies: tuple[str, ...] = (),
    parameters: dict[tuple[str, str, str], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Add the error responses to every operation of ``schema`` (in place; returned for chaining).

    ``extra``: ``(method, path) -> statuses`` an operation answers beyond the rules above.
    ``raw_bodies``: path prefixes whose bodies the view reads itself (no 422 from ninja).
    ``parameters``: ``(method, path, name) -> JSON Schema keywords`` a view checks itself (an ``enum``, a
    ``maximum``), so the document says which values are accepted.
    """
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            for parameter in operation.get("parameters", []):
                facts = (parameters or {}).get((method, path, parameter["name"]))
                if facts:
                    _constrain(parameter["schema"], facts)
            # ninja writes its own responses with integer keys, openapi_extra with strings: one of each
            for key in [k for k in operation.get("responses", {}) if isinstance(k, int)]:
                given = operation["responses"].pop(key)
                operation["responses"].setdefault(str(key), given)
            statuses = {400, *extra.get((method, path), ())}
            validated = operation.get("parameters") or (
                "requestBody" in operation and not path.startswith(raw_bodies)
            )
            if validated:
                statuses.add(422)
            if operation.get("security"):
                statuses |= {401, 403}
                if _takes_basic(schema, operation):
                    statuses.add(429)
            if "requestBody" in operation:
                statuses.add(413)
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                if str(status) not in responses and status not in responses:
                    responses[str(status)] = {"description": DESCRIPTIONS[status], "content": error}
            if "429" in responses:
                responses["429"].setdefault("headers", {"Retry-After": RETRY_AFTER})
    return schema


RETRY_AFTER = {
    "description": "seconds until the lockout ends",
    "required": True,
    "schema": {"type": "integer", "minimum": 0},
}


def _takes_basic(schema: dict[str, Any], operation: dict[str, Any]) -> bool:
    """Whether one of the operation's security schemes is HTTP Basic (a password checked on each request)."""
    schemes = schema.get("components", {}).get("securitySchemes", {})
    return any(
        schemes.get(name, {}).get("scheme", "").lower() == "basic"
        for requirement in operation["security"]
        for name in requirement
    )


def _constrain(schema: dict[str, Any], facts: dict[str, Any]) -> None:
    """Apply ``facts`` to a parameter schema, inside ``anyOf`` for an optional one (``[T, null]``)."""
    for option in schema.get("anyOf", [schema]):
        if option.get("type") != "null":
            option.update(facts)
