"""The site shell: every app's pages stand in the same frame, whose navigation the apps fill themselves."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy

from kenes.accounts.roles import editor_group
from kenes.site import nav

PAGES = ["/", "/search?q=зарплата", "/countries/", "/rights/", "/rights/stay/", "/no-such-page"]


def nav_links(html: str) -> list[str]:
    block = re.search(r'<nav aria-label="[^"]*">(.*?)</nav>', html, re.S)
    assert block, "the page has no site navigation"
    return re.findall(r'<a href="([^"]+)"', block.group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_app_page_extends_the_shell_with_its_navigation_and_language_switch(client, path):
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert '<html lang="kk">' in html
    assert 'class="skip" href="#main"' in html
    assert nav_links(html) == [
        "/search",
        "/countries/",
        "/rights/",
        "/help/",
        "/observatory/",
    ]  # help: the desk's public form
    assert 'action="/i18n/setlang/"' in html and '<option value="kk" lang="kk" selected>' in html
    assert "<style>" in html and 'rel="stylesheet"' not in html  # the CSS is inlined for first paint


@pytest.mark.django_db
def test_the_not_found_page_is_the_shells_and_speaks_the_readers_language(client):
    response = client.get("/no-such-page", HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Табылмады" in html  # "Not found" in Kazakh, from the site's own catalogue
    assert 'action="/search"' in html


@pytest.mark.django_db
def test_an_entry_an_app_registers_appears_on_every_apps_pages(client, monkeypatch):
    monkeypatch.setattr(nav, "_ENTRIES", dict(nav._ENTRIES))
    nav.register("portal:home", gettext_lazy("Home page"), order=25)
    for path in ("/countries/", "/rights/"):
        links = nav_links(client.get(path).content.decode())
        assert links == ["/search", "/countries/", "/", "/rights/", "/help/", "/observatory/"]


@pytest.mark.django_db
def test_the_edit_entry_is_shown_to_editors_only(client):
    assert "/admin/" not in nav_links(client.get("/").content.decode())
    user = User.objects.create_user("ed", password="pw-for-tests-only")
    user.groups.add(editor_group())
    client.force_login(user)
    assert nav_links(client.get("/").content.decode())[-1] == "/admin/"


@pytest.mark.django_db
def test_the_section_a_page_is_in_is_marked_current(client):
    html = client.get("/rights/stay/").content.decode()
    assert '<a href="/rights/" aria-current="page">' in html
    assert '<a href="/search" aria-current' not in html
