"""Editing in the Django admin: importing a file, editing a work's metadata, marking amendments, roles."""

from __future__ import annotations

import datetime as dt
import tempfile

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from kenes.accounts.roles import (
    DIRECTORY_EDITOR_PERMISSIONS,
    EDITOR_PERMISSIONS,
    OBSERVATORY_EDITOR_PERMISSIONS,
    editor_group,
)
from kenes.lex.akn import uri as akn_uri
from kenes.lex.importing import import_document
from kenes.lex.models import Amendment, AmendmentEffect, Expression, Provision, Topic, Work
from tests import factories as f

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/lex/work/import/"
LAW_URI = "/akn/kz/act/law/2020-01-01/1"
LAW = (
    "Статья 1. Сфера действия\n\n      1. Закон применяется ко всем работникам.\n\n"
    "      2. Работодатель обязан соблюдать его.\n\n"
    "Статья 2. Сроки\n\n      1. Срок указан в статье 1 настоящего Закона.\n"
)


@pytest.fixture(autouse=True)
def _plain_static(settings):
    """Admin pages use {% static %}; the hashed-name storage (DEBUG off) needs collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def editor(client):
    user = User.objects.create_user("lawyer", password="pw-lawyer-1", is_staff=True)
    user.groups.add(editor_group())
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the assertions quote the English messages
    return user


@pytest.fixture
def private_tmp(monkeypatch, tmp_path):
    """Uploads are copied under tempfile's directory: point it at an empty one to see what is left."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _upload(name: str, data: bytes, **fields) -> dict:
    return {"file": SimpleUploadedFile(name, data), **fields}


def _page(response) -> str:
    return response.content.decode()


def test_an_editor_imports_a_text_file_and_sees_the_counts_and_links(client, editor, private_tmp):
    f.jurisdiction("kz")
    form = _upload("zakon.txt", LAW.encode(), work_uri=LAW_URI, lang="rus", date="2020-02-01")
    response = client.post(IMPORT_URL, form, follow=True)
    assert response.redirect_chain == [(IMPORT_URL, 302)]
    page = _page(response)
    assert "2 articles, 5 provisions, 1 references, 0 amendment effects" in page
    expression = Expression.objects.get(work__frbr_uri=LAW_URI, lang="rus", date=dt.date(2020, 2, 1))
    assert f'href="{LAW_URI}/rus@2020-02-01"' in page
    assert f'href="/admin/lex/expression/{expression.pk}/change/"' in page
    assert expression.provisions.filter(eid="art_2").exists()
    assert list(private_tmp.iterdir()) == []  # the uploaded copy is gone

    again = client.post(
        IMPORT_URL,
        _upload("zakon.txt", LAW.encode(), work=expression.work.pk, lang="rus", date="2020-02-01"),
        follow=True,
    )
    assert "identical content is already held" in _page(again)
    assert Expression.objects.count() == 1


def test_a_broken_docx_writes_nothing_and_says_why(client, editor, private_tmp):
    f.jurisdiction("kz")
    form = _upload("code.docx", b"this is not a zip archive", work_uri=LAW_URI, lang="rus", date="2024-01-01")
    response = client.post(IMPORT_URL, form)
    assert response.status_code == 400
    page = _page(response)
    assert "code.docx" in page and "DOCX" in page
    assert str(private_tmp) not in page  # the temporary path is not shown
    assert Work.objects.count() == 0 and Expression.objects.count() == 0
    assert list(private_tmp.iterdir()) == []


def test_a_refused_replacement_keeps_the_stored_text(client, editor):
    f.jurisdiction("kz")
    client.post(
        IMPORT_URL, _upload("zakon.txt", LAW.encode(), work_uri=LAW_URI, lang="rus", date="2020-02-01")
    )
    changed = LAW.replace("ко всем работникам", "к мигрантам")
    form = _upload("zakon.txt", changed.encode(), work_uri=LAW_URI, lang="rus", date="2020-02-01")
    response = client.post(IMPORT_URL, form)
    assert response.status_code == 400
    assert "already exists with different content" in _page(response)
    assert Provision.objects.filter(text__contains="ко всем работникам").count() == 1

    form = _upload(
        "zakon.txt", changed.encode(), work_uri=LAW_URI, lang="rus", date="2020-02-01", replace="on"
    )
    replaced = client.post(IMPORT_URL, form, follow=True)
    assert "replaced" in _page(replaced)
    assert Provision.objects.filter(text__contains="к мигрантам").count() == 1
    assert Expression.objects.count() == 1


def test_the_form_says_what_is_missing_without_touching_the_database(client, editor):
    response = client.post(
        IMPORT_URL, _upload("zakon.txt", LAW.encode(), work_uri="/akn/kz/act/law/20-1-1/1")
    )
    assert response.status_code == 400
    page = _page(response)
    assert "Choose the language of the text." in page
    assert "Give the date from which this wording is in force." in page
    assert Work.objects.count() == 0


def test_staff_without_the_editor_role_get_403(client):
    staff = User.objects.create_user("clerk", password="pw-clerk-1", is_staff=True)
    client.force_login(staff)
    assert client.get(IMPORT_URL).status_code == 403
    form = _upload("zakon.txt", LAW.encode(), work_uri=LAW_URI, lang="rus", date="2020-02-01")
    assert client.post(IMPORT_URL, form).status_code == 403
    assert Work.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/admin/lex/work/import/")


def test_editors_find_the_import_button_on_the_index_and_the_work_list(client, editor):
    assert 'href="/admin/lex/work/import/"' in _page(client.get("/admin/"))
    assert 'href="/admin/lex/work/import/"' in _page(client.get("/admin/lex/work/"))
    assert 'href="/admin/lex/work/import/"' in _page(client.get("/admin/lex/"))
    assert client.get("/admin/lex/expression/add/")["Location"] == IMPORT_URL
    form = _page(client.get(IMPORT_URL))
    for code in akn_uri.LANGUAGES:  # the six AKN languages, no more, no fewer
        assert f'<option value="{code}"' in form


def test_the_import_page_speaks_russian_and_kazakh(client, editor):
    assert "Импорт файла" in _page(client.get(IMPORT_URL, HTTP_ACCEPT_LANGUAGE="ru"))
    assert "Файлды импорттау" in _page(client.get(IMPORT_URL, HTTP_ACCEPT_LANGUAGE="kk"))


def test_an_editor_edits_a_works_metadata_but_not_its_uri(client, editor):
    work = f.work(f.LC_URI)
    topic = Topic.objects.create(slug="wages")
    url = f"/admin/lex/work/{work.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "frbr_uri": "/akn/kz/act/code/2000-01-01/1",  # read-only: ignored
            "work_type": "code",
            "title": "Трудовой кодекс Республики Казахстан",
            "short_title": "ТК РК",
            "original_lang": "rus",
            "commenced_on": "2016-01-01",
            "repealed_on": "",
            "topics": [topic.pk],
            "expressions-TOTAL_FORMS": "0",
            "expressions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    work.refresh_from_db()
    assert (work.frbr_uri, work.short_title, work.commenced_on) == (f.LC_URI, "ТК РК", dt.date(2016, 1, 1))
    assert work.title == "Трудовой кодекс Республики Казахстан"
    assert list(work.topics.all()) == [topic]


def test_a_new_work_takes_its_parts_from_a_valid_uri(client, editor):
    f.jurisdiction("kz")
    base = {
        "work_type": "law",
        "title": "Закон",
        "original_lang": "kaz",
        "expressions-TOTAL_FORMS": "0",
        "expressions-INITIAL_FORMS": "0",
    }
    bad = client.post("/admin/lex/work/add/", {**base, "frbr_uri": "/akn/xx/act/law/2020-01-01/1"})
    assert bad.status_code == 200 and "Unknown jurisdiction xx" in _page(bad)
    good = client.post("/admin/lex/work/add/", {**base, "frbr_uri": LAW_URI})
    assert good.status_code == 302
    work = Work.objects.get(frbr_uri=LAW_URI)
    assert (work.jurisdiction.code, work.number, work.date) == ("kz", "1", dt.date(2020, 1, 1))


@pytest.fixture
def labour_code():
    f.jurisdiction("kz")
    return import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY).work


def _amendment_form(work: Work, *eids: str) -> dict:
    form = {
        "amended_work": work.pk,
        "amending_title": "Закон РК от 04.05.2020 № 321-VI",
        "amending_number": "321-vi",
        "date": "2020-05-04",
        "source": "editor",
        "effects-TOTAL_FORMS": str(len(eids)),
        "effects-INITIAL_FORMS": "0",
    }
    for i, eid in enumerate(eids):
        form |= {
            f"effects-{i}-eid": eid,
            f"effects-{i}-effect": "amended",
            f"effects-{i}-in_force_on": "2020-05-15",
            f"effects-{i}-applied": "on",
        }
    return form


def test_an_amendment_of_an_unknown_provision_is_refused(client, editor, labour_code):
    before = Amendment.objects.count()
    response = client.post("/admin/lex/amendment/add/", _amendment_form(labour_code, "art_999"))
    assert response.status_code == 200
    assert f"art_999 is not a provision of {f.LC_URI}" in _page(response)
    assert Amendment.objects.count() == before


def test_an_editor_marks_an_amendment_of_existing_provisions(client, editor, labour_code):
    form = _amendment_form(labour_code, "art_113", "chp_8__art_112", "art_113__para_1")
    response = client.post("/admin/lex/amendment/add/", form)
    assert response.status_code == 302, _page(response)[:3000]
    amendment = Amendment.objects.get(amending_number="321-vi", source="editor")
    effects = AmendmentEffect.objects.filter(amendment=amendment)
    assert sorted(effects.values_list("eid", flat=True)) == ["art_112", "art_113", "art_113__para_1"]
    assert {e.in_force_on for e in effects} == {dt.date(2020, 5, 15)}


def test_the_editor_group_adds_and_changes_but_does_not_delete_the_law():
    group = editor_group()
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    expected = (
        {("lex", f"{a}_{m}") for m, actions in EDITOR_PERMISSIONS.items() for a in actions}
        | {("accounts", f"{a}_{m}") for m, actions in DIRECTORY_EDITOR_PERMISSIONS.items() for a in actions}
        | {
            ("observatory", f"{a}_{m}")
            for m, actions in OBSERVATORY_EDITOR_PERMISSIONS.items()
            for a in actions
        }
    )
    assert granted == expected  # every permission named in roles.py exists
    granted = {codename for _app, codename in granted}
    assert {
        "change_work",
        "add_work",
        "add_expression",
        "change_expression",
        "add_amendmenteffect",
    } <= granted
    assert not {"delete_work", "delete_expression", "delete_provision", "add_provision"} & granted
    group.permissions.add(*group.permissions.model.objects.filter(codename="delete_work"))
    assert "delete_work" not in set(editor_group().permissions.values_list("codename", flat=True))


def test_kenes_editor_makes_a_staff_user_with_the_role(monkeypatch, client):
    from kenes.cli import main

    monkeypatch.setenv("KENES_PASSWORD", "pw-new-editor-1")
    assert main(["editor", "aigerim"]) == 0
    user = User.objects.get(username="aigerim")
    assert user.is_staff and not user.is_superuser
    assert client.login(username="aigerim", password="pw-new-editor-1")
    assert client.get(IMPORT_URL).status_code == 200
