"""The provision page reads its citing provisions with their works: the label names another act by its
short title, and the page asks the database a bounded number of questions however many works cite it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kenes.lex.importing import import_document
from kenes.lex.models import Reference
from kenes.lex.tree import Document, assign_eids
from tests import factories as f

LC = f.LC_URI


def citing_law(number: int, short_title: str) -> None:
    uri = f"/akn/kz/act/law/2020-01-0{number}/{number}"
    f.work(uri, title=f"Закон {number}", short_title=short_title, work_type="law")
    doc = Document(title=f"Закон {number}", lang="rus", body=[f.article("5", "", "См. статью 113 ТК РК.")])
    assign_eids(doc)
    import_document(doc, work_uri=uri, lang="rus", date=f.DAY)
    source = f.work(uri).expressions.get().provisions.get(eid="art_5__para_1")
    Reference.objects.create(
        source=source, target_work_id=f.work(LC).pk, target_eid="art_113", citation="статью 113"
    )


@pytest.mark.django_db
def test_a_provision_cited_from_another_act_names_that_act_by_its_short_title(client, code):
    citing_law(1, "ЗМ")
    page = client.get(f"{LC}/rus@2024-06-01/~art_113", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "ЗМ, ст. 5, п. 1" in page
    assert "/akn/kz/act/law/2020-01-01/1/rus@2024-01-01/~art_5__para_1" in page


@pytest.mark.django_db
def test_the_page_asks_no_more_questions_when_more_works_cite_the_provision(client, code):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{LC}/rus@2024-06-01/~art_113").status_code == 200
        return len(queries)

    citing_law(1, "ЗМ")
    count()  # the first view of the text lays out its pages (cached)
    one = count()
    citing_law(2, "ЗТ")
    citing_law(3, "ЗК")
    assert count() == one
