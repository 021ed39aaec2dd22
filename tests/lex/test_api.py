"""The JSON API through Django's test client: reads, errors as JSON bodies, caps, and the editor role."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from django.contrib.auth.models import User

from kenes.accounts.roles import editor_group
from kenes.lex.importing import import_document
from kenes.lex.models import Ratification, Work
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def code(db):
    f.jurisdiction("kz")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY)
    import_document(
        f.labour_doc("Wages are paid at least once a month."), work_uri=f.LC_URI, lang="eng", date=f.DAY
    )
    import_document(
        f.labour_doc("Заработная плата выплачивается дважды в месяц."),
        work_uri=f.LC_URI,
        lang="rus",
        date=dt.date(2025, 1, 1),
    )
    return Work.objects.get(frbr_uri=f.LC_URI)


def _basic(username: str, password: str) -> dict:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def test_openapi_spec_is_served(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/akn/{uri}" in spec["paths"]
    assert "/api/ratifications" in spec["paths"]


def test_provision_by_uri_and_eid_as_it_stood_on_a_date(client, code):
    body = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2024-06-01/~art_113").json()
    assert body["uri"] == f"{f.LC_URI}/rus@2024-01-01/~art_113"
    assert body["provision"]["heading"] == "Порядок и сроки выплаты заработной платы"
    assert body["provision"]["children"][0]["text"].startswith("Заработная плата выплачивается не реже")
    later = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2025-06-01/~art_113").json()
    assert later["provision"]["children"][0]["text"] == "Заработная плата выплачивается дважды в месяц."


def test_provision_lists_its_translation_references_and_history(client, code):
    body = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2024-06-01/~art_113").json()
    assert [t["lang"] for t in body["translations"]] == ["eng"]
    assert body["translations"][0]["uri"].endswith("/eng@2024-01-01/~art_113")
    assert body["references_out"][0]["target_uri"] == f"{f.LC_URI}/~art_112"
    assert body["history"][0]["amending_number"] == "321-VI"
    cited = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2024-06-01/~art_112").json()
    assert cited["references_in"][0]["source_uri"].endswith("~art_113__para_2")


def test_translation_older_than_the_original_is_flagged(client, code):
    body = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2025-06-01/~art_113").json()
    eng = body["translations"][0]
    assert eng["expression_date"] == "2024-01-01"
    assert eng["older_than_original"] is True  # the English text predates the 2025 Russian original
    body = client.get(f"/api/akn{f.LC_URI[4:]}/eng@2025-06-01/~art_113").json()
    rus = body["translations"][0]
    assert rus["lang"] == "rus" and rus["older_than_original"] is False


def test_work_lists_points_in_time_and_expressions(client, code):
    body = client.get(f"/api/akn{f.LC_URI[4:]}").json()
    assert [p["date"] for p in body["points_in_time"]] == ["2024-01-01", "2025-01-01"]
    assert body["points_in_time"][0]["languages"] == ["eng", "rus"]
    assert body["type"] == "code"


def test_diff_between_two_dates_names_the_changed_provision(client, code):
    body = client.get(
        "/api/diff", {"work": f.LC_URI, "date_from": "2024-06-01", "date_to": "2025-06-01"}
    ).json()
    assert [(c["eid"], c["change"]) for c in body["changes"]] == [("art_113__para_1", "changed")]


def test_expression_as_akn_xml(client, code):
    response = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2024-06-01.xml")
    assert response.status_code == 200
    assert b"<akomaNtoso" in response.content
    assert b'eId="art_113"' in response.content


def test_unknown_work_is_a_json_404_that_names_it(client, db):
    response = client.get("/api/akn/kz/act/law/2099-01-01/nope")
    assert response.status_code == 404
    assert "/akn/kz/act/law/2099-01-01/nope" in response.json()["error"]["message"]


def test_date_before_any_expression_says_what_is_held(client, code):
    response = client.get(f"/api/akn{f.LC_URI[4:]}/rus@2000-01-01/~art_113")
    assert response.status_code == 404
    assert "held: " in response.json()["error"]["message"]


def test_malformed_uri_is_a_json_400(client, db):
    response = client.get("/api/akn/kz/act/code/not-a-date/414")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid-uri"


def test_bad_query_parameter_is_a_json_error(client, db):
    response = client.get("/api/works", {"limit": "many"})
    assert response.status_code == 422
    assert "limit" in response.json()["error"]["message"]


def test_page_size_is_capped(client, db):
    f.jurisdiction("kz")
    for n in range(105):
        Work.objects.create(
            frbr_uri=f"/akn/kz/act/law/2020-01-01/{n}",
            jurisdiction_id="kz",
            work_type="law",
            date=dt.date(2020, 1, 1),
            number=str(n),
            title=f"Law {n}",
        )
    body = client.get("/api/works", {"limit": 1000}).json()
    assert body["limit"] == 100
    assert len(body["items"]) == 100
    assert body["count"] == 105


def test_ratifications_by_country_and_instrument(client, db):
    f.jurisdiction("kz")
    f.jurisdiction("aa-ilo", "ILO", "international")
    c097 = f.work(
        "/akn/aa-ilo/act/convention/1949-07-01/c097", title="Migration for Employment", short_title="C097"
    )
    Ratification.objects.create(country_id="kz", instrument=c097, status="in-force", accepted_parts="II, III")
    by_country = client.get("/api/ratifications", {"country": "kz"}).json()
    assert by_country["items"][0]["instrument_code"] == "C097"
    assert by_country["items"][0]["accepted_parts"] == ["II", "III"]
    assert client.get("/api/ratifications", {"instrument": "c097"}).json()["count"] == 1
    assert client.get("/api/ratifications", {"country": "kg"}).json()["count"] == 0


def test_writes_need_a_login(client, db):
    response = client.post(
        "/api/works",
        {"frbr_uri": "/akn/kz/act/law/2020-01-01/1", "title": "X"},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_writes_need_the_editor_role(client, db):
    User.objects.create_user("reader", password="pw-reader-1")
    response = client.post(
        "/api/works",
        {"frbr_uri": "/akn/kz/act/law/2020-01-01/1", "title": "X"},
        content_type="application/json",
        **_basic("reader", "pw-reader-1"),
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert not Work.objects.filter(frbr_uri="/akn/kz/act/law/2020-01-01/1").exists()


def test_an_editor_creates_a_work_and_uploads_its_text(client, db, tmp_path):
    f.jurisdiction("kz")
    editor = User.objects.create_user("lawyer", password="pw-lawyer-1")
    editor.groups.add(editor_group())
    auth = _basic("lawyer", "pw-lawyer-1")
    created = client.post(
        "/api/works",
        {"frbr_uri": "/akn/kz/act/law/2020-01-01/1", "title": "Закон"},
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    assert created.json()["type"] == "law"
    duplicate = client.post(
        "/api/works",
        {"frbr_uri": "/akn/kz/act/law/2020-01-01/1", "title": "Закон"},
        content_type="application/json",
        **auth,
    )
    assert duplicate.status_code == 409

    from django.core.files.uploadedfile import SimpleUploadedFile

    text = (
        "Статья 1. Сфера действия\n\n      1. Закон применяется ко всем работникам.\n\n"
        "Статья 2. Сроки\n\n      1. Срок указан в статье 1 настоящего Закона.\n"
    )
    upload = SimpleUploadedFile("zakon.txt", text.encode("utf-8"), content_type="text/plain")
    form = {"file": upload, "work": "/akn/kz/act/law/2020-01-01/1", "lang": "rus", "date": "2020-02-01"}
    imported = client.post("/api/import", form, **auth)
    assert imported.status_code == 201, imported.content
    assert imported.json()["articles"] == 2
    assert imported.json()["references"] == 1
    upload.seek(0)
    again = client.post("/api/import", form, **auth)
    assert again.status_code == 200
    assert again.json()["status"] == "unchanged"


def test_an_unreadable_upload_is_refused_and_writes_nothing(client, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    f.jurisdiction("kz")
    editor = User.objects.create_user("lawyer", password="pw-lawyer-1")
    editor.groups.add(editor_group())
    junk = SimpleUploadedFile("code.docx", b"this is not a zip archive")
    response = client.post(
        "/api/import",
        {"file": junk, "work": f.LC_URI, "lang": "rus", "date": "2024-01-01"},
        **_basic("lawyer", "pw-lawyer-1"),
    )
    assert response.status_code == 400
    assert "code.docx" in response.json()["error"]["message"]
    assert Work.objects.count() == 0
