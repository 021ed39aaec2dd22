"""The import pipeline on documents built in code: idempotence, new editions, refusal, atomicity."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex import importing
from kenes.lex.importing import ImportRefused, import_document
from kenes.lex.models import AmendmentEffect, EditorialNote, Expression, Provision, Reference, Work
from kenes.lex.store import read_document
from tests import factories as f

pytestmark = pytest.mark.django_db


def _import(doc, date=f.DAY, **kw):
    f.jurisdiction("kz")
    return import_document(doc, work_uri=f.LC_URI, lang="rus", date=date, **kw)


def test_import_stores_the_tree_and_reads_it_back_identically():
    doc = f.labour_doc()
    result = _import(doc)
    assert result.status == "created"
    assert result.articles == 3
    back = read_document(result.expression)
    assert [n.eid for n in back.walk()] == [n.eid for n in doc.walk()]
    assert back.find("art_113").notes[0].text.startswith("Сноска.")
    assert back == doc


def test_importing_the_same_content_twice_changes_nothing():
    first = _import(f.labour_doc())
    second = _import(f.labour_doc())
    assert second.status == "unchanged"
    assert second.expression.pk == first.expression.pk
    assert Expression.objects.count() == 1
    assert Provision.objects.count() == first.provisions


def test_identical_content_with_a_later_date_is_not_a_new_edition():
    _import(f.labour_doc())
    again = _import(f.labour_doc(), date=dt.date(2025, 1, 1))
    assert again.status == "unchanged"
    assert Expression.objects.count() == 1


def test_changed_content_with_a_new_date_becomes_a_new_expression():
    _import(f.labour_doc())
    result = _import(f.labour_doc("Заработная плата выплачивается дважды в месяц."), date=dt.date(2025, 1, 1))
    assert result.status == "created"
    work = Work.objects.get()
    assert work.expressions.count() == 2
    assert work.expression_at("rus", dt.date(2024, 6, 1)).date == f.DAY
    assert work.expression_at("rus", dt.date(2025, 6, 1)).date == dt.date(2025, 1, 1)


def test_changed_content_on_an_existing_date_is_refused_unless_replacing():
    _import(f.labour_doc())
    with pytest.raises(ImportRefused, match="--replace"):
        _import(f.labour_doc("Иной текст."))
    assert Provision.objects.filter(text="Иной текст.").count() == 0
    replaced = _import(f.labour_doc("Иной текст."), replace=True)
    assert replaced.status == "replaced"
    assert Expression.objects.count() == 1
    assert Provision.objects.filter(text="Иной текст.").count() == 1


def test_a_failure_in_the_last_stage_leaves_nothing_behind(monkeypatch):
    def explode(expression):
        raise RuntimeError("link stage failed")

    monkeypatch.setattr("kenes.lex.linking.link_expression", explode)
    with pytest.raises(RuntimeError):
        _import(f.labour_doc())
    assert Work.objects.count() == 0
    assert Expression.objects.count() == 0
    assert Provision.objects.count() == 0


def test_unknown_jurisdiction_is_refused_with_the_known_ones_listed():
    f.jurisdiction("kz")
    with pytest.raises(ImportRefused, match="unknown jurisdiction 'xx'.*kz"):
        import_document(f.labour_doc(), work_uri="/akn/xx/act/law/2020-01-01/1", lang="rus", date=f.DAY)


def test_self_references_are_linked_to_the_cited_article():
    _import(f.labour_doc())
    ref = Reference.objects.get(source__eid="art_113__para_2")
    assert ref.target_work.frbr_uri == f.LC_URI
    assert ref.target_eid == "art_112"
    assert "112" in ref.citation


def test_publisher_notes_become_amendment_effects_and_stay_out_of_the_text():
    _import(f.labour_doc())
    effect = AmendmentEffect.objects.get(eid="art_113")
    assert effect.amendment.amending_number == "321-VI"
    assert effect.in_force_on == dt.date(2020, 5, 15)
    assert EditorialNote.objects.get().provision.eid == "art_113"
    assert not Provision.objects.filter(text__contains="Сноска").exists()


def test_work_type_is_inferred_from_the_uri():
    f.jurisdiction("kz")
    f.jurisdiction("aa-ilo", "International Labour Organization", "international")
    f.jurisdiction("aa-eaeu", "Eurasian Economic Union", "regional")
    assert importing.ensure_work("/akn/aa-ilo/act/convention/1949-07-01/c097").work_type == "ilo-convention"
    assert (
        importing.ensure_work("/akn/aa-eaeu/act/treaty/2014-05-29/eaeu-treaty").work_type == "regional-treaty"
    )
    assert importing.ensure_work("/akn/kz/act/code/2015-11-23/414-v").work_type == "code"
