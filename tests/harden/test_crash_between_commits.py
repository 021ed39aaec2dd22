"""A kill -9 between the database commit and the search index commit: the retry heals the index.

Runs the real ``kenes`` command in subprocesses on a throw-away SQLite data folder (the kill needs its own
process; the behaviour under test is the same on PostgreSQL, whose test database a subprocess cannot share).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import REPO

URI = "/akn/kz/act/law/2011-07-22/477-iv"
LAW = (
    "Статья 1. Сфера действия\n\n      Настоящий Закон применяется к трудовым мигрантам.\n\n"
    "Статья 2. Регистрация\n\n      Мигрант регистрируется в течение трех рабочих дней.\n"
)
#: Runs `kenes …`, killing itself with SIGKILL where the search index update would start: after the
#: database transaction committed, before the index commit.
KILLED_AT_INDEX_UPDATE = """
import os, signal, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
import django
django.setup()
from kenes.search import index
index.update_works = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
from kenes.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _kenes(env: dict[str, str], *args: str, killed: bool = False) -> subprocess.CompletedProcess:
    code = KILLED_AT_INDEX_UPDATE if killed else "import sys; from kenes.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=180
    )


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": "", "KENES_DATA_DIR": str(tmp_path / "data")}
    env.pop("KENES_SEARCH_INDEX", None)
    env.pop("KENES_SEARCH_AUTOINDEX", None)
    assert _kenes(env, "demo", "-q").returncode == 0
    return env


def test_an_unchanged_reimport_after_a_kill_between_the_commits_heals_the_index(env, tmp_path):
    law = tmp_path / "law.txt"
    law.write_text(LAW, encoding="utf-8")
    args = ("import", str(law), "--work", URI, "--lang", "rus", "--date", "2024-01-01", "-q")

    crashed = _kenes(env, *args, killed=True)
    assert crashed.returncode == -signal.SIGKILL
    assert _kenes(env, "reindex", "--check").returncode == 1  # the law is held but not searchable
    assert "no results" in _kenes(env, "search", "регистрируется трех рабочих дней").stdout

    retry = _kenes(env, *args)

    assert retry.returncode == 0 and "unchanged" in retry.stdout
    check = _kenes(env, "reindex", "--check")
    assert check.returncode == 0, check.stdout
    assert "art_2" in _kenes(env, "search", "регистрируется трех рабочих дней").stdout
