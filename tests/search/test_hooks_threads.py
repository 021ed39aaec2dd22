"""The index hook under a threaded server: what one thread marks is indexed by its own commit, never taken
(and indexed too early, from the old rows) by another thread's commit."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, transaction

from kenes.lex.models import Expression, Work
from kenes.search import hooks
from kenes.search.index import stale_works
from kenes.search.service import SearchRequest, search

from .indexing import C095, DAY, LC

pytestmark = pytest.mark.django_db(transaction=True)
ON = dt.date(2024, 6, 1)
TIMEOUT = 30


def _start(target) -> threading.Thread:
    """Run ``target`` in a thread of its own (so with its own connection); ``_join`` re-raises its error."""

    def run() -> None:
        try:
            target()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test thread by _join
            thread.error = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.error = None
    thread.start()
    return thread


def _join(thread: threading.Thread) -> None:
    thread.join(TIMEOUT)
    assert not thread.is_alive(), "the thread did not finish"
    if thread.error is not None:
        raise thread.error


def test_a_thread_flushes_only_the_works_it_marked(library, settings):
    settings.KENES_SEARCH_AUTOINDEX = True
    lc, c095 = (Work.objects.get(frbr_uri=uri).pk for uri in (LC, C095))
    seen_by_other: list[set[int]] = []
    with transaction.atomic():
        hooks.mark(lc)  # waits for this transaction's commit

        def other() -> None:
            seen_by_other.append(set(hooks.pending()))
            hooks.mark(c095)  # autocommit: flushed at once
            seen_by_other.append(set(hooks.pending()))

        _join(_start(other))
        assert hooks.pending() == {lc}  # the other thread's commit did not take it
    assert seen_by_other == [set(), set()]
    assert hooks.pending() == set()  # this commit flushed it


def test_a_rolled_back_transaction_leaves_nothing_marked(library, settings):
    settings.KENES_SEARCH_AUTOINDEX = True
    lc, c095 = (Work.objects.get(frbr_uri=uri).pk for uri in (LC, C095))
    with pytest.raises(RuntimeError), transaction.atomic():
        hooks.mark(lc)
        raise RuntimeError("import failed")
    with transaction.atomic():
        hooks.mark(c095)
        with pytest.raises(RuntimeError), transaction.atomic():  # a savepoint that rolls back
            hooks.mark(lc)
            raise RuntimeError("one article failed")
        assert hooks.pending() == {c095, lc}  # lc rides on the outer batch: re-indexed, harmless
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            hooks.mark(lc)  # the batch was registered inside the savepoint: dropped with it
            raise RuntimeError("one article failed")
        hooks.mark(c095)
        assert hooks.pending() == {c095}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs two concurrent write transactions (SQLite has one writer)",
)
def test_overlapping_transactions_in_two_threads_both_end_up_indexed(library, settings):
    settings.KENES_SEARCH_AUTOINDEX = True
    lc, c095 = (Work.objects.get(frbr_uri=uri).pk for uri in (LC, C095))
    a_saved, b_done = threading.Event(), threading.Event()

    def a() -> None:
        with transaction.atomic():
            expression = Expression.objects.get(work_id=lc, date=DAY)
            expression.title = "Трудовой кодекс (редакция потока A)"
            expression.save()
            a_saved.set()
            assert b_done.wait(TIMEOUT)  # B commits while this transaction is still open

    def b() -> None:
        assert a_saved.wait(TIMEOUT)
        expression = Expression.objects.get(work_id=c095)
        expression.title = "Protection of Wages Convention, thread B"
        expression.save()
        b_done.set()

    thread_a, thread_b = _start(a), _start(b)
    _join(thread_b)
    _join(thread_a)

    assert stale_works() == set()
    titles = {h.work: h.work_title for h in search(SearchRequest("заработная плата", date=ON, limit=50)).hits}
    assert titles[LC] == "Трудовой кодекс (редакция потока A)"
    titles = {h.work: h.work_title for h in search(SearchRequest("wages", date=ON, limit=50)).hits}
    assert titles[C095] == "Protection of Wages Convention, thread B"
