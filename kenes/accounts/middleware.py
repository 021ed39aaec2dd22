"""Session lifetime, and the early refusal of locked-out logins.

Session lifetime: an idle timeout (Django's cookie age, renewed on each request) and a hard maximum.

The idle timeout alone would let a session that is used every few minutes live for ever on a shared
computer in an advisory centre; the maximum ends it a working day after the login, however busy.
"""

from __future__ import annotations

import base64
import functools
import time
from collections.abc import Callable

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from .client_ip import client_ip
from .login import lockout_response
from .signals import LOGIN_AT, login_attempt


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


class LockedOutEarlyMiddleware:
    """Answers a locked-out login attempt at the top of the stack, with one indexed read and nothing else.

    The authentication backend refuses a locked account too, but only after sessions, CSRF, routing, the
    view and the failure signals have run. A flood of wrong passwords is mostly locked-out attempts, and each
    one of them takes a worker from the readers for as long as it is handled, so the cheaper the refusal, the
    more of the site's capacity stays with legitimate users (``bench/login_flood.py``). Only requests that
    carry credentials are looked at: HTTP Basic anywhere, and POSTs to the login pages.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        username = self._username(request)
        if username is not None and _locked_out(username, client_ip(request)):
            return self._refuse(request, username)
        return self.get_response(request)

    @staticmethod
    def _username(request: HttpRequest) -> str | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header[:6].lower() == "basic ":
            try:
                decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                return None  # malformed: the API answers it as such
            return decoded.partition(":")[0]
        if request.method == "POST" and request.path_info in _login_paths():
            return request.POST.get("username", "")
        return None

    @staticmethod
    def _refuse(request: HttpRequest, username: str) -> HttpResponse:
        # The middleware below has not run: the refusal page is shown as to an anonymous visitor, in the
        # language the browser asks for.
        request.user = AnonymousUser()
        translation.activate(translation.get_language_from_request(request))
        login_attempt.send(
            sender=LockedOutEarlyMiddleware,
            outcome="locked_out",
            channel="basic" if "HTTP_AUTHORIZATION" in request.META else "form",
            username=username,
            user=None,
            ip_address=client_ip(request),
            path=request.path,
        )
        response = lockout_response(request)
        # One log line per refused attempt would let a flood fill the disk; the access log has it already.
        response._has_been_logged = True  # type: ignore[attr-defined]
        return response


def _locked_out(username: str, ip_address: str | None) -> bool:
    """django-axes' verdict for the lockout parameters Kenes uses (each of username and address, failures
    within the cool-off summed), read in one query. Sound by construction: it refuses only where axes'
    own backend check would, and anything it lets through still meets that check."""
    if settings.AXES_LOCKOUT_PARAMETERS != ["username", "ip_address"] or not settings.AXES_ENABLED:
        return False  # another policy configured: leave the verdict to axes alone
    match = Q(username=username) | Q(ip_address=ip_address) if ip_address else Q(username=username)
    rows = AccessAttempt.objects.filter(match, attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    by_user = by_address = 0
    for user, address, failures in rows.values_list("username", "ip_address", "failures_since_start"):
        by_user += failures if user == username else 0
        by_address += failures if ip_address and address == ip_address else 0
    return max(by_user, by_address) >= settings.AXES_FAILURE_LIMIT


@functools.cache
def _login_paths() -> frozenset[str]:
    return frozenset({reverse("accounts:login"), reverse("admin:login")})
