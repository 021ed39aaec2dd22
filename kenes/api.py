"""The JSON API: one NinjaAPI, each app contributing a router.

Every error is a JSON body saying what was wrong, so a client never has to parse an HTML error page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from . import __version__

api = NinjaAPI(
    title="Kenes API",
    version=__version__,
    description=(
        "Read API of the Kenes legal database on social and labour protection: works, expressions, "
        "provisions by AKN URI and eId, translations, references, amendments and ratifications. "
        "Write operations need an authenticated user with the editor role."
    ),
    urls_namespace="api",
)


class ApiError(HttpError):
    """An error with a machine-readable code besides the message."""

    def __init__(self, status_code: int, message: str, code: str = "error", **details: object):
        super().__init__(status_code, message)
        self.code = code
        self.details = details


def error_body(status: int, code: str, message: str, **details: object) -> dict:
    body: dict = {"error": {"status": status, "code": code, "message": message}}
    if details:
        body["error"]["details"] = details
    return body


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
    return _respond(request, 400, "invalid", "; ".join(exc.messages))


def _mount_routers() -> None:
    from .lex.api import router as lex_router

    api.add_router("/", lex_router)

    from .rights.web.api import router as rights_router

    api.add_router("/", rights_router)

    from .search.api import router as search_router

    api.add_router("/", search_router)


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    import logging

    logging.getLogger("kenes.api").exception("unhandled error on %s", request.path)
    return _respond(request, 500, "internal", "internal error; it has been logged")


_mount_routers()
