"""The browser session as API authentication, for every app's write endpoints.

ninja's ``SessionAuth`` checks CSRF before it looks for a user, so a request with no login at all was
refused "CSRF check Failed" (403), which tells a client nothing about what to do. Here a request without a
logged-in user is simply not authenticated by the session (the API answers 401: log in), and the CSRF
check guards what it is for: a logged-in browser session that could write.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from ninja.security import SessionAuth


class LoginSession(SessionAuth):
    def __call__(self, request: HttpRequest) -> AbstractBaseUser | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # no login: ninja raises AuthenticationError, answered 401 by kenes.api
        return super().__call__(request)  # logged in: the CSRF check, then the user
