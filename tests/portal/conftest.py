"""Data for the portal tests: a small Labour Code in two editions and two languages, an ILO convention with
ratifications, and a search index built from them in a temporary directory."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.importing import import_document
from kenes.lex.models import Reference, Topic, TopicLabel, Work
from kenes.lex.tree import Document, assign_eids
from tests import factories as f

C097 = "/akn/aa-ilo/act/convention/1949-07-01/c097"
LATER = dt.date(2025, 1, 1)
NEW_RULE = "Заработная плата выплачивается дважды в месяц."


@pytest.fixture(autouse=True)
def _plain_static(settings):
    """Static files under their plain names: the hashed-name storage needs collectstatic's manifest."""
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def kazakh_doc() -> Document:
    doc = f.labour_doc("Жалақы айына кемінде бір рет төленеді.")
    doc.title = "Еңбек кодексі"
    doc.lang = "kaz"
    assign_eids(doc)
    return doc


@pytest.fixture
def code(db) -> Work:
    """ТК РК: Russian 2024 and 2025 editions, a Kazakh translation of 2024 (older than the 2025 original)."""
    f.work(f.LC_URI, title="Трудовой кодекс Республики Казахстан", short_title="ТК РК", work_type="code")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY)
    import_document(f.labour_doc(NEW_RULE), work_uri=f.LC_URI, lang="rus", date=LATER)
    import_document(kazakh_doc(), work_uri=f.LC_URI, lang="kaz", date=f.DAY)
    return Work.objects.get(frbr_uri=f.LC_URI)


@pytest.fixture
def convention(code) -> Work:
    """ILO C097 in English, ratified by Kyrgyzstan, cited by article 112 of the code."""
    from kenes.lex.models import Ratification

    f.jurisdiction("aa-ilo", "International Labour Organization", "international")
    f.jurisdiction("kg", "Kyrgyzstan")
    doc = Document(
        title="Migration for Employment Convention (Revised), 1949",
        lang="eng",
        body=[f.article("1", "", "Each Member shall make available information on migration.")],
    )
    assign_eids(doc)
    import_document(doc, work_uri=C097, lang="eng", date=dt.date(1949, 7, 1), work_type="ilo-convention")
    work = f.work(C097, short_title="C097")
    Ratification.objects.create(
        country_id="kg", instrument=work, status="in-force", ratified_on=dt.date(2008, 9, 10)
    )
    source = code.expressions.get(lang="rus", date=LATER).provisions.get(eid="art_112__para_1")
    Reference.objects.create(
        source=source, target_work=work, target_eid="art_1", citation="Конвенции МОТ № 97"
    )
    wages = Topic.objects.create(slug="wages")
    TopicLabel.objects.create(topic=wages, lang="ru", label="Оплата труда")
    TopicLabel.objects.create(topic=wages, lang="en", label="Wages")
    work.topics.add(wages)
    return work


@pytest.fixture
def indexed(convention, tmp_path, settings):
    """Everything above, in a search index of the test's own."""
    from kenes.search.index import rebuild

    settings.KENES_SEARCH_INDEX = tmp_path / "search-index"
    settings.KENES_SEARCH_AUTOINDEX = False
    rebuild()
    return settings.KENES_SEARCH_INDEX
