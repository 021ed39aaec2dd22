"""Two writers at once: SQLite's second import waits (or says the database is busy), PostgreSQL's second
request creating the same work is a 409, and two imports of the same new work both succeed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client

from kenes.lex.importing import import_document
from kenes.lex.models import Work
from kenes.lex.roles import editor_group
from tests import factories as f
from tests.conftest import REPO

LAW = "Статья 1. Сфера\n\n      Текст первой статьи.\n\nСтатья 2. Цели\n\n      Текст второй статьи.\n"
URI = "/akn/kz/act/law/2011-07-22/477-iv"


def _kenes(env: dict[str, str], *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kenes.cli", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def sqlite_folder(tmp_path) -> tuple[dict[str, str], sqlite3.Connection, list[str]]:
    """A migrated SQLite data folder, a raw connection to it, and the arguments of an import into it."""
    env = {**os.environ, "DATABASE_URL": "", "KENES_DATA_DIR": str(tmp_path / "data")}
    env["KENES_SEARCH_AUTOINDEX"] = "0"
    assert _kenes(env, "demo", "-q").wait(timeout=180) == 0
    law = tmp_path / "law.txt"
    law.write_text(LAW, encoding="utf-8")
    holder = sqlite3.connect(tmp_path / "data" / "kenes.sqlite3", isolation_level=None, timeout=60)
    yield env, holder, ["import", str(law), "--work", URI, "--lang", "rus", "--date", "2024-01-01", "-q"]
    holder.close()


def _hold_write_lock(holder: sqlite3.Connection) -> None:
    """What another import does: take SQLite's write lock and write."""
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE lex_jurisdiction SET name = name WHERE code = 'kz'")


def test_an_sqlite_import_waits_for_another_writer_instead_of_failing_locked(sqlite_folder):
    env, holder, args = sqlite_folder
    _hold_write_lock(holder)
    second = _kenes(env, *args)
    time.sleep(8)  # the second import has started, read, and wants to write
    holder.execute("COMMIT")
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "created" in out and "locked" not in err


def test_an_sqlite_import_blocked_past_the_timeout_says_so_without_a_traceback(sqlite_folder):
    env, holder, args = sqlite_folder
    _hold_write_lock(holder)
    blocked = _kenes({**env, "KENES_SQLITE_TIMEOUT": "1"}, *args)
    out, err = blocked.communicate(timeout=120)
    holder.execute("ROLLBACK")
    assert blocked.returncode == 1
    assert "kenes: error: the database is busy: another import" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- PostgreSQL: row-level concurrency

needs_postgres = pytest.mark.skipif(
    "sqlite" in os.environ.get("DATABASE_URL", "sqlite") or not os.environ.get("DATABASE_URL"),
    reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises writers, so there is no race",
)


def _both_at_once(action) -> list:
    """Run ``action`` in two threads that meet just before saving a Work, so both passed every check."""
    barrier = threading.Barrier(2, timeout=20)
    results: list = [None, None]

    def meet(sender, instance, **kwargs) -> None:
        if instance.pk is None:
            barrier.wait()

    def run(i: int) -> None:
        try:
            results[i] = action()
        except Exception as exc:  # the assertion below names it
            results[i] = exc
        finally:
            connection.close()

    pre_save.connect(meet, sender=Work, dispatch_uid="test-meet")
    try:
        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        pre_save.disconnect(dispatch_uid="test-meet")
    return results


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_requests_creating_the_same_work_get_201_and_409():
    f.jurisdiction("kz")
    user = User.objects.create_user("lawyer", password="pw-Editor-123")
    user.groups.add(editor_group())

    def post():
        client = Client()
        client.force_login(user)
        return client.post("/api/works", {"frbr_uri": URI, "title": "Закон"}, content_type="application/json")

    statuses = sorted(getattr(r, "status_code", r) for r in _both_at_once(post))
    assert statuses == [201, 409]
    assert Work.objects.filter(frbr_uri=URI).count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_new_work_both_succeed():
    f.jurisdiction("kz")

    def imported():
        return import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY).status

    assert sorted(map(str, _both_at_once(imported))) == ["created", "unchanged"]
    assert Work.objects.filter(frbr_uri=f.LC_URI).count() == 1
