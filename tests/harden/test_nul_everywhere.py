"""NUL characters: a 400 on every page (not a 500 on PostgreSQL), and stripped from a PDF's text at ingest."""

from __future__ import annotations

import pytest

from kenes.cli import main
from kenes.lex.models import Provision
from tests import factories as f
from tests.ingest.test_readers import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _plain_static(settings):
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.mark.parametrize(
    "url",
    [
        "/search?topic=%00",
        "/search?q=%00",
        "/search?jurisdiction=kz%00",
        "/countries/%00",
        "/conventions/%00",
        "/akn/kz/act/code/2015-11-23/414-v%00",
        "/rights/?lang=%00",
        "/?x%00=1",
    ],
)
def test_a_nul_in_a_portal_url_is_a_400(client, url):
    f.jurisdiction("kz")
    response = client.get(url)
    assert response.status_code == 400


def test_a_nul_under_the_api_is_a_json_400(client):
    response = client.get("/api/works?jurisdiction=%00")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "the request contains a NUL character (%00)"


def test_nul_and_control_characters_in_a_pdfs_text_are_stripped_at_import(tmp_path, capsys):
    f.jurisdiction("kz")
    path = tmp_path / "law.pdf"
    path.write_bytes(
        pdf_bytes(
            b"BT /F1 12 Tf 72 720 Td (Article 1) Tj 0 -20 Td (1. Each Member\\000 shall\\007 apply it.) Tj ET"
        )
    )
    code = main(["import", str(path), "--work", f.LC_URI, "--lang", "eng", "--date", "2024-01-01", "-q"])
    assert code == 0, capsys.readouterr().err
    text = Provision.objects.get(eid="art_1__para_1").text
    assert "\x00" not in text and "\x07" not in text
    assert "Each Member" in text and "apply it." in text
