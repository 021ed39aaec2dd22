"""The JSON API: one NinjaAPI, each app contributing a router.

Every error is a JSON body saying what was wrong, so a client never has to parse an HTML error page. The
contract (:class:`ApiError`, :func:`error_body`) lives in :mod:`kenes.site.errors`, which routers import;
this module imports the routers and turns every exception into that body.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.db import DataError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from . import __version__
from .site.errors import ApiError, error_body
from .site.openapi import document_errors


class KenesAPI(NinjaAPI):
    """The NinjaAPI whose OpenAPI document lists every operation's error responses (kenes.site.openapi).

    What the rules there cannot derive, each router's module says next to its operations:
    ``OPENAPI_ERRORS`` (``(method, path) -> statuses``), ``OPENAPI_PARAMETERS`` (``(method, path, name) ->
    JSON Schema keywords`` for values a view checks itself) and ``OPENAPI_RAW_BODY`` (its views read the
    body themselves: no 422).
    """

    def get_openapi_schema(self, *args, **kwargs):  # type: ignore[override]
        schema = super().get_openapi_schema(*args, **kwargs)
        errors: dict = {}
        parameters: dict = {}
        raw_bodies: list[str] = []
        for _prefix, router in ROUTERS:
            module = import_module(router.rsplit(".", 1)[0])  # already imported by the mount
            errors |= getattr(module, "OPENAPI_ERRORS", {})
            parameters |= getattr(module, "OPENAPI_PARAMETERS", {})
            raw_bodies += getattr(module, "OPENAPI_RAW_BODY", ())
        return document_errors(schema, errors, raw_bodies=tuple(raw_bodies), parameters=parameters)


api = KenesAPI(
    title="Kenes API",
    version=__version__,
    description=(
        "Read API of the Kenes legal database on social and labour protection: works, expressions, "
        "provisions by AKN URI and eId, translations, references, amendments and ratifications. "
        "Write operations need an authenticated user with the editor role."
    ),
    urls_namespace="api",
)


def _respond(request: HttpRequest, status: int, code: str, message: str, **details: object) -> HttpResponse:
    return api.create_response(request, error_body(status, code, message, **details), status=status)


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return _respond(request, exc.status_code, exc.code, str(exc), **exc.details)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _respond(request, exc.status_code, "error", str(exc))


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    problems = [
        {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")} for e in exc.errors
    ]
    message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems) or "invalid request"
    return _respond(request, 422, "invalid", message, problems=problems)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _respond(request, 401, "unauthenticated", "log in (session or HTTP Basic) to use this operation")


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _respond(request, 403, "forbidden", str(exc) or "this operation needs the editor role")


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _respond(request, 404, "not-found", str(exc) or "not found")


@api.exception_handler(ValidationError)
def _django_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if not hasattr(exc, "error_dict"):
        return _respond(request, 400, "invalid", "; ".join(exc.messages))
    problems = [
        {"where": field, "problem": message}
        for field, messages in exc.message_dict.items()
        for message in messages
    ]
    message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
    return _respond(request, 400, "invalid", message, problems=problems)


@api.exception_handler(DataError)
def _data_error(request: HttpRequest, exc: DataError) -> HttpResponse:
    """A safety net: the handlers validate first, but a value the database refuses is the client's 400."""
    import logging

    logging.getLogger("kenes.api").warning("database refused a value on %s: %s", request.path, exc)
    return _respond(
        request, 400, "invalid", "a value does not fit the database (too long, or a NUL character)"
    )


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    """An upload stopped while streaming (kenes.site.uploads) or a form body over Django's limits."""
    return _respond(request, 413, "too-large", str(exc) or "request body too large")


@api.exception_handler(MultiPartParserError)
def _unreadable_form(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
    """A multipart body Django cannot parse (no boundary, a broken header). Whatever reads the form first
    raises it: the upload's view, or before it the CSRF check of a session and the login policy's record of
    a refused HTTP Basic login, both of which look at the form's fields."""
    return _respond(request, 400, "invalid", f"the multipart body cannot be read: {exc}")


@api.exception_handler(OperationalError)
def _database_busy(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    """SQLite's write lock held past the timeout by another import: a 503 to retry, not a traceback."""
    if "locked" not in str(exc):
        return _unexpected(request, exc)
    response = _respond(request, 503, "busy", "the database is busy with another write; try again shortly")
    response["Retry-After"] = "5"
    return response


class ApiEdgeMiddleware:
    """Keeps the JSON-error promise for what the NinjaAPI never sees, on paths under /api/ only.

    A path no route matches (Django's 404 with no ``resolver_match``: the portal's page it rendered is
    dropped; a rare, wrong request pays for it rather than every right one resolving its path twice) is
    answered with the JSON 404, and ninja's plain-text 405 (a method the route does not take) is rewritten
    to the JSON error body. (A NUL character
    in the URL is refused site-wide, before this, by :mod:`kenes.site.guards`.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        response = self.get_response(request)
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            # no route matched (Django sets resolver_match once one does): the portal's 404 page was
            # rendered for it, and is replaced. Asked after the fact rather than by resolving the path
            # first, which every API request paid for (a second walk of the URL patterns).
            message = f"no API endpoint at {request.path}; the endpoints are listed at /api/docs"
            return JsonResponse(error_body(404, "not-found", message), status=404)
        if response.status_code != 405 or response.get("Content-Type", "").startswith("application/json"):
            return response
        allowed = ", ".join(sorted(m.strip() for m in response.get("Allow", "").split(",") if m.strip()))
        message = f"{request.method} is not allowed here; allowed: {allowed}"
        rewritten = JsonResponse(error_body(405, "method-not-allowed", message), status=405)
        rewritten["Allow"] = allowed
        return rewritten


#: Each app's router (mount prefix, dotted path). By path, so this module imports no router: a router may
#: import the error contract (kenes.site.errors) without a cycle, and an app nothing may import (the desk)
#: is mounted all the same.
ROUTERS: tuple[tuple[str, str], ...] = (
    ("/", "kenes.lex.api.router"),
    ("/", "kenes.rights.web.api.router"),
    ("/", "kenes.search.api.router"),
    ("/", "kenes.desk.api.router"),  # by dotted path: nothing in Kenes imports kenes.desk
    ("/observatory/", "kenes.observatory.api.router"),
)


def _mount_routers() -> None:
    for prefix, router in ROUTERS:
        api.add_router(prefix, router)


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    import logging

    logging.getLogger("kenes.api").exception("unhandled error on %s", request.path)
    return _respond(request, 500, "internal", "internal error; it has been logged")


_mount_routers()
