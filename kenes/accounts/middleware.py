"""Session lifetime: an idle timeout (Django's cookie age, renewed on each request) and a hard maximum.

The idle timeout alone would let a session that is used every few minutes live for ever on a shared
computer in an advisory centre; the maximum ends it a working day after the login, however busy.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from .signals import LOGIN_AT


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            logged_in_at = request.session.get(LOGIN_AT)
            if logged_in_at is None or time.time() - logged_in_at > settings.KENES_SESSION_MAX_AGE:
                logout(request)
        return self.get_response(request)
