"""The API's answers to what a script, a typo or a hostile client sends: auth without CSRF for scripts,
all-or-nothing writes, normalised URIs, bounded pages, NUL characters and the JSON error body everywhere.

Every request here goes through the real middleware stack and database (SQLite or PostgreSQL)."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kenes.accounts.roles import editor_group
from kenes.lex.akn import uri as akn_uri
from kenes.lex.importing import import_document
from kenes.lex.models import Topic, Work
from tests import factories as f

pytestmark = pytest.mark.django_db

LAW = "/akn/kz/act/law/2020-01-01/1"
PASSWORD = "pw-Editor-123"


def _basic(username: str, password: str = PASSWORD) -> dict:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("lawyer", password=PASSWORD)
    user.groups.add(editor_group())
    return user


@pytest.fixture(autouse=True)
def _plain_static(settings):
    """Portal pages (the CSRF cookie, the site's 404) under plain static names: no collectstatic manifest."""
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def strict() -> Client:
    """A client that checks CSRF as a real server does (the default test client skips the check)."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def law(db) -> Work:
    f.jurisdiction("kz")
    Topic.objects.create(slug="wages")
    return f.work(LAW, title="Закон о труде", short_title="ЗТ", work_type="law")


def _post(client: Client, payload: dict, **extra):
    return client.post("/api/works", payload, content_type="application/json", **extra)


def _patch(client: Client, work: str, payload: dict, **extra):
    return client.patch(f"/api/works?work={work}", payload, content_type="application/json", **extra)


def _error(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response.json()["error"]


# ---------------------------------------------------------------- H1: Basic auth is not blocked by CSRF


def test_basic_auth_writes_work_with_csrf_enforced(strict, editor, law):
    created = _post(
        strict, {"frbr_uri": "/akn/kz/act/law/2021-01-01/2", "title": "Закон"}, **_basic("lawyer")
    )
    assert created.status_code == 201, created.content
    patched = _patch(strict, LAW, {"short_title": "ЗТ-1"}, **_basic("lawyer"))
    assert patched.status_code == 200, patched.content
    assert Work.objects.get(frbr_uri=LAW).short_title == "ЗТ-1"
    text = "Статья 1. Сфера\n\n      1. Закон применяется ко всем работникам.\n"
    upload = SimpleUploadedFile("zakon.txt", text.encode("utf-8"), content_type="text/plain")
    imported = strict.post(
        "/api/import", {"file": upload, "work": LAW, "lang": "rus", "date": "2020-02-01"}, **_basic("lawyer")
    )
    assert imported.status_code == 201, imported.content


def test_a_session_without_a_csrf_token_is_refused_as_json(strict, editor, law):
    strict.force_login(editor)
    response = _patch(strict, LAW, {"short_title": "changed"})
    assert response.status_code == 403
    assert "CSRF" in _error(response)["message"]
    assert Work.objects.get(frbr_uri=LAW).short_title == "ЗТ"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/works", {"frbr_uri": "/akn/kz/act/law/2021-01-01/2", "title": "X"}),
        ("patch", f"/api/works?work={LAW}", {"title": "X"}),
    ],
)
def test_a_write_without_any_login_is_a_401_asking_to_log_in_not_a_csrf_failure(
    strict, law, method, path, body
):
    response = getattr(strict, method)(path, body, content_type="application/json")
    assert response.status_code == 401
    error = _error(response)
    assert error["code"] == "unauthenticated"
    assert "log in" in error["message"] and "CSRF" not in error["message"]
    assert Work.objects.get(frbr_uri=LAW).title == "Закон о труде"
    assert not Work.objects.filter(frbr_uri="/akn/kz/act/law/2021-01-01/2").exists()


def test_an_upload_without_any_login_is_a_401(strict, law):
    upload = SimpleUploadedFile("law.txt", "Статья 1. Текст\n".encode(), content_type="text/plain")
    response = strict.post("/api/import", {"file": upload, "work": LAW, "lang": "rus", "date": "2021-01-01"})
    assert response.status_code == 401
    assert _error(response)["code"] == "unauthenticated"
    assert not Work.objects.get(frbr_uri=LAW).expressions.exists()


def test_a_session_with_its_csrf_token_may_write(strict, editor, law):
    strict.force_login(editor)
    strict.get("/")  # the portal page sets the csrftoken cookie
    token = strict.cookies["csrftoken"].value
    response = _patch(strict, LAW, {"short_title": "changed"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200, response.content
    assert Work.objects.get(frbr_uri=LAW).short_title == "changed"
    assert strict.get(f"/api/akn{LAW.removeprefix('/akn')}").json()["short_title"] == "changed"


def test_basic_auth_for_a_non_editor_is_forbidden(strict, law):
    User.objects.create_user("reader", password=PASSWORD)
    response = _patch(strict, LAW, {"title": "X"}, **_basic("reader"))
    assert response.status_code == 403
    assert _error(response)["code"] == "forbidden"


def test_wrong_basic_credentials_are_a_401_not_a_csrf_failure(strict, editor, law):
    response = _patch(strict, LAW, {"title": "X"}, **_basic("lawyer", "wrong"))
    assert response.status_code == 401
    assert _error(response)["code"] == "unauthenticated"


# ---------------------------------------------------------------- H2 / L5: PATCH is all or nothing


def test_a_patch_with_an_unknown_topic_changes_nothing(client, editor, law):
    response = _patch(client, LAW, {"title": "CHANGED", "topics": ["wages", "nope"]}, **_basic("lawyer"))
    assert response.status_code == 400
    assert "nope" in _error(response)["message"]
    law.refresh_from_db()
    assert law.title == "Закон о труде"
    assert list(law.topics.all()) == []


def test_a_patch_to_an_empty_title_is_refused(client, editor, law):
    response = _patch(client, LAW, {"title": "   "}, **_basic("lawyer"))
    assert response.status_code == 400
    assert _error(response)["details"]["problems"][0]["where"] == "title"
    assert Work.objects.get(frbr_uri=LAW).title == "Закон о труде"


def test_repeal_before_commencement_is_refused(client, editor, law):
    response = _patch(
        client, LAW, {"commenced_on": "2024-01-01", "repealed_on": "2000-01-01"}, **_basic("lawyer")
    )
    assert response.status_code == 400
    assert "repealed_on" in _error(response)["message"]
    law.refresh_from_db()
    assert law.commenced_on is None and law.repealed_on is None


def test_a_valid_patch_sets_fields_and_topics(client, editor, law):
    response = _patch(client, LAW, {"title": "Новый", "topics": ["wages"]}, **_basic("lawyer"))
    assert response.status_code == 200, response.content
    assert response.json()["topics"] == ["wages"]
    assert Work.objects.get(frbr_uri=LAW).title == "Новый"


# ---------------------------------------------------------------- H3: POST normalises the URI first


@pytest.mark.parametrize("suffix", [".json", ".xml", "/rus", "/rus@2020-01-01", "/~art_1", "\n"])
def test_post_with_a_decorated_existing_uri_never_touches_the_work(client, editor, law, suffix):
    response = _post(client, {"frbr_uri": LAW + suffix, "title": "ignored"}, **_basic("lawyer"))
    assert response.status_code == 400
    assert _error(response)["code"] == "invalid-uri"
    law.refresh_from_db()
    assert (law.title, law.short_title) == ("Закон о труде", "ЗТ")


def test_post_of_an_existing_work_is_a_409(client, editor, law):
    response = _post(client, {"frbr_uri": LAW, "title": "again"}, **_basic("lawyer"))
    assert response.status_code == 409
    assert Work.objects.get(frbr_uri=LAW).short_title == "ЗТ"


def test_a_trailing_newline_is_not_a_valid_uri():
    with pytest.raises(ValueError, match="not a valid AKN URI"):
        akn_uri.parse(LAW + "\n")


def test_post_with_an_unknown_topic_creates_nothing(client, editor, law):
    uri = "/akn/kz/act/law/2021-01-01/2"
    response = _post(client, {"frbr_uri": uri, "title": "X", "topics": ["nope"]}, **_basic("lawyer"))
    assert response.status_code == 400
    assert not Work.objects.filter(frbr_uri=uri).exists()


# ---------------------------------------------------------------- H4: bounded input, 4xx never 500


@pytest.mark.parametrize("path", ["/api/works", "/api/ratifications"])
def test_a_huge_offset_is_a_400(client, db, path):
    response = client.get(path, {"offset": 10**20})
    assert response.status_code == 400
    assert "offset" in _error(response)["message"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/works", {"q": "a\x00b"}),
        ("/api/ratifications", {"country": "k\x00z"}),
        ("/api/diff", {"work": "/akn/\x00", "date_from": "2020-01-01", "date_to": "2021-01-01"}),
        ("/api/akn/kz/act/law/2020-01-01/1\x00", {}),
    ],
)
def test_a_nul_character_in_a_request_is_a_400(client, db, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    assert "NUL" in _error(response)["message"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "x" * 501),
        ("short_title", "s" * 101),
        ("original_lang", "russ"),
        ("original_lang", "RU"),
        ("title", "a\x00b"),
    ],
)
def test_a_value_the_model_cannot_hold_is_a_400_naming_the_field(client, editor, law, field, value):
    uri = "/akn/kz/act/law/2021-01-01/2"
    response = _post(client, {"frbr_uri": uri, "title": "X", field: value}, **_basic("lawyer"))
    assert response.status_code == 400, response.content
    assert field in [p["where"] for p in _error(response)["details"]["problems"]]
    assert not Work.objects.filter(frbr_uri=uri).exists()


def test_an_over_long_uri_is_a_400(client, editor, law):
    uri = "/akn/kz/act/law/2021-01-01/" + "a" * 300
    response = _post(client, {"frbr_uri": uri, "title": "X"}, **_basic("lawyer"))
    assert response.status_code == 400
    assert "frbr_uri" in _error(response)["message"]


def test_a_patch_with_an_over_long_title_is_a_400(client, editor, law):
    response = _patch(client, LAW, {"title": "x" * 501}, **_basic("lawyer"))
    assert response.status_code == 400
    assert "title" in _error(response)["message"]
    assert Work.objects.get(frbr_uri=LAW).title == "Закон о труде"


def test_an_upload_with_a_nul_in_its_title_is_a_400(client, editor, law):
    upload = SimpleUploadedFile("zakon.txt", "Статья 1. Сфера\n".encode(), content_type="text/plain")
    response = client.post(
        "/api/import",
        {"file": upload, "work": LAW, "lang": "rus", "date": "2020-02-01", "title": "a\x00b"},
        **_basic("lawyer"),
    )
    assert response.status_code == 400
    assert _error(response)["message"].startswith("title")


# ---------------------------------------------------------------- L1: 404 and 405 as the JSON body


def test_an_unknown_api_path_is_a_json_404(client, db):
    response = client.get("/api/nope")
    assert response.status_code == 404
    assert _error(response)["code"] == "not-found"


def test_a_wrong_method_is_a_json_405_that_names_the_allowed_ones(client, db):
    response = client.delete("/api/works")
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert "GET" in _error(response)["message"]


def test_a_portal_404_is_still_a_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


# ---------------------------------------------------------------- L2 / L5: exports and diff


@pytest.fixture
def code(db) -> Work:
    f.jurisdiction("kz")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY)
    import_document(
        f.labour_doc("Заработная плата выплачивается дважды в месяц."),
        work_uri=f.LC_URI,
        lang="rus",
        date=dt.date(2025, 1, 1),
    )
    return Work.objects.get(frbr_uri=f.LC_URI)


@pytest.mark.parametrize("fmt", ["xml", "html"])
def test_a_provision_has_no_xml_or_html_export(client, code, fmt):
    response = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2024-06-01/~art_113.{fmt}")
    assert response.status_code == 404
    assert "per expression" in _error(response)["message"]


def test_a_provision_as_json_is_still_served(client, code):
    response = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2024-06-01/~art_113.json")
    assert response.status_code == 200
    assert response.json()["provision"]["eid"] == "art_113"


def test_a_diff_with_reversed_dates_is_a_400(client, code):
    response = client.get("/api/diff", {"work": f.LC_URI, "date_from": "2025-06-01", "date_to": "2024-06-01"})
    assert response.status_code == 400
    assert "date_from" in _error(response)["message"]


@pytest.mark.parametrize("body", ["0", "null", "[]", '"title"'])
def test_a_body_that_is_not_a_json_object_is_refused_not_read_as_no_change(client, editor, law, body):
    """ninja reads a Schema's fields as attributes of whatever it is given: a body of ``0`` was a patch of
    nothing (200) and a create of an empty work (422 naming every field instead of the body)."""
    for method, path in (("patch", f"/api/works?work={LAW}"), ("post", "/api/works")):
        response = getattr(client, method)(path, body, content_type="application/json", **_basic("lawyer"))
        assert response.status_code == 422, (method, body, response.content)
        assert "JSON object" in _error(response)["message"]
    assert Work.objects.get(frbr_uri=LAW).title == "Закон о труде"
