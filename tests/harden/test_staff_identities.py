"""Staff identities stay out of public data: an upload's JSON, AKN and page never name the uploader."""

from __future__ import annotations

import base64

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from kenes.lex.models import Expression
from kenes.lex.roles import editor_group
from tests import factories as f

pytestmark = pytest.mark.django_db

LAW = "/akn/kz/act/law/2020-01-01/1"
TEXT = "Статья 1. Сфера\n\n      Текст первой статьи.\n\nСтатья 2. Цели\n\n      Текст второй статьи.\n"


@pytest.fixture
def editor1(db) -> User:
    user = User.objects.create_user("editor1", password="pw-Editor-123", is_staff=True)
    user.groups.add(editor_group())
    return user


def _public_views(client, expression: Expression) -> dict[str, str]:
    uri = expression.uri
    return {
        "api json": client.get(f"/api{uri}").content.decode(),
        "akn xml": client.get(f"/api{uri}.xml").content.decode(),
        "page": client.get(uri).content.decode(),
    }


def test_an_api_upload_names_no_editor_in_the_json_akn_or_page(client, editor1, settings):
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    f.jurisdiction("kz")
    token = base64.b64encode(b"editor1:pw-Editor-123").decode()
    upload = SimpleUploadedFile("zakon.txt", TEXT.encode(), content_type="text/plain")
    response = client.post(
        "/api/import",
        {"file": upload, "work": LAW, "lang": "rus", "date": "2020-02-01"},
        HTTP_AUTHORIZATION=f"Basic {token}",
    )
    assert response.status_code == 201, response.content
    expression = Expression.objects.get()

    for where, body in _public_views(client, expression).items():
        assert "editor1" not in body, where
    entry = LogEntry.objects.get()  # who imported it is in the staff-only admin log
    assert (entry.user.username, entry.object_id) == ("editor1", str(expression.pk))
    assert entry.change_message == "imported zakon.txt (created)"


def test_the_admin_import_page_names_no_editor_in_public_data(client, editor1):
    f.jurisdiction("kz")
    client.force_login(editor1)
    upload = SimpleUploadedFile("zakon.txt", TEXT.encode(), content_type="text/plain")
    response = client.post(
        "/admin/lex/work/import/", {"file": upload, "work_uri": LAW, "lang": "rus", "date": "2020-02-01"}
    )
    assert response.status_code == 302
    assert Expression.objects.get().source_name == ""
    assert LogEntry.objects.get().user == editor1
