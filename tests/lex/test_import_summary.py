"""Every import says what it found and what it did not understand: in the CLI and on the admin import page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from kenes.cli import main
from kenes.lex.models import Provision
from tests import factories as f

pytestmark = pytest.mark.django_db

URI = "/akn/ru/act/code/2001-12-30/197-fz"
CODE = (
    "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n\n"
    "Статья 1. Цели\n\nЦели трудового законодательства.\n\n"
    "Статья 2. Утратила силу. - Федеральный закон от 01.02.2020 N 10-ФЗ.\n\n"
    "Статья 4. Запрещение принудительного труда\n\nПринудительный труд запрещен.\n\n"
    "Статья 4а. Заголовок, который никто не понимает\n\nТекст этой непонятой статьи.\n\n"
    "Статья 22.1. Цифровая платформа\n\nРаботодатель вправе использовать платформу.\n"
)


@pytest.fixture
def code_file(tmp_path):
    path = tmp_path / "tk.txt"
    path.write_text(CODE, encoding="utf-8")
    return path


def test_cli_import_prints_counts_numbers_gaps_repealed_and_warns_of_a_heading_it_did_not_understand(
    code_file, capsys
):
    f.jurisdiction("ru")
    assert main(["import", str(code_file), "--work", URI, "--lang", "rus", "--date", "2025-12-29", "-q"]) == 0
    out, err = capsys.readouterr()
    assert "4 articles found, numbered 1 to 22.1" in out
    assert "gaps in the numbering: 3, 5–21" in out
    assert "repealed (kept, not counted as law in force): 2" in out
    assert "warning: line 13: «Статья 4а. Заголовок, который никто не понимает» looks like a heading" in err
    repealed = Provision.objects.get(eid="art_2")
    assert repealed.status == "repealed"
    assert Provision.objects.get(eid="art_22-1").num == "22.1"


def test_admin_import_page_lists_the_summary_and_the_warning_with_its_line(client):
    f.jurisdiction("ru")
    admin = User.objects.create_superuser("chief", password="pw-chief-1")
    client.force_login(admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    form = {
        "file": SimpleUploadedFile("tk.txt", CODE.encode()),
        "work_uri": URI,
        "lang": "rus",
        "date": "2025-12-29",
    }
    page = client.post("/admin/lex/work/import/", form, follow=True).content.decode().lower()  # capitalised
    assert "4 articles found, numbered 1 to 22.1" in page
    assert "repealed (kept, not counted as law in force): 2" in page
    assert "line 13: «статья 4а." in page
