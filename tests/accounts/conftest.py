"""Fixtures for the login-policy tests: staff with a real password, a counter of password hashes."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from kenes.accounts import hashers

PASSWORD = "correct-horse-battery-7"


@pytest.fixture
def staff(db):
    """An active staff user (admin access) with a real Argon2 password."""
    return get_user_model().objects.create_user("dana", password=PASSWORD, is_staff=True)


@pytest.fixture
def hash_count(monkeypatch):
    """How many times Argon2 ran (verify or encode): the real hasher, counted, not replaced."""
    calls = {"n": 0}
    for name in ("verify", "encode"):
        original = getattr(hashers.Argon2PasswordHasher, name)

        def counted(self, *args, _original=original, **kwargs):
            calls["n"] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(hashers.Argon2PasswordHasher, name, counted)
    return calls
