"""The search page remembers the country a person picks (not personal data: a country of the region, or
"*" for every country), so that a migrant on a phone does not pick it again for every question."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from kenes.kernel.countries import COVERED

__all__ = ["COUNTRY_COOKIE", "remember", "remembered"]

COUNTRY_COOKIE = "kenes_country"
COUNTRY_COOKIE_AGE = 365 * 24 * 3600


def _rememberable(value: str) -> bool:
    return value in ("", "*") or value in COVERED


def remembered(request: HttpRequest) -> str:
    """The country this browser picked last time ("" for none)."""
    value = request.COOKIES.get(COUNTRY_COOKIE, "")
    return value if _rememberable(value) else ""


def remember(request: HttpRequest, response: HttpResponse, chosen: str, before: str) -> None:
    """Keep the country chosen in a search's address (a GET: a posted search, which another site's page
    can send without a token, changes nothing the browser keeps)."""
    if "jurisdiction" in request.GET and chosen != before and _rememberable(chosen):
        if chosen:
            response.set_cookie(
                COUNTRY_COOKIE,
                chosen,
                max_age=COUNTRY_COOKIE_AGE,
                samesite="Lax",
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,
            )
        else:
            response.delete_cookie(COUNTRY_COOKIE, samesite="Lax")
    patch_vary_headers(response, ["Cookie"])
