"""`--replace` with a degenerate file is refused with the numbers; its old effects go with it."""

from __future__ import annotations

import pytest

from kenes.cli import main
from kenes.lex.importing import ImportRefused, import_document
from kenes.lex.models import Amendment, AmendmentEffect, Expression, Provision
from kenes.lex.tree import Document, Node, assign_eids
from tests import factories as f

pytestmark = pytest.mark.django_db


def _import(doc: Document, **extra):
    f.jurisdiction("kz")
    return import_document(doc, work_uri=f.LC_URI, lang="rus", date=f.DAY, **extra)


def _no_articles() -> Document:
    doc = Document(
        title="Трудовой кодекс", lang="rus", body=[Node("paragraph", text="Просто текст без статей.")]
    )
    assign_eids(doc)
    return doc


def test_a_replacement_without_articles_is_refused_with_the_numbers_and_writes_nothing():
    held = _import(f.labour_doc()).expression
    before = list(Provision.objects.filter(expression=held).values_list("eid", "text"))

    numbers = r"\(3 articles, 8 provisions\) by 0 articles and 1 provisions.*--force"
    with pytest.raises(ImportRefused, match=numbers):
        _import(_no_articles(), replace=True)

    assert list(Provision.objects.filter(expression=held).values_list("eid", "text")) == before


def test_a_replacement_that_keeps_under_half_the_provisions_is_refused():
    big = f.labour_doc()
    _import(big)
    small = f.labour_doc()
    small.body[0].children[:] = small.body[0].children[:1]  # under half of the eight provisions
    assign_eids(small)
    with pytest.raises(ImportRefused, match=r"\(3 articles, 8 provisions\) by 1 articles"):
        _import(small, replace=True)


def test_force_replaces_anyway_and_the_replaced_wordings_amendment_effects_go_with_it():
    _import(f.labour_doc())
    assert AmendmentEffect.objects.filter(eid="art_113").exists()

    result = _import(_no_articles(), replace=True, force=True)

    assert result.status == "replaced"
    assert Expression.objects.get().provisions.count() == 1
    assert not AmendmentEffect.objects.exists()
    assert not Amendment.objects.exists()


def test_effects_an_editor_recorded_survive_a_forced_replacement():
    _import(f.labour_doc())
    by_editor = Amendment.objects.create(
        amended_work=Expression.objects.get().work, amending_title="Закон РК", amending_number="1-VII"
    )
    AmendmentEffect.objects.create(amendment=by_editor, eid="art_112", effect="amended")

    _import(_no_articles(), replace=True, force=True)

    assert list(AmendmentEffect.objects.values_list("eid", flat=True)) == ["art_112"]


def test_the_command_refuses_a_degenerate_replacement_unless_forced(tmp_path, capsys):
    f.jurisdiction("kz")
    law = tmp_path / "code.txt"
    law.write_text(
        "Статья 1. Сфера\n\n      Текст первой статьи.\n\nСтатья 2. Цели\n\n      Текст второй статьи.\n",
        encoding="utf-8",
    )
    junk = tmp_path / "junk.txt"
    junk.write_text("Это не кодекс, а письмо без статей.\n", encoding="utf-8")
    args = ["--work", f.LC_URI, "--lang", "rus", "--date", "2024-01-01", "-q"]
    assert main(["import", str(law), *args]) == 0

    assert main(["import", str(junk), *args, "--replace"]) == 2
    assert "(2 articles" in capsys.readouterr().err
    assert Provision.objects.filter(kind="article").count() == 2

    assert main(["import", str(junk), *args, "--replace", "--force"]) == 0
    assert Provision.objects.filter(kind="article").count() == 0
