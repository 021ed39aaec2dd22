"""Uploads are refused by Content-Length and while streaming, and a non-editor's body is never read."""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from kenes.lex.models import Expression
from kenes.lex.roles import editor_group
from tests import factories as f

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Editor-123"
LAW = "/akn/kz/act/law/2020-01-01/1"


class BodyNeverRead:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the request body was read")

    readline = read


def _basic(username: str) -> dict:
    token = base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("lawyer", password=PASSWORD, is_staff=True)
    user.groups.add(editor_group())
    return user


@pytest.fixture
def reader(db) -> User:
    return User.objects.create_user("reader", password=PASSWORD)


def _declared_upload(client, length: int, **auth):
    return client.generic(
        "POST",
        "/api/import",
        b"-",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": BodyNeverRead()},
        **auth,
    )


def test_an_upload_declaring_a_gibibyte_is_refused_413_before_its_body_is_read(client, editor):
    response = _declared_upload(client, 1024**3, **_basic("lawyer"))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too-large"
    assert str(1024**3) in response.json()["error"]["message"]


def test_a_non_editor_is_refused_before_the_body_is_read(client, reader):
    response = _declared_upload(client, 10_000, **_basic("reader"))
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "this operation needs the editor role"


def test_a_file_over_the_cap_is_stopped_while_it_streams(client, editor, settings):
    settings.KENES_MAX_UPLOAD = 4096  # the header check lets a body this small through (multipart allowance)
    f.jurisdiction("kz")
    upload = SimpleUploadedFile("zakon.txt", ("Статья 1. Сфера\n" * 1000).encode(), content_type="text/plain")
    response = client.post(
        "/api/import", {"file": upload, "work": LAW, "lang": "rus", "date": "2020-02-01"}, **_basic("lawyer")
    )
    assert response.status_code == 413
    assert response.json()["error"]["message"].startswith("file too large (more than 4096 bytes")
    assert not Expression.objects.exists()


def test_the_admin_import_page_stops_a_file_over_the_cap_too(client, editor, settings):
    settings.KENES_MAX_UPLOAD = 4096
    client.force_login(editor)
    upload = SimpleUploadedFile("zakon.txt", ("Статья 1. Сфера\n" * 1000).encode(), content_type="text/plain")
    response = client.post("/admin/lex/work/import/", {"file": upload, "work_uri": LAW, "lang": "rus"})
    assert response.status_code == 413
    assert "file too large" in response.content.decode()
