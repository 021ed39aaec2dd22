"""Setting a password the one way Kenes allows: through Django's validators, on every path.

The admin's forms run the validators themselves; the ``kenes`` commands and any code that creates staff go
through :func:`set_checked_password`, so "" and "1" are refused with the validator's own message.
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth.password_validation import validate_password


def set_checked_password(user: object, password: str) -> None:
    """Validate ``password`` for ``user`` (raises ``ValidationError`` with every reason) and set it.

    The user is not saved: the caller saves once with its other changes.
    """
    validate_password(password, user)
    user.set_password(password)  # type: ignore[attr-defined]


def password_from_env_or_prompt(username: str) -> str:
    """KENES_PASSWORD when set (even to "", which the validators then refuse), else a hidden prompt.

    Never from argv, so a password stays out of shell history and process lists.
    """
    if "KENES_PASSWORD" in os.environ:
        return os.environ["KENES_PASSWORD"]
    return getpass.getpass(f"password for {username}: ")
