"""Site-wide request guards that no view should have to repeat.

A NUL character (``%00``) in a path or a query value is refused with a 400 on every page, not only under
``/api/``: PostgreSQL can neither store nor compare it, so a portal page filtering by it
(``/search?topic=%00``, ``/countries/%00``) was a 500 there, and no legitimate link contains one. Under
``/api/`` the answer is the API's JSON error body; elsewhere the site's 400 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.views.defaults import bad_request

from .errors import error_response

NUL_MESSAGE = "the request contains a NUL character (%00)"


def has_nul(request: HttpRequest) -> bool:
    """A NUL anywhere in the decoded path, a query key or a query value."""
    if "\x00" in request.path_info:
        return True
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists())


class RejectNulMiddleware:
    """400 for a NUL in the URL, before any view (or database query) sees it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not has_nul(request):
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            return error_response(400, "invalid", NUL_MESSAGE)
        return bad_request(request, ValueError(NUL_MESSAGE))
