"""Nothing of a case in plain text: not in the SQLite file, not in a pg_dump, not in logs, not in search."""

from __future__ import annotations

import base64
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.search.indexing import index_dir, library  # noqa: F401

from .conftest import make_case

REPO = Path(__file__).resolve().parents[2]
NAME = "Гулнора Тайнова"
DOCUMENT = "FA5550123"
SUMMARY_WORD = "Xylographicus"

_WRITE_CASE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from kenes.accounts.models import Organisation
from kenes.desk import casework
from kenes.desk.scope import Staff
org = Organisation.objects.create(slug="c", name="C", country="kz")
staff = Staff(None, org.pk, "consultant", org)
casework.open_case(staff, casework.Intake(
    person={"full_name": %(name)r, "document_number": %(doc)r, "phone": "+77010000000"},
    host_country="kz", categories=["unpaid-wages"], summary=%(summary)r))
from django.db import connection
with connection.cursor() as c:
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
"""


def _needles() -> list[bytes]:
    out = []
    for text in (NAME, DOCUMENT, SUMMARY_WORD):
        out += [text.encode("utf-8"), text.encode("utf-16-le"), base64.b64encode(text.encode())]
    return out


def test_the_sqlite_file_holds_no_name_document_number_or_summary(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kenes.sqlite3'}",
        "KENES_DATA_DIR": str(tmp_path),
    }
    env.pop("KENES_DESK_KEYS", None)
    script = _WRITE_CASE % {"name": NAME, "doc": DOCUMENT, "summary": f"{SUMMARY_WORD} employer"}
    subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, check=True, timeout=120)
    files = [p for p in tmp_path.iterdir() if p.name.startswith("kenes.sqlite3")]
    blob = b"".join(p.read_bytes() for p in files)
    assert b"desk_person" in blob  # the file really holds the desk's tables
    for needle in _needles():
        assert needle not in blob, needle


@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_holds_no_name_document_number_or_summary(consultant_a):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump check: the tests run on SQLite here (set DATABASE_URL to a PostgreSQL database)")
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.skip("pg_dump check: no pg_dump binary on this machine (apt-get install postgresql-client)")
    make_case(
        consultant_a,
        person={"full_name": NAME, "document_number": DOCUMENT},
        summary=f"{SUMMARY_WORD} employer",
    )
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    dump = subprocess.run(
        [
            pg_dump,
            "-h",
            db.get("HOST") or "127.0.0.1",
            "-p",
            str(db.get("PORT") or 5432),
            "-U",
            db["USER"],
            "--data-only",
            db["NAME"],
        ],
        env=env,
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    assert b"desk_person" in dump
    for needle in _needles():
        assert needle not in dump, needle


def test_nothing_of_a_case_reaches_the_logs(client, consultant_a, consultant_b, caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("django.db.backends").setLevel(logging.INFO)  # SQL logging is DEBUG-mode only anyway
    case = make_case(
        consultant_a,
        person={"full_name": NAME, "document_number": DOCUMENT},
        summary=f"{SUMMARY_WORD} employer",
    )
    client.force_login(consultant_a)
    client.get("/desk/")
    client.get(f"/desk/cases/{case.pk}/")
    client.post("/desk/new/", {"full_name": NAME, "document_number": DOCUMENT, "categories": ["bogus"]})
    client.force_login(consultant_b)
    client.get(f"/desk/cases/{case.pk}/")
    client.post(
        "/api/desk/cases",
        json.dumps({"person": {"full_name": NAME, "document_number": DOCUMENT}, "categories": ["nonsense"]}),
        content_type="application/json",
    )
    logged = "\n".join(r.getMessage() + str(r.args) for r in caplog.records)
    for text in (NAME, DOCUMENT, SUMMARY_WORD):
        assert text not in logged


def test_the_public_search_index_holds_nothing_of_a_case(library, consultant_a):  # noqa: F811
    from kenes.search import service
    from kenes.search.index import rebuild

    make_case(
        consultant_a,
        person={"full_name": NAME, "document_number": DOCUMENT},
        summary=f"{SUMMARY_WORD} employer",
    )
    rebuild()
    assert service.search(service.SearchRequest(SUMMARY_WORD)).total == 0
    assert service.search(service.SearchRequest("Тайнова")).total == 0
    blob = b"".join(p.read_bytes() for p in Path(library).rglob("*") if p.is_file())
    for needle in _needles():
        assert needle not in blob


def test_the_consultation_page_searches_the_legal_database_inline(client, library, consultant_a):  # noqa: F811
    case = make_case(consultant_a)
    client.force_login(consultant_a)
    page = client.get(f"/desk/cases/{case.pk}/consultation/", {"q": "сверхурочная работа"}).content.decode()
    assert 'name="cite"' in page
    assert "/akn/kz/act/code/2015-11-23/414-v|art_108|" in page
