"""The read model: one provision with its subtree, translations and references, each read once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kenes.lex import reading
from kenes.lex.importing import import_document
from kenes.lex.store import read_document
from kenes.lex.tree import assign_eids
from tests import factories as f


@pytest.fixture
def code(db):
    f.work(f.LC_URI, title="Трудовой кодекс Республики Казахстан")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY)
    kazakh = f.labour_doc("Жалақы айына кемінде бір рет төленеді.")
    kazakh.lang = "kaz"
    assign_eids(kazakh)
    import_document(kazakh, work_uri=f.LC_URI, lang="kaz", date=f.DAY)
    work = reading.get_work(f.LC_URI)
    return work, reading.expression_in_force(work, "rus", f.DAY)


def test_a_subtree_is_its_root_and_descendants_read_in_one_query(code):
    _work, expression = code
    root = reading.find_provision(expression, "art_113")
    with CaptureQueriesContext(connection) as queries:
        rows = reading.subtree(root)
    assert len(queries) == 1
    assert [r.eid for r in rows] == ["art_113", "art_113__para_1", "art_113__para_2"]


def test_the_last_provision_of_an_expression_has_a_subtree_too(code):
    _work, expression = code
    rows = reading.subtree(reading.find_provision(expression, "art_124-1"))
    assert [r.eid for r in rows] == ["art_124-1", "art_124-1__para_1"]


def test_a_provision_read_carries_translations_references_and_notes(code):
    work, expression = code
    read = reading.read_provision(work, expression, "art_113")
    assert [(t.lang, t.provision.eid) for t in read.translations] == [("kaz", "art_113")]
    assert read.translations[0].uri == f"{f.LC_URI}/kaz@{f.DAY.isoformat()}/~art_113"
    assert [r.target_eid for r in read.references_out] == ["art_112"]
    assert any("321-VI" in n.text for n in read.notes[read.root.pk])


def test_a_chapter_prefixed_eid_finds_the_article(code):
    _work, expression = code
    assert reading.find_provision(expression, "chp_8__art_113").eid == "art_113"


def test_a_miss_says_what_is_missing(code):
    work, expression = code
    with pytest.raises(reading.NotFound, match="has no provision art_999"):
        reading.find_provision(expression, "art_999")
    with pytest.raises(
        reading.NotFound, match="held: kaz@2024-01-01, rus@2024-01-01|held: rus@2024-01-01, kaz"
    ):
        reading.expression_in_force(work, "eng", f.DAY)
    with pytest.raises(reading.NotFound, match="no work /akn/kz/act/law/2000-01-01/1"):
        reading.get_work("/akn/kz/act/law/2000-01-01/1")


def test_reading_one_provision_back_as_a_document_loads_only_its_subtree(code):
    _work, expression = code
    with CaptureQueriesContext(connection) as queries:
        doc = read_document(expression, root_eid="art_113")
    assert [n.eid for n in doc.body] == ["art_113"]
    assert [c.eid for c in doc.body[0].children] == ["art_113__para_1", "art_113__para_2"]
    # the root by its eId, its descendants by a range of document order, their notes: no whole-text read
    provision_reads = [q["sql"] for q in queries if 'FROM "lex_provision"' in q["sql"]]
    assert len(provision_reads) == 2
    assert '"lex_provision"."eid" =' in provision_reads[0]
    assert (
        '"lex_provision"."order" >' in provision_reads[1]
        and '"lex_provision"."order" <' in provision_reads[1]
    )


@pytest.mark.django_db
def test_the_portals_json_is_the_apis_answer(client, code):
    uri = f"{f.LC_URI}/rus@{f.DAY.isoformat()}/~art_113"
    page = client.get(uri + ".json").json()
    api = client.get("/api" + uri).json()
    assert page == api
    assert page["provision"]["eid"] == "art_113" and page["translations"][0]["lang"] == "kaz"
