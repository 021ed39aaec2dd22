"""The interface language switched on a page answered to a posted search, keeping the question.

Why: a question too long for an address (kenes/portal/search_form.py) is answered on the spot, at ``/search``
with nothing in its URL. Django's ``set_language`` redirects to the page's address, so switching the language
there lost the letter the person had pasted, and they had to paste it again. On such a page the site shell's
switcher posts the search form itself here (``language_form`` in the page's context, base.html): this view
switches the language as ``set_language`` does, then answers the same search in it.

Unlike the search, this view is protected against cross-site posts (it sets the language cookie): the
token travels in the search form, added by the switcher.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_POST

from .views import search

__all__ = ["switch_and_search"]


@require_POST
def switch_and_search(request: HttpRequest) -> HttpResponse:
    """The posted search answered in the language chosen, which is kept as ``set_language`` keeps it.

    A language not offered is ignored (as ``set_language`` ignores it): the search is answered in the
    current one, and nothing is kept."""
    code = request.POST.get("language", "")
    offered = code in dict(settings.LANGUAGES) and translation.check_for_language(code)
    if offered:
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()
    response = search(request)
    if offered:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
