"""The `kenes` command in-process: import, export, show, diff and their errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kenes.cli import main
from kenes.lex.models import Expression, Work
from tests import factories as f
from tests.conftest import REPO

pytestmark = pytest.mark.django_db

LAW = (
    "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n"
    "Статья 1. Сфера действия\n\n"
    "      1. Настоящий Закон применяется к трудовым мигрантам.\n\n"
    "      2. Порядок регистрации установлен статьей 2 настоящего Закона.\n\n"
    "Статья 2. Регистрация\n\n"
    "      Мигрант регистрируется в течение трех рабочих дней.\n"
)
URI = "/akn/kz/act/law/2011-07-22/477-iv"


@pytest.fixture
def law_file(tmp_path):
    path = tmp_path / "zakon.txt"
    path.write_text(LAW, encoding="utf-8")
    return path


def _import(path, date="2024-01-01", *extra):
    return main(["import", str(path), "--work", URI, "--lang", "rus", "--date", date, "-q", *extra])


def test_help_lists_every_subcommand():
    result = subprocess.run(
        [sys.executable, "-m", "kenes.cli", "--help"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    for command in ("serve", "migrate", "import", "export", "show", "demo", "diff", "rights"):
        assert command in result.stdout


def test_import_then_show_one_article(law_file, capsys):
    f.jurisdiction("kz")
    assert _import(law_file, "2024-01-01", "--short-title", "Закон о миграции") == 0
    assert "created" in capsys.readouterr().out
    assert Work.objects.get().short_title == "Закон о миграции"
    assert main(["show", f"{URI}/rus/~art_2"]) == 0
    out = capsys.readouterr().out
    assert "Регистрация" in out and "трех рабочих дней" in out


def test_import_twice_reports_unchanged(law_file, capsys):
    f.jurisdiction("kz")
    _import(law_file)
    capsys.readouterr()
    assert _import(law_file) == 0
    assert capsys.readouterr().out.startswith("unchanged")
    assert Expression.objects.count() == 1


def test_unreadable_file_is_refused_and_nothing_is_written(tmp_path, capsys):
    f.jurisdiction("kz")
    junk = tmp_path / "scan.pdf"
    junk.write_bytes(b"%PDF-1.4 truncated garbage")
    assert _import(junk) == 2
    err = capsys.readouterr().err
    assert "scan.pdf" in err and "nothing was written" in err
    assert Work.objects.count() == 0


def test_export_json_and_html_of_the_expression_in_force(law_file, capsys):
    f.jurisdiction("kz")
    _import(law_file)
    capsys.readouterr()
    assert main(["export", URI, "--lang", "rus", "--date", "2024-06-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert json.dumps(data, ensure_ascii=False).count("art_2") >= 1
    assert main(["export", URI, "--lang", "rus", "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert 'id="art_1"' in html and 'lang="ru"' in html


def test_export_before_the_first_expression_says_so(law_file, capsys):
    f.jurisdiction("kz")
    _import(law_file)
    capsys.readouterr()
    assert main(["export", URI, "--lang", "rus", "--date", "2000-01-01"]) == 2
    assert "no rus expression in force on 2000-01-01" in capsys.readouterr().err


def test_diff_between_two_editions(law_file, tmp_path, capsys):
    f.jurisdiction("kz")
    _import(law_file)
    changed = tmp_path / "zakon2.txt"
    changed.write_text(LAW.replace("трех рабочих дней", "пяти рабочих дней"), encoding="utf-8")
    _import(changed, "2025-01-01")
    capsys.readouterr()
    assert main(["diff", URI, "2024-06-01", "2025-06-01", "--lang", "rus"]) == 0
    out = capsys.readouterr().out
    assert "CHANGED art_2" in out
    assert "-Мигрант регистрируется в течение трех" in out
    assert "+Мигрант регистрируется в течение пяти" in out


def test_an_akn_export_imports_back_as_the_same_expression(law_file, tmp_path, capsys):
    f.jurisdiction("kz")
    _import(law_file)
    capsys.readouterr()
    assert main(["export", URI, "--lang", "rus", "--format", "akn"]) == 0
    xml = tmp_path / "law.xml"
    xml.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["import", str(xml), "-q"]) == 0
    assert capsys.readouterr().out.startswith("unchanged")
    assert Expression.objects.count() == 1


def test_invalid_akn_is_refused_with_the_schema_problems(capsys):
    from tests.conftest import corpus_file

    path = corpus_file("akn", "invalid", "indigo_basic_in.xml")
    assert main(["import", str(path), "-q"]) == 2
    err = capsys.readouterr().err
    assert "not valid AKN 3.0" in err and "line " in err
    assert Work.objects.count() == 0
