"""Reading pages at the work's AKN URI: the act, one date, one provision, translations, exports, 404s."""

from __future__ import annotations

import re

import pytest

from kenes.portal.paging import Row, paginate
from tests import factories as f

from .conftest import NEW_RULE

pytestmark = pytest.mark.django_db

LC = f.LC_URI
OLD_RULE = "Заработная плата выплачивается не реже одного раза в месяц."


def html(response) -> str:
    return response.content.decode()


def test_work_uri_shows_the_current_text_with_toc_anchors_and_notes_apart(client, code):
    response = client.get(LC, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    page = html(response)
    assert NEW_RULE in page and OLD_RULE not in page
    assert '<nav class="toc"' in page and 'href="#art_113"' in page
    assert '<article id="art_113" lang="ru">' in page
    assert re.search(r'<aside class="note"[^>]*><p>Сноска\. Статья 113', page)
    # the note is beside the law, never inside a paragraph of it
    assert "Сноска" not in page[page.index('id="art_113__para_1"') : page.index('id="art_113__para_2"')]


def test_cross_reference_in_the_text_is_a_link_to_its_target(client, code):
    page = html(client.get(f"{LC}/rus"))
    assert '<a class="ref" href="#art_112">' in page  # same page: an anchor
    page = html(client.get(f"{LC}/rus/~art_113"))
    assert f'<a class="ref" href="{LC}/rus/~art_112">' in page


def test_the_date_in_the_uri_selects_the_wording_in_force(client, code):
    old = html(client.get(f"{LC}/rus@2024-06-01"))
    new = html(client.get(f"{LC}/rus@2025-06-01"))
    assert OLD_RULE in old and NEW_RULE not in old
    assert NEW_RULE in new and OLD_RULE not in new
    assert client.get(f"{LC}/rus@2023-01-01").status_code == 404  # nothing was in force yet


def test_the_date_selector_lists_points_in_time_and_redirects_to_the_canonical_uri(client, code):
    page = html(client.get(f"{LC}/rus"))
    form = page[
        page.index('<form class="versions"') : page.index("</form>", page.index('<form class="versions"'))
    ]
    assert '<option value="2024-01-01">' in form and '<option value="2025-01-01">' in form
    response = client.get(LC, {"on": "2024-03-01", "lang": "rus"})
    assert response.status_code == 302 and response["Location"] == f"{LC}/rus@2024-03-01"
    response = client.get(f"{LC}/~art_113", {"on": "2024-03-01", "lang": "kaz"})
    assert response["Location"] == f"{LC}/kaz@2024-03-01/~art_113"
    assert client.get(LC, {"on": "not-a-date"}).status_code == 404


def test_work_uri_opens_in_the_readers_language_when_the_text_exists_in_it(client, code):
    page = html(client.get(LC, HTTP_ACCEPT_LANGUAGE="kk"))
    assert "Жалақы айына кемінде бір рет төленеді." in page
    assert '<div id="text" class="law" lang="kk">' in page
    # an English interface has no English text to show: the original
    page = html(client.get(LC, HTTP_ACCEPT_LANGUAGE="en"))
    assert '<div id="text" class="law" lang="ru">' in page and '<html lang="en">' in page


def test_provision_page_has_references_in_and_out_history_and_a_citation(client, code):
    page = html(client.get(f"{LC}/rus@2024-06-01/~art_113"))
    assert 'id="art_113__para_2"' in page and 'id="art_112"' not in page
    assert f'href="{LC}/~art_112"' in page  # references out
    assert "321-VI" in page  # amendment history from the publisher's note
    assert (
        '<cite id="citation">Статья 113, Трудовой кодекс (ТК РК), 23.11.2015 <span class="nw">№ 414-V</span>.'
        in page
    )  # the act's number never breaks across lines
    assert f"http://testserver{LC}/rus@2024-06-01/~art_113</cite>" in page
    cited = html(client.get(f"{LC}/rus@2024-06-01/~art_112"))
    assert "~art_113__para_2" in cited  # references in


def test_translation_is_shown_side_by_side_and_flagged_when_older(client, code):
    page = html(client.get(f"{LC}/rus@2025-06-01/~art_113"))
    assert '<div class="pair">' in page
    assert NEW_RULE in page and "Жалақы айына кемінде бір рет төленеді." in page
    assert '<div class="law" lang="kk">' in page
    assert page.count('id="art_113"') == 1 and 'id="kaz-art_113"' in page  # ids stay unique
    assert 'class="flag"' in page  # the Kazakh text (2024) predates the 2025 Russian original
    same_age = html(client.get(f"{LC}/rus@2024-06-01/~art_113"))
    assert '<div class="pair">' in same_age and '<p class="flag"' not in same_age
    alone = html(client.get(f"{LC}/rus@2025-06-01/~art_113?with=none"))
    assert '<div class="pair">' not in alone


def test_json_and_xml_suffixes_give_the_api_json_and_akn(client, code):
    body = client.get(f"{LC}/rus@2024-06-01/~art_113.json").json()
    assert body["provision"]["eid"] == "art_113" and body["expression"] == f"{LC}/rus@2024-01-01"
    assert client.get(f"{LC}.json").json()["frbr_uri"] == LC
    response = client.get(f"{LC}/rus@2024-06-01.xml")
    assert response["Content-Type"].startswith("application/akn+xml")
    assert b"<akomaNtoso" in response.content and b"FRBRthis" in response.content
    missing = client.get("/akn/kz/act/code/2015-11-23/999.json")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not-found"


@pytest.mark.parametrize(
    "url",
    [
        "/akn/kz/act/code/2015-11-23/999",
        "/akn/not-a-uri",
        f"{LC}/rus/~art_999",
        f"{LC}/eng",
        f"{LC}?page=99",
        f"{LC}?page=x",
    ],
)
def test_unknown_uris_get_a_real_404_page(client, code, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert '<main id="main">' in html(response) and 'action="/search"' in html(response)


def test_next_chapter_is_a_link_and_a_fragment_for_lazy_loading(client, code, settings):
    settings.KENES_READER_PAGE_CHARS = 100  # the small code fits one page: cut it to see the links
    first = html(client.get(f"{LC}/rus"))
    found = re.search(r'<a href="([^"]+)" rel="next" data-fragment="([^"]+)"', first)
    assert found and found.group(1) == f"{LC}/rus?page=2"
    fragment = client.get(found.group(2).replace("&amp;", "&"))
    assert fragment.status_code == 200
    assert "<html" not in html(fragment) and html(fragment).startswith('<div class="chunk" data-page="2">')
    assert 'id="art_' in html(fragment)
    second = html(client.get(found.group(1)))
    assert 'rel="prev"' in second and "<html" in second


def _rows(spec: str) -> list[Row]:
    """'C a a C a' -> a chapter, two articles of size 10 (with one paragraph each), a chapter, an article."""
    rows, order = [], 0
    for token in spec.split():
        if token == "C":
            rows.append(Row(order, 0, "chapter", f"chp_{order}", "", "", 0))
        else:
            rows.append(Row(order, 1, "article", f"art_{order}", "", "", 0))
            order += 1
            rows.append(Row(order, 2, "paragraph", f"art_{order - 1}__para_1", "", "", 10))
        order += 1
    return rows


def test_pages_break_at_chapters_and_between_articles_never_inside_one():
    pages = paginate(_rows("C a a C a"))
    assert [p.eids for p in pages] == [["chp_0", "art_1", "art_3"], ["chp_5", "art_6"]]
    small = paginate(_rows("C a a a"), page_chars=25)
    assert [p.eids for p in small] == [["chp_0", "art_1", "art_3"], ["art_5"]]
    assert all(not p.eids[0].endswith("para_1") for p in small)
    capped = paginate(_rows("a a a a a"), page_articles=2)
    assert [len(p.eids) for p in capped] == [2, 2, 1]
