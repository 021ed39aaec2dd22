"""A second `kenes demo` (scripts/run runs it on every start) adds what is missing and reverts nothing."""

from __future__ import annotations

import pytest

from kenes.cli import main
from kenes.lex.models import Jurisdiction, Ratification, TopicLabel, Work
from kenes.lex.starter.load import load_starter

pytestmark = pytest.mark.django_db

LABOUR_CODE = "/akn/kz/act/code/2015-11-23/414-v"
TINY_CODE = (
    "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n"
    "Статья 1. Трудовое законодательство\n\n"
    "      1. Трудовое законодательство основывается на Конституции.\n\n"
    "Статья 2. Цели\n\n"
    "      Целями являются защита прав работников.\n"
)


def _edit_three_starter_rows() -> tuple[Ratification, TopicLabel, Jurisdiction]:
    ratification = Ratification.objects.filter(country_id="kz").order_by("pk").first()
    ratification.status = (
        Ratification.Status.PENDING
        if ratification.status != Ratification.Status.PENDING
        else Ratification.Status.DENOUNCED
    )
    ratification.note = "checked by an editor against NORMLEX"
    ratification.save()
    label = TopicLabel.objects.filter(lang="ru").order_by("pk").first()
    label.label = "Исправлено редактором"
    label.save()
    place = Jurisdiction.objects.get(code="kz")
    place.name = "Republic of Kazakhstan"
    place.save()
    return ratification, label, place


def test_a_second_demo_keeps_what_editors_changed_and_says_so(capsys):
    load_starter()
    ratification, label, place = _edit_three_starter_rows()
    ilo_work = Work.objects.filter(frbr_uri__startswith="/akn/aa-ilo/").order_by("pk").first()
    ilo_work.title = "Title corrected by an editor"
    ilo_work.save()

    assert main(["demo", "-q"]) == 0

    out = capsys.readouterr().out
    ratification.refresh_from_db()
    label.refresh_from_db()
    place.refresh_from_db()
    ilo_work.refresh_from_db()
    assert ratification.note == "checked by an editor against NORMLEX"
    assert label.label == "Исправлено редактором"
    assert place.name == "Republic of Kazakhstan"
    assert ilo_work.title == "Title corrected by an editor"
    assert "added 0 jurisdictions, 0 topics, 0 instruments, 0 ratifications" in out
    assert f"kept ratification kz × {ratification.instrument.short_title.upper()}: status, note" in out
    assert "kept jurisdiction kz: name" in out
    assert f"kept work {ilo_work.frbr_uri}: title" in out


def test_a_second_demo_adds_a_starter_row_that_went_missing(capsys):
    load_starter()
    ratification = Ratification.objects.order_by("pk").first()
    key = (ratification.country_id, ratification.instrument_id, ratification.status)
    ratification.delete()

    assert main(["demo", "-q"]) == 0

    assert "1 ratifications" in capsys.readouterr().out
    assert Ratification.objects.filter(country_id=key[0], instrument_id=key[1], status=key[2]).exists()


def test_demo_corpus_twice_keeps_an_edited_title_and_a_corrected_text(tmp_path, capsys):
    (tmp_path / "kz").mkdir()
    (tmp_path / "kz" / "labour_code_2015_ru.txt").write_text(TINY_CODE, encoding="utf-8")
    main(["demo", "-q", "--corpus", str(tmp_path)])  # exit 1: this corpus lacks the statistics files
    work = Work.objects.get(frbr_uri=LABOUR_CODE)
    work.title = "Трудовой кодекс (название уточнено редактором)"
    work.save()
    expression = work.expressions.get()
    corrected = TINY_CODE.replace("защита прав работников", "защита прав и свобод работников")
    corrected_file = tmp_path / "corrected.txt"
    corrected_file.write_text(corrected, encoding="utf-8")
    assert (
        main(
            [
                "import",
                str(corrected_file),
                "--work",
                LABOUR_CODE,
                "--lang",
                "rus",
                "--date",
                str(expression.date),
                "--replace",
                "--force",
                "-q",
            ]
        )
        == 0
    )
    capsys.readouterr()

    main(["demo", "-q", "--corpus", str(tmp_path)])

    out = capsys.readouterr().out
    work.refresh_from_db()
    assert work.title == "Трудовой кодекс (название уточнено редактором)"
    assert "защита прав и свобод работников" in work.expressions.get().provisions.get(eid="art_2").text
    assert f"kept {LABOUR_CODE}/rus@{expression.date}: already held" in out
    assert f"kept {LABOUR_CODE}: its title differs" in out
