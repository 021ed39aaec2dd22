"""Keep the index current: every saved work, expression or provision marks its work, and after the database
transaction commits the marked works are re-indexed from the rows.

Indexing after the commit (never inside it) means the index never holds what the database rolled back, and
a failure here never undoes an import: the work stays stale, the next writer session (or ``kenes reindex``)
finds it by its stamp and indexes it. ``KENES_SEARCH_AUTOINDEX=0`` turns the hook off (bulk loads, benches).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

log = logging.getLogger("kenes.search")

#: How long an update waits for another process's writer before leaving the work stale.
WAIT_SECONDS = 5.0
#: The works marked in one transaction are a batch of that transaction's connection (so of its thread), run
#: by that transaction's commit. One set per process lost updates: thread B's commit took thread A's
#: uncommitted work, indexed it from B's connection (which still saw the old row) and left A's commit nothing.
_BATCH_ATTR = "_kenes_search_batch"


class _Batch:
    """The on-commit callback of one transaction: indexes the works marked in it."""

    def __init__(self, ids: set[int]) -> None:
        self.ids = ids

    def __call__(self) -> None:
        ids, self.ids = self.ids, set()
        if not ids:
            return
        from .index import IndexBusy, update_works

        try:
            update_works(ids, wait=WAIT_SECONDS)
        except IndexBusy as exc:
            log.warning("%s; works %s stay stale until the next update or `kenes reindex`", exc, sorted(ids))
        except Exception:  # never let the index break an import: the database already holds the truth
            log.exception("search index update failed for works %s; run `kenes reindex`", sorted(ids))


def enabled() -> bool:
    return bool(getattr(settings, "KENES_SEARCH_AUTOINDEX", True))


def _live_batch(conn) -> _Batch | None:
    """This connection's batch while its transaction will still run it. A rollback (of the transaction,
    or of the savepoint the batch was registered in) drops the callback, and with it what it marked."""
    batch = conn.__dict__.get(_BATCH_ATTR)
    if batch is not None and any(entry[1] is batch for entry in conn.run_on_commit):
        return batch
    return None


def pending(using: str | None = None) -> set[int]:
    """The works this thread's open transaction on ``using`` has marked (indexed when it commits)."""
    batch = _live_batch(transaction.get_connection(using))
    return set(batch.ids) if batch else set()


def mark(work_id: int | None, using: str | None = None) -> None:
    """Re-index ``work_id`` once the current transaction commits (at once outside a transaction)."""
    if not work_id or not enabled():
        return
    conn = transaction.get_connection(using)
    if not conn.in_atomic_block:  # autocommit: the row is committed already
        _Batch({work_id})()
        return
    batch = _live_batch(conn)
    if batch is None:
        batch = conn.__dict__[_BATCH_ATTR] = _Batch(set())
        transaction.on_commit(batch, using=using, robust=True)
    batch.ids.add(work_id)


def flush(using: str | None = None) -> None:
    """Index what this thread's transaction marked now (what its commit would run); other threads' marks
    wait for their own commits."""
    batch = transaction.get_connection(using).__dict__.get(_BATCH_ATTR)
    if batch is not None:
        batch()


def sync_now() -> str:
    """Bring the index up to date with the database now (after bulk loads that bypass signals)."""
    if not enabled():
        return "search index: automatic indexing is off; run `kenes reindex`"
    from .index import IndexBusy, update_works

    try:
        return f"search index: {update_works([], wait=WAIT_SECONDS)}"
    except IndexBusy as exc:
        return f"search index: {exc}; run `kenes reindex` when it is done"


def _work_saved(sender, instance, using=None, **kwargs) -> None:
    mark(instance.pk, using)


def _expression_saved(sender, instance, using=None, **kwargs) -> None:
    mark(instance.work_id, using)


def _provision_saved(sender, instance, using=None, **kwargs) -> None:
    from kenes.lex.models import Expression

    expressions = Expression.objects.using(using).filter(pk=instance.expression_id)
    mark(expressions.values_list("work_id", flat=True).first(), using)


def _work_topics_changed(sender, instance, action, using=None, **kwargs) -> None:
    if action.startswith("post_"):
        mark(getattr(instance, "pk", None), using)


def _expression_confirmed(sender, expression, **kwargs) -> None:
    # an unchanged re-import: its commit re-indexes the work and whatever else is stale (a crash between the
    # database and the index commits left it so), instead of trusting "unchanged"
    mark(expression.work_id)


def connect() -> None:
    from kenes.lex.models import Expression, Provision, Work
    from kenes.lex.signals import expression_confirmed

    expression_confirmed.connect(_expression_confirmed, dispatch_uid="search-expression-confirmed")

    post_save.connect(_work_saved, sender=Work, dispatch_uid="search-work-saved")
    post_delete.connect(_work_saved, sender=Work, dispatch_uid="search-work-deleted")
    post_save.connect(_expression_saved, sender=Expression, dispatch_uid="search-expression-saved")
    post_delete.connect(_expression_saved, sender=Expression, dispatch_uid="search-expression-deleted")
    # Provision deletes are not watched: a receiver would make Django load every row of a cascade delete;
    # deleting provisions goes through their expression (re-import), which is watched.
    post_save.connect(_provision_saved, sender=Provision, dispatch_uid="search-provision-saved")
    m2m_changed.connect(_work_topics_changed, sender=Work.topics.through, dispatch_uid="search-work-topics")
