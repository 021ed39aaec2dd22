"""Keep the index current: every saved work, expression or provision marks its work, and after the database
transaction commits the marked works are re-indexed from the rows.

Indexing after the commit (never inside it) means the index never holds what the database rolled back, and
a failure here never undoes an import: the work stays stale, the next writer session (or ``kenes reindex``)
finds it by its stamp and indexes it. ``KENES_SEARCH_AUTOINDEX=0`` turns the hook off (bulk loads, benches).
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

log = logging.getLogger("kenes.search")

#: How long an update waits for another process's writer before leaving the work stale.
WAIT_SECONDS = 5.0
_pending: set[int] = set()
_lock = threading.Lock()


def enabled() -> bool:
    return bool(getattr(settings, "KENES_SEARCH_AUTOINDEX", True))


def mark(work_id: int | None) -> None:
    """Re-index ``work_id`` once the current transaction commits (at once outside a transaction)."""
    if not work_id or not enabled():
        return
    with _lock:
        _pending.add(work_id)
    transaction.on_commit(flush, robust=True)


def flush() -> None:
    with _lock:
        ids = set(_pending)
        _pending.clear()
    if not ids:
        return
    from .index import IndexBusy, update_works

    try:
        update_works(ids, wait=WAIT_SECONDS)
    except IndexBusy as exc:
        log.warning("%s; works %s stay stale until the next update or `kenes reindex`", exc, sorted(ids))
    except Exception:  # never let the index break an import: the database already holds the truth
        log.exception("search index update failed for works %s; run `kenes reindex`", sorted(ids))


def sync_now() -> str:
    """Bring the index up to date with the database now (after bulk loads that bypass signals)."""
    if not enabled():
        return "search index: automatic indexing is off; run `kenes reindex`"
    from .index import IndexBusy, update_works

    try:
        return f"search index: {update_works([], wait=WAIT_SECONDS)}"
    except IndexBusy as exc:
        return f"search index: {exc}; run `kenes reindex` when it is done"


def _work_saved(sender, instance, **kwargs) -> None:
    mark(instance.pk)


def _expression_saved(sender, instance, **kwargs) -> None:
    mark(instance.work_id)


def _provision_saved(sender, instance, **kwargs) -> None:
    from kenes.lex.models import Expression

    mark(Expression.objects.filter(pk=instance.expression_id).values_list("work_id", flat=True).first())


def _work_topics_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        mark(getattr(instance, "pk", None))


def connect() -> None:
    from kenes.lex.models import Expression, Provision, Work

    post_save.connect(_work_saved, sender=Work, dispatch_uid="search-work-saved")
    post_delete.connect(_work_saved, sender=Work, dispatch_uid="search-work-deleted")
    post_save.connect(_expression_saved, sender=Expression, dispatch_uid="search-expression-saved")
    post_delete.connect(_expression_saved, sender=Expression, dispatch_uid="search-expression-deleted")
    # Provision deletes are not watched: a receiver would make Django load every row of a cascade delete;
    # deleting provisions goes through their expression (re-import), which is watched.
    post_save.connect(_provision_saved, sender=Provision, dispatch_uid="search-provision-saved")
    m2m_changed.connect(_work_topics_changed, sender=Work.topics.through, dispatch_uid="search-work-topics")
