"""HTML and JSON renderings: standalone and accessible, every provision addressable by its eId."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from kenes.lex.render.html import BCP47, to_html
from kenes.lex.render.jsondoc import FORMAT, from_json, to_json
from kenes.lex.tree import Document, Node, Note, assign_eids

from . import factories


class Page(HTMLParser):
    """Collects what the tests look at: ids, links, the html lang, asides and open/close balance."""

    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.lang = ""
        self.stack: list[str] = []
        self.asides: list[str] = []
        self.external: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if a.get("id"):
            self.ids.append(a["id"] or "")
        href = a.get("href") or ""
        if tag == "a" and href.startswith("#"):
            self.links.append(href[1:])
        if tag in ("script", "img", "iframe") or (tag == "link" and a.get("rel") == "stylesheet"):
            self.external.append(tag)
        if tag == "aside":
            self.asides.append(a.get("class") or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def test_every_provision_has_its_eid_as_id_and_the_contents_link_to_them() -> None:
    doc = factories.every_kind()
    page = Page(to_html(doc, factories.full_meta()))
    eids = [n.eid for n in doc.walk()]
    assert set(eids) <= set(page.ids)
    assert len(page.ids) == len(set(page.ids))
    assert page.links and set(page.links) <= set(page.ids)
    assert "art_1" in page.links and "art_1__point_1" not in page.links  # contents stop at articles
    assert page.stack == []


@pytest.mark.parametrize(("akn", "bcp47"), sorted(BCP47.items()))
def test_the_page_language_is_the_expressions_as_bcp47(akn: str, bcp47: str) -> None:
    doc, meta = factories.every_kind(), factories.meta(f"{factories.LC}/{akn}@2024-01-01")
    doc.lang = akn
    assert Page(to_html(doc, meta)).lang == bcp47


def test_labels_in_a_language_without_translations_are_marked_as_russian() -> None:
    doc = factories.every_kind()
    doc.lang = "kaz"
    html = to_html(doc, factories.meta(f"{factories.LC}/kaz@2024-01-01"))
    assert '<html lang="kk">' in html
    assert '<span lang="ru">Содержание</span>' in html


def test_editorial_notes_are_asides_outside_the_provision_text() -> None:
    html = to_html(factories.every_kind(), factories.meta())
    page = Page(html)
    assert page.asides == ["note editorial", "note editorial"]
    assert "<p>Сноска. Статья 1 с изменениями от 04.05.2020 № 321-VI.</p>\n</aside>" in html


def test_text_is_escaped_so_markup_in_the_law_is_shown_not_run() -> None:
    doc = Document(
        title="<script>alert(1)</script>",
        lang="rus",
        body=[Node("article", num='1"', heading="a & b", text="x < y\x01", notes=[Note("<b>bold</b>")])],
    )
    assign_eids(doc)
    html = to_html(doc, factories.meta(source_url="javascript:alert(1)", source_name="s"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "a &amp; b" in html and "x &lt; y" in html and "\x01" not in html
    assert "javascript:" not in html  # only http(s) sources become links
    assert Page(html).external == []


def test_the_page_is_standalone_with_no_external_resources() -> None:
    page = Page(to_html(factories.every_kind(), factories.full_meta()))
    assert page.external == []


def test_numbers_of_paragraphs_and_points_lead_their_text() -> None:
    html = to_html(factories.every_kind(), factories.meta())
    assert '<p><span class="num">2)</span> работодатель – лицо.</p>' in html


def test_json_nests_provisions_with_the_tree_fields_and_round_trips() -> None:
    doc, meta = factories.every_kind(), factories.full_meta()
    data = json.loads(json.dumps(to_json(doc, meta)))
    assert data["format"] == FORMAT
    assert data["meta"]["retrieved_on"] == "2025-03-01"
    article = data["provisions"][1]["children"][0]["children"][0]["children"][0]
    assert set(article) == {"eid", "kind", "num", "heading", "text", "wrap_up", "notes", "children"}
    assert article["eid"] == "art_1" and article["notes"][0]["kind"] == "editorial"
    assert from_json(data) == (meta, doc)


def test_json_of_another_format_or_incomplete_is_refused() -> None:
    data = to_json(factories.every_kind(), factories.meta())
    with pytest.raises(ValueError, match="expected a kenes-expression/1 document"):
        from_json({**data, "format": "kenes-expression/2"})
    with pytest.raises(ValueError, match="not a complete"):
        from_json({k: v for k, v in data.items() if k != "provisions"})
