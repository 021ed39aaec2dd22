"""`kenes search` and `kenes reindex`: the same results as the API, exit statuses a script can rely on."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from kenes.cli import main
from kenes.search.index import update_works

from .indexing import LC, load_small_library

pytestmark = pytest.mark.django_db


def test_search_json_equals_the_api(library, capsys):
    assert main(["search", "сверхурочная работа", "--date", "2024-06-01", "--limit", "5", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    api = Client().get("/api/search", {"q": "сверхурочная работа", "date": "2024-06-01", "limit": 5}).json()
    assert [(h["work"], h["eid"], h["score"]) for h in printed["hits"]] == [
        (h["work"], h["eid"], h["score"]) for h in api["hits"]
    ]
    assert printed["total"] == api["total"]


def test_search_prints_a_readable_list(library, capsys):
    assert main(["search", "ст. 113 ТК РК", "--date", "2024-06-01"]) == 0
    out = capsys.readouterr().out
    assert f"{LC}/rus@2024-01-01/~art_113 (citation)" in out.splitlines()[0]


def test_a_bad_query_exits_2_with_a_message(library, capsys):
    assert main(["search", "   "]) == 2
    assert "empty" in capsys.readouterr().err


def test_reindex_check_reports_stale_until_reindexed(db, index_dir, capsys):
    load_small_library()
    assert main(["reindex", "--check"]) == 1
    assert main(["reindex"]) == 0
    assert "indexed 4 works" in capsys.readouterr().out
    assert main(["reindex", "--check"]) == 0
    assert main(["reindex", "--full"]) == 0
    assert update_works([]).works == 0  # nothing stale after a full rebuild
