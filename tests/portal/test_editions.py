"""Time travel on the portal: editions listed, "as in force on" says which, a date before the first edition
explained in the reader's language, and the diff page between two editions."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.importing import import_document
from tests import factories as f
from tests.lex.test_editions import NEW_DAY, OLD_DAY, _new_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def code(db):
    f.jurisdiction("kz")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=OLD_DAY)
    import_document(_new_edition(), work_uri=f.LC_URI, lang="rus", date=NEW_DAY)


def _get(client, url, ui="en", **params):
    return client.get(url, params, HTTP_ACCEPT_LANGUAGE=ui)


def test_a_date_before_the_first_edition_is_explained_not_a_bare_404(client, code):
    response = _get(client, f"{f.LC_URI}/rus@2024-01-01/~art_113")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Kenes holds no edition of this act in force on 01.01.2024." in page
    assert f'href="{f.LC_URI}/rus@2025-04-15/~art_113"' in page
    russian = _get(client, f"{f.LC_URI}/rus@2024-01-01/~art_113", ui="ru").content.decode()
    assert "01.01.2024" in russian and "Kenes holds no edition" not in russian  # translated


def test_as_in_force_on_a_date_says_which_edition_it_shows_and_lists_the_editions(client, code):
    page = _get(client, f"{f.LC_URI}/rus@2025-06-01/~art_113").content.decode()
    assert "As in force on 01.06.2025: the edition in force from 15.04.2025." in page
    assert "15.04.2025" in page and "16.07.2025" in page
    assert "/editions/diff?work=" in page  # linked from the article's history


def test_diff_page_marks_changed_words_and_lists_the_added_article(client, code):
    page = _get(client, "/editions/diff", work=f.LC_URI, lang="rus").content.decode()
    assert "<del>одного раза</del><ins>двух раз</ins>" in page
    assert "Added: 1 · removed: 0 · changed: 1." in page
    assert f'href="{f.LC_URI}/rus@2025-07-16/~art_124-2"' in page
    one = _get(client, "/editions/diff", work=f.LC_URI, lang="rus", eid="art_124-1").content.decode()
    assert "The two editions have the same text." in one


def test_diff_page_with_a_date_before_every_edition_says_why(client, code):
    response = _get(client, "/editions/diff", work=f.LC_URI, lang="rus", **{"from": "2020-01-01"})
    assert response.status_code == 400
    assert "first one held is in force from 15.04.2025" in response.content.decode()


def test_diff_page_of_an_unknown_act_is_a_404(client, db):
    assert _get(client, "/editions/diff", work="/akn/kz/act/law/2099-01-01/nope").status_code == 404


def test_reader_of_a_single_edition_offers_no_diff(client, db):
    f.jurisdiction("kz")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=dt.date(2024, 1, 1))
    page = _get(client, f"{f.LC_URI}/rus/~art_113").content.decode()
    assert "/editions/diff" not in page
