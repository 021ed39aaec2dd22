"""Argon2id with the OWASP Password Storage Cheat Sheet's first set of parameters.

Django's defaults (100 MiB, 8 lanes) are sized for a dedicated login server; Kenes runs its pages and logins
on the same few cores, and 19 MiB × 2 passes is the recommended minimum that keeps a login in the tens of
milliseconds. Hashes made with other parameters still verify and are upgraded at the next login.
"""

from __future__ import annotations

from django.contrib.auth import hashers


class Argon2PasswordHasher(hashers.Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
