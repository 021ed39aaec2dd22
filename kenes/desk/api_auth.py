"""Who calls the desk API: a personal token (``Authorization: Bearer kd_…``), HTTP Basic, or the session.

Tokens are random, shown once, stored as SHA-256 only. Each scheme acts only on its own header, so a
script's wrong credentials are a 401 and never fall through to the session's CSRF check.
"""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBasicAuth, HttpBearer, django_auth

from kenes.site.errors import ApiError

from .models import ApiToken

TOKEN_PREFIX = "kd_"


def issue_token(user, name: str = "") -> str:
    """Create a token for ``user``; the plain token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:80], digest=hashlib.sha256(token.encode()).hexdigest())
    return token


class _OwnHeaderOnly:
    """Acts only on an ``Authorization`` header of its own scheme and refuses it with a 401 when its
    credentials fail (see the module's docstring); any other header is left to the next scheme."""

    openapi_scheme: str  # ninja's name of the scheme ("bearer", "basic"), as the header spells it
    refusal: str

    def __call__(self, request: HttpRequest):
        if not request.headers.get("Authorization", "").lower().startswith(self.openapi_scheme + " "):
            return None
        user = super().__call__(request)  # type: ignore[misc]  # the ninja scheme this is mixed into
        if user is None:
            raise ApiError(401, self.refusal, "unauthenticated")
        return user


class TokenAuth(_OwnHeaderOnly, HttpBearer):
    refusal = "the API token was not accepted"

    def authenticate(self, request: HttpRequest, token: str):
        digest = hashlib.sha256(token.encode()).hexdigest()
        row = ApiToken.objects.select_related("user").filter(digest=digest).first()
        if row is None or not row.user.is_active:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user


class BasicAuth(_OwnHeaderOnly, HttpBasicAuth):
    refusal = "the HTTP Basic user name or password was not accepted"

    def authenticate(self, request: HttpRequest, username: str, password: str):
        user = authenticate(request, username=username, password=password)
        if user is not None:
            request.user = user
        return user


DESK_AUTH = [TokenAuth(), BasicAuth(), django_auth]
