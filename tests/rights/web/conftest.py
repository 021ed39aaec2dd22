"""Fixtures for the rights web tests: plain static storage, and the provisions the answers cite.

Pages use ``{% static %}``; with DEBUG off the settings pick the manifest storage, which needs
``collectstatic`` first. Rendering is what these tests check, so they use the plain storage.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.importing import import_document
from kenes.lex.tree import Document, assign_eids
from kenes.rights.works import LABOUR_CODE, MIGRATION_LAW
from tests import factories as f

#: The date the small Law on migration below is imported as in force from (the parameters' start date).
MIGRATION_LAW_DATE = dt.date(2025, 9, 27)


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def migration_law(db) -> str:
    """A small Law on migration whose article 6 has the paragraph 4 the stay rule cites."""
    f.jurisdiction("kz")
    doc = Document(
        title="О миграции населения",
        lang="rus",
        body=[
            f.article(
                "6",
                "Права и обязанности иммигрантов",
                "Иммигранты пользуются правами.",
                "Иммигранты обязаны соблюдать законы.",
                "Иммигранты регистрируются.",
                "Иммигранты пребывают не более девяноста суток в каждом периоде в сто восемьдесят суток.",
            )
        ],
    )
    assign_eids(doc)
    import_document(doc, work_uri=MIGRATION_LAW, lang="rus", date=MIGRATION_LAW_DATE)
    return MIGRATION_LAW


@pytest.fixture
def labour_code(db) -> str:
    f.jurisdiction("kz")
    import_document(f.labour_doc(), work_uri=LABOUR_CODE, lang="rus", date=f.DAY)
    return LABOUR_CODE
