"""What a reader on a slow phone gets: compressed pages that paint without a second request, the law text near
the top, identifiers and labels in the interface language, and warnings that a translation lags behind."""

from __future__ import annotations

import datetime as dt
import gzip
import re

import pytest
from django.utils import translation

from kenes.lex.models import Ratification, Reference, Work
from kenes.portal import labels
from tests import factories as f

from .conftest import C097

pytestmark = pytest.mark.django_db

LC = f.LC_URI


def html(response) -> str:
    return response.content.decode()


# ---------------------------------------------------------------- bytes and round trips


def test_pages_are_gzipped_for_browsers_that_accept_it(client, code):
    zipped = client.get(f"{LC}/rus/~art_113", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    body = gzip.decompress(zipped.content).decode()
    assert "Порядок и сроки выплаты заработной платы" in body
    assert len(zipped.content) < len(body.encode()) / 2
    plain = client.get(f"{LC}/rus/~art_113")
    assert not plain.has_header("Content-Encoding")


def test_the_stylesheet_is_inlined_so_the_first_paint_waits_for_no_other_request(client, code):
    page = html(client.get(f"{LC}/rus/~art_113"))
    head = page[: page.index("</head>")]
    assert re.search(r"<style>:root\{--fg:", head)  # the portal's CSS itself, not a link to it
    assert 'rel="stylesheet"' not in head
    assert '<link rel="icon" href="data:,">' in head  # no /favicon.ico round trip ending in a 404


# ---------------------------------------------------------------- the article page on a phone


def test_the_article_title_is_said_once_and_the_tools_are_folded_away(client, code):
    page = html(client.get(f"{LC}/rus/~art_113?with=none"))
    assert page.count("Порядок и сроки выплаты заработной платы") == 1 + page.count("<title>Статья 113")
    assert re.search(r'<h1 lang="ru">Статья 113\. Порядок и сроки выплаты заработной платы</h1>', page)
    tools = page[page.index('<details class="tools">') : page.index("</details>")]
    assert '<form class="versions"' in tools and '<cite id="citation">' in tools
    # the law text comes straight after the folded tools, not after a screen of forms
    assert page.index('<div id="text"') - page.index("</details>") < 40


def test_a_paragraph_page_names_its_article_above_it(client, code):
    page = html(client.get(f"{LC}/rus/~art_113__para_1"))
    assert '<h1 lang="ru">Статья 113, пункт 1</h1>' in page
    assert f'<a href="{LC}/rus/~art_113">Статья 113. Порядок и сроки выплаты заработной платы</a>' in page
    assert "Статья 113, пункт 1, Трудовой кодекс (ТК РК)" in page  # the citation says the same


def test_the_meta_line_speaks_to_readers_and_the_uri_stays_in_the_citation(client, code):
    page = html(client.get(f"{LC}/rus", HTTP_ACCEPT_LANGUAGE="ru"))
    meta = page[page.index('<p class="meta">') : page.index("</p>", page.index('<p class="meta">'))]
    assert "Русский · редакция, действующая с 01.01.2025" in meta
    assert "/akn/" not in meta
    assert f"http://testserver{LC}/rus</cite>" in page


# ---------------------------------------------------------------- labels in the interface language


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "ст. 113, п. 1, пп. 7"),
        ("kk", "113-бап, 1-тармақ, 7) тармақша"),
        ("en", "Art. 113, para. 1, subpara. 7"),
    ],
)
def test_eids_are_written_as_readers_cite_them(lang, expected):
    with translation.override(lang):
        assert labels.eid_label("art_113__para_1__point_7") == expected
        assert labels.eid_label("sec_2__chp_8__art_113") == labels.eid_label("art_113")


def test_amendment_history_names_the_provision_and_the_effect_in_the_interface_language(client, code):
    ru = html(client.get(f"{LC}/rus@2024-06-01/~art_113", HTTP_ACCEPT_LANGUAGE="ru"))
    history = ru[ru.index('id="hist"') :]
    shown = re.sub(r'href="[^"]*"', "", history)  # what readers see: links may carry eIds, the text may not
    assert "ст. 113 — изменено" in shown and "art_113" not in shown
    kk = html(client.get(f"{LC}/rus@2024-06-01/~art_113", HTTP_ACCEPT_LANGUAGE="kk"))
    assert "113-бап — өзгертілді" in kk[kk.index('id="hist"') :]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("ru", ["Кодекс", "Действует"]), ("kk", ["Кодекс", "Күшінде"])],
)
def test_document_types_and_statuses_are_translated(client, convention, lang, words):
    country = html(client.get("/countries/kz", HTTP_ACCEPT_LANGUAGE=lang))
    assert f"<h3>{words[0]}</h3>" in country and "<h3>Code</h3>" not in country
    ratified = html(client.get("/conventions/c097", HTTP_ACCEPT_LANGUAGE=lang))
    assert words[1] in ratified and ">In force<" not in ratified


def test_search_facets_and_results_use_readers_words(client, indexed):
    page = html(client.get("/search", {"q": "расчёт"}, HTTP_ACCEPT_LANGUAGE="ru"))
    facets = page[page.index('<nav class="facets"') : page.index("</nav>", page.index('<nav class="facets"'))]
    assert ">Кодекс</a>" in facets and ">Code<" not in facets
    # a paragraph found on its own is titled through its article, whose caption follows the act's title
    hit = re.search(
        r'<h2><a href="[^"]+/kaz/~art_113__para_2" lang="kk">([^<]+)</a></h2><p class="src"[^>]*>([^<]+)<',
        page,
    )
    assert hit, "the paragraph of article 113 is found"
    assert hit.group(1) == "113-бап, 2-тармақ"
    assert hit.group(2) == "Еңбек кодексі · Порядок и сроки выплаты заработной платы"


def test_a_long_facet_shows_its_top_values_and_folds_the_rest(client, indexed, monkeypatch):
    from kenes.portal import views

    monkeypatch.setattr(views, "FACET_TOP", 1)
    page = html(client.get("/search", {"q": "заработной платы"}, HTTP_ACCEPT_LANGUAGE="en"))
    facets = page[page.index('<nav class="facets"') : page.index("</nav>", page.index('<nav class="facets"'))]
    assert "<details><summary>" in facets and " more</summary>" in facets
    # the results come first in the page, the filters after them (the wide layout puts them beside)
    assert page.index('<ol class="hits"') < page.index('<nav class="facets"')


# ---------------------------------------------------------------- translations that lag behind


def test_a_translation_read_alone_says_the_original_was_amended_since(client, code):
    reader = html(client.get(f"{LC}/kaz", HTTP_ACCEPT_LANGUAGE="en"))
    assert '<p class="flag" role="note">' in reader
    assert "original (Russian) has been amended since (wording in force from 01.01.2025)" in reader
    assert f'href="{LC}/rus"' in reader
    article = html(client.get(f"{LC}/kaz/~art_113", HTTP_ACCEPT_LANGUAGE="en"))
    assert "has been amended since" in article and f'href="{LC}/rus/~art_113"' in article
    original = html(client.get(f"{LC}/rus", HTTP_ACCEPT_LANGUAGE="en"))
    assert "has been amended since" not in original
    then = html(client.get(f"{LC}/kaz@2024-06-01", HTTP_ACCEPT_LANGUAGE="en"))
    assert "has been amended since" not in then  # on that date both said the same


# ---------------------------------------------------------------- conventions


def test_convention_page_links_the_text_and_keeps_other_instruments_apart(client, convention):
    other = "/akn/aa-ilo/act/convention/1975-06-24/c143"
    f.work(other, title="Migrant Workers (Supplementary Provisions) Convention, 1975", short_title="C143")
    from kenes.lex.importing import import_document
    from kenes.lex.tree import Document, assign_eids

    doc = Document(title="C143", lang="eng", body=[f.article("1", "", "Recalling Convention No. 97.")])
    assign_eids(doc)
    import_document(doc, work_uri=other, lang="eng", date=dt.date(1975, 6, 24), work_type="ilo-convention")
    source = Work.objects.get(frbr_uri=other).expressions.get().provisions.get(eid="art_1")
    Reference.objects.create(source=source, target_work=convention, citation="Convention No. 97")
    page = html(client.get("/conventions/c097", HTTP_ACCEPT_LANGUAGE="en"))
    assert f'<a href="{C097}/eng"><strong>Read the text</strong></a>' in page
    national = page[page.index('id="nat-h"') : page.index('id="rel-h"')]
    assert f'href="{LC}/rus/~art_112__para_1">Art. 112, para. 1</a>' in national
    assert "C143" not in national
    related = page[page.index('id="rel-h"') :]
    assert '<a href="/conventions/c143">C143</a>' in related


def test_a_ratification_known_only_by_its_year_shows_the_year_and_nothing_invented(client, convention):
    f.jurisdiction("tj", "Tajikistan")
    Ratification.objects.create(
        country_id="tj",
        instrument=convention,
        status="in-force",
        note="ILO registration year 1993 (NORMLEX); exact date not verified.",
    )
    page = html(client.get("/conventions/c097", HTTP_ACCEPT_LANGUAGE="en"))
    row = re.search(r"Tajikistan</a></th>(.*?)</tr>", page, re.S).group(1)
    assert "1993 (year only)" in row and "01.01.1993" not in row


def test_a_doubled_full_stop_at_the_end_of_a_publishers_note_is_shown_single():
    assert labels.tidy_note("(вводится в действие с 16.12.2020)..") == "(вводится в действие с 16.12.2020)."
    assert labels.tidy_note("и т.д...") == "и т.д..."  # an ellipsis is left alone
