"""Summary pages kept until their data changes: a cache keyed on the observatory's data version.

A country page gathers a dozen figures (latest values, the wage monitor, corridors, ratifications,
disputes), each a query or two; on a small shared server that was the page's whole time budget
(bench/observatory.py). What it shows changes only when data is written, so the figures are built once per
data version, interface language and day, and kept in Django's cache.

The version is a row in the database, so a write by another process (``kenes stats import``, ``kenes
demo``) reaches every server process. It changes on every save and delete of the models the pages read
(signals, connected in ``apps.py``), and the statistics importer, whose bulk writes send no signals, calls
:func:`bump` itself. A write that neither saves through the ORM nor calls :func:`bump` would leave a page
stale: a new bulk writer must call it.

The version is one row, updated inside each writer's transaction: on PostgreSQL a second transaction
writing observatory data (or a lex work or ratification) waits at that row until the first commits, as
every writer already waits on SQLite.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

T = TypeVar("T")

#: lex models the observatory's pages read (instruments, ratifications), besides all of its own
LEX_MODELS = ("Work", "Ratification", "Jurisdiction")

#: Written only by the statistics importer, which bumps the version itself: a signal receiver on them
#: would stop Django deleting an indicator's million values in one statement (it would load each one to
#: send its signal). ``tests/observatory/test_freshness.py`` checks nothing else writes them.
IMPORTED = ("Series", "Value")

#: seconds a page's figures are kept at most, whatever the version says
TIMEOUT = 3600


def token() -> str:
    """The current data version ("" before the first write)."""
    from .models import DataVersion

    return DataVersion.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def bump(**_signal) -> None:
    """A new data version: pages built from the old data are no longer read. Inside the writer's
    transaction, so readers see the new token exactly when they see the new data."""
    from .models import DataVersion

    new = uuid.uuid4().hex
    if not DataVersion.objects.filter(pk=1).update(token=new):
        DataVersion.objects.update_or_create(pk=1, defaults={"token": new})


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, or what it returned for ``name`` under the same data version, language and day (the
    wage monitor runs to the current year)."""
    key = f"observatory:{name}:{get_language()}:{dt.date.today().isoformat()}:{token()}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, TIMEOUT)
    return found


def watched_models() -> list[type]:
    """The models whose saves and deletes change the version through signals: the observatory's (but the
    imported ones and the version itself) and the lex models its pages read.
    ``tests/observatory/test_freshness.py`` checks every kept page reads no other table."""
    from django.apps import apps

    skip = {"DataVersion", *IMPORTED}
    watched = [m for m in apps.get_app_config("observatory").get_models() if m.__name__ not in skip]
    return watched + [apps.get_model("lex", name) for name in LEX_MODELS]


def connect() -> None:
    """Bump the version on every save and delete of the watched models."""
    for model in watched_models():
        label = model._meta.label
        post_save.connect(bump, sender=model, dispatch_uid=f"observatory-version-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"observatory-version-delete-{label}")
