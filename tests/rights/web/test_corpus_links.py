"""With the real Labour Code and Law on migration imported, every article an answer cites opens.

Skips with a visible reason when ../shared/corpus is absent.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kenes.lex.importing import import_file
from kenes.rights.works import LABOUR_CODE, MIGRATION_LAW, WORKS
from tests import factories as f
from tests.conftest import corpus_file

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]

SITUATIONS = [
    (
        "stay",
        {
            "stays": [{"entry": "2026-01-05", "exit": "2026-02-20"}],
            "on": "2026-11-01",
            "host": "kz",
            "citizenship": "uz",
        },
    ),
    ("permit", {"host": "kz", "citizenship": "uz", "work": "domestic"}),
    ("registration", {"host": "kz", "citizenship": "uz", "entry": "2026-03-02", "intended_days": 60}),
    ("wage-payment", {"month": "2026-05", "paid_on": "2026-06-15"}),
    ("final-settlement", {"terminated_on": "2026-05-29", "paid_on": "2026-06-10"}),
    ("leave", {"employment_start": "2020-03-15", "on": "2026-06-30", "terminated_on": "2026-06-30"}),
]


@pytest.fixture
def real_laws(db):
    f.jurisdiction("kz")
    for uri, date in ((LABOUR_CODE, dt.date(2025, 7, 16)), (MIGRATION_LAW, dt.date(2025, 9, 27))):
        path = corpus_file(*WORKS[uri].corpus.split("/"))
        import_file(path, work_uri=uri, lang="rus", date=date, title=path.stem)


def test_every_cited_provision_of_the_imported_laws_opens_in_the_api(client, real_laws):
    for rule, situation in SITUATIONS:
        body = client.post(f"/api/rights/{rule}", data=json.dumps(situation), content_type="application/json")
        held = [c for c in body.json()["citations"] if c["work"] in (LABOUR_CODE, MIGRATION_LAW)]
        assert held, f"the {rule} answer cites the Labour Code or the Law on migration"
        for c in held:
            assert c["in_database"] is True
            response = client.get(c["api_url"])
            assert response.status_code == 200, (c["api_url"], response.content[:300])
            assert response.json()["provision"]["eid"] == c["eid"]
