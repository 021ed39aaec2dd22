"""The error pages are the shell's: in the reader's language, with the site's frame, never Django's bare
English pages (a migrant whose form expired must learn what to do, in Kazakh or Uzbek too)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import bad_request, permission_denied


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "words"),
    [("kk", "Форманың мерзімі өтті"), ("uz", "Forma muddati tugadi"), ("ru", "Срок действия формы истёк")],
)
def test_an_expired_form_says_so_in_the_readers_language(lang, words):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/i18n/setlang/", {"language": "en"}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html and words in html
    assert "CSRF verification failed" not in html


@pytest.mark.django_db
def test_access_denied_and_bad_request_pages_are_the_shells(rf: RequestFactory):
    with translation.override("ky"):
        denied = permission_denied(rf.get("/somewhere"), PermissionDenied()).content.decode()
        bad = bad_request(rf.get("/somewhere"), ValueError("no")).content.decode()
    assert "Кирүүгө тыюу салынган" in denied and 'class="skip"' in denied
    assert "Туура эмес суроо" in bad and 'class="skip"' in bad
