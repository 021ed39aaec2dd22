"""AKN export and import: every export validates, and reading it back gives the same tree and bytes."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from lxml import etree

from kenes.lex.akn.export import to_akn
from kenes.lex.akn.parse import AknError, from_akn
from kenes.lex.akn.safexml import AKN_NS
from kenes.lex.akn.schema import validate
from kenes.lex.tree import Document, Node, Note, assign_eids

from . import factories

NS = {"a": AKN_NS}


def xpath(xml: bytes, path: str) -> list:
    return etree.fromstring(xml).xpath(path, namespaces=NS)


def round_trip(doc: Document, meta: factories.ExpressionMeta) -> bytes:
    """Export, validate, import, export again: assert nothing changed on the way."""
    xml = to_akn(doc, meta)
    assert validate(xml) == []
    meta_back, doc_back = from_akn(xml)
    assert meta_back == meta
    assert doc_back == doc
    assert to_akn(doc_back, meta_back) == xml
    return xml


@pytest.mark.usefixtures("akn_schema")
class TestRoundTrip:
    def test_a_document_with_every_kind_and_all_metadata_round_trips_byte_for_byte(self) -> None:
        round_trip(factories.every_kind(), factories.full_meta())

    def test_a_document_with_minimal_metadata_round_trips(self) -> None:
        round_trip(factories.every_kind(), factories.meta())

    def test_a_collective_agreement_is_a_doc_with_a_main_body(self) -> None:
        doc, meta = factories.collective_agreement()
        xml = round_trip(doc, meta)
        assert xpath(xml, "/a:akomaNtoso/a:doc/@name") == ["collective-agreement"]
        assert xpath(xml, "//a:doc/a:mainBody/a:chapter/@eId") == ["chp_1"]

    def test_markup_characters_in_text_are_escaped_and_come_back_unchanged(self) -> None:
        doc = Document(
            title="A & B <c>", lang="rus", body=[Node("article", num="1", heading="<&>", text='"x" < y & z')]
        )
        assign_eids(doc)
        xml = round_trip(doc, factories.meta(title="& < >"))
        assert b"&lt;&amp;&gt;" in xml

    def test_line_breaks_tabs_and_carriage_returns_survive(self) -> None:
        doc = Document(lang="rus", body=[Node("article", num="1", text="a\n\n\tb\r\nc  ", heading="  x\ny")])
        assign_eids(doc)
        round_trip(doc, factories.meta())

    def test_ilo_conventions_and_bilateral_agreements_round_trip(self) -> None:
        for uri in factories.URIS[1:]:
            doc = factories.every_kind()
            doc.lang = uri.rsplit("/", 1)[1][:3]
            round_trip(doc, factories.meta(uri))


@pytest.mark.usefixtures("akn_schema")
class TestMapping:
    def test_provisions_carry_their_eid_num_and_heading(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        [article] = xpath(xml, "//a:article[@eId='art_1']")
        assert article.findtext("a:num", namespaces=NS) == "1."
        assert article.findtext("a:heading", namespaces=NS) == "Основные понятия"

    def test_a_node_with_children_has_intro_and_wrap_up_and_a_leaf_has_content(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        [article] = xpath(xml, "//a:article[@eId='art_1']")
        assert [etree.QName(c).localname for c in article] == [
            "num",
            "heading",
            "intro",
            "point",
            "point",
            "wrapUp",
        ]
        assert xpath(xml, "//a:point[@eId='art_1__point_2']/a:content/a:p/text()") == ["работодатель – лицо."]

    def test_an_empty_heading_writes_no_heading_element(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        assert xpath(xml, "//a:article[@eId='art_2']/a:heading") == []

    def test_an_empty_leaf_still_has_the_content_the_schema_requires(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        assert len(xpath(xml, "//a:paragraph[@eId='art_2__para_2']/a:content/a:p")) == 1

    def test_a_subpoint_is_a_point_inside_a_point(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        assert xpath(xml, "//a:point/a:point/@eId") == ["art_1__point_1__point_а"]
        _, doc = from_akn(xml)
        assert doc.find("art_1__point_1__point_а").kind == "subpoint"

    def test_trailing_annexes_become_attachments_and_nest(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        assert xpath(xml, "/a:akomaNtoso/a:act/a:attachments/a:attachment/@eId") == ["annex_1", "annex_2"]
        nested = "//a:attachment[@eId='annex_1']/a:doc/a:attachments/a:attachment/@eId"
        assert xpath(xml, nested) == ["annex_1__annex_1-1"]
        assert xpath(xml, "//a:attachment[@eId='annex_1']/a:doc/@name") == ["annex"]

    def test_an_annex_in_the_middle_of_the_body_stays_in_place_as_an_hcontainer(self) -> None:
        doc = Document(
            lang="rus",
            body=[
                Node("article", num="1", text="a"),
                Node("annex", num="1", text="b"),
                Node("article", num="2"),
            ],
        )
        assign_eids(doc)
        xml = round_trip(doc, factories.meta())
        assert xpath(xml, "//a:body/*/@eId") == ["art_1", "annex_1", "art_2"]
        assert xpath(xml, "//a:hcontainer/@name") == ["annex"]

    def test_a_plain_preamble_is_a_preamble_and_one_with_parts_an_hcontainer(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        assert xpath(xml, "/a:akomaNtoso/a:act/a:preamble/a:p/text()") == ["Текст преамбулы."]
        doc = Document(
            lang="rus", body=[Node("preamble", heading="Преамбула", children=[Node("paragraph", text="x")])]
        )
        doc.body.append(Node("article", num="1"))
        assign_eids(doc)
        xml = round_trip(doc, factories.meta())
        assert xpath(xml, "//a:body/a:hcontainer[@name='preamble']/@eId") == ["preamble"]

    def test_a_document_of_annexes_only_keeps_them_in_the_body(self) -> None:
        doc = Document(lang="rus", body=[Node("annex", num="1", text="x")])
        assign_eids(doc)
        xml = round_trip(doc, factories.meta())
        assert xpath(xml, "//a:body/a:hcontainer/@name") == ["annex"]

    def test_editorial_notes_live_in_meta_pointing_at_their_provision_never_in_the_text(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta())
        notes = xpath(xml, "//a:meta/a:notes/a:note")
        assert [(n.get("placementBase"), n.get("class")) for n in notes] == [
            (None, "editorial"),
            ("art_1", "editorial"),
        ]
        body_text = "".join(xpath(xml, "//a:body//text()"))
        assert "Сноска" not in body_text and "Примечание ИЗПИ" not in body_text

    def test_the_title_goes_in_the_preface_and_the_frbr_alias(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta(title="ТК РК"))
        assert xpath(xml, "//a:preface/a:longTitle/a:p/a:docTitle/text()") == [
            "Трудовой кодекс Республики Казахстан"
        ]
        assert xpath(xml, "//a:FRBRExpression/a:FRBRalias[@name='title']/@value") == ["ТК РК"]

    def test_provenance_is_in_frbr_references_and_our_proprietary_block(self) -> None:
        xml = to_akn(factories.every_kind(), factories.full_meta())
        meta = "/a:akomaNtoso/a:act/a:meta"
        assert xpath(xml, f"{meta}//a:FRBRWork/a:FRBRauthor/@href") == ["#author"]
        assert xpath(xml, f"{meta}//a:FRBRExpression/a:FRBRauthor/@href") == ["#publisher"]
        assert xpath(xml, f"{meta}/a:references/a:TLCOrganization/@eId") == ["kenes", "author", "publisher"]
        assert xpath(xml, f"{meta}//a:FRBRManifestation/a:FRBRdate/@name") == ["retrieval"]
        assert xpath(xml, "//a:proprietary/*/@url") == ["https://adilet.zan.kz/rus/docs/K1500000414"]

    def test_the_same_expression_always_exports_the_same_bytes(self) -> None:
        assert to_akn(factories.every_kind(), factories.full_meta()) == to_akn(
            factories.every_kind(), factories.full_meta()
        )


@pytest.mark.usefixtures("akn_schema")
def test_control_characters_are_dropped_and_the_export_still_validates() -> None:
    doc = Document(
        title="T\x00itle",
        lang="rus",
        body=[Node("article", num="1\x0b", heading="H\x1f", text="te\x01xt\x08 & more\uffff")],
        notes=[Note("no\x02te")],
    )
    assign_eids(doc)
    xml = to_akn(doc, factories.meta(title="x\x0cy", source_name="s\x1bn"))
    assert validate(xml) == []
    meta, back = from_akn(xml)
    assert (back.title, back.body[0].num, back.body[0].heading, back.body[0].text) == (
        "Title",
        "1",
        "H",
        "text & more",
    )
    assert (back.notes[0].text, meta.title, meta.source_name) == ("note", "xy", "sn")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.body.clear(), "has no provisions"),
        (lambda d: setattr(d.body[1], "eid", ""), "has no eId: call assign_eids first"),
        (lambda d: setattr(d.body[2], "eid", d.body[1].eid), "is used twice"),
        (lambda d: setattr(d.body[1], "eid", "part 1"), "contains whitespace"),
        (lambda d: setattr(d.body[1], "kind", "clause"), "unknown provision kind 'clause'"),
        (lambda d: setattr(d, "lang", "kaz"), "the document is in 'kaz' but the metadata says 'rus'"),
    ],
    ids=["empty", "no-eid", "duplicate-eid", "space-in-eid", "unknown-kind", "other-language"],
)
def test_a_tree_akn_cannot_carry_faithfully_is_refused_before_writing(change, message: str) -> None:
    doc = factories.every_kind()
    change(doc)
    with pytest.raises(ValueError, match=message):
        to_akn(doc, factories.meta())


def test_only_act_and_doc_documents_are_written() -> None:
    meta = dataclasses.replace(factories.meta(), doctype="bill")
    with pytest.raises(ValueError, match="not 'bill'"):
        to_akn(factories.every_kind(), meta)


def test_exporting_does_not_change_the_tree() -> None:
    doc = factories.every_kind()
    before = copy.deepcopy(doc)
    to_akn(doc, factories.full_meta())
    assert doc == before


class TestHostileInput:
    def test_xml_that_is_not_well_formed_is_refused_with_line_and_column(self) -> None:
        with pytest.raises(AknError, match=r"upload\.xml is not well-formed XML: line 2, column \d+"):
            from_akn(b"<akomaNtoso>\n<act></akomaNtoso>", name="upload.xml")

    def test_an_external_entity_is_refused_not_resolved(self) -> None:
        xxe = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><akomaNtoso>&x;</akomaNtoso>'
        with pytest.raises(AknError, match="declares a DTD") as err:
            from_akn(xxe, validate=False)
        assert "root:" not in str(err.value)

    def test_an_entity_bomb_is_refused(self) -> None:
        bomb = (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            b"<akomaNtoso>&c;</akomaNtoso>"
        )
        with pytest.raises(AknError, match="declares a DTD"):
            from_akn(bomb, validate=False)

    def test_text_instead_of_bytes_is_a_type_error(self) -> None:
        with pytest.raises(TypeError, match="bytes"):
            from_akn("<akomaNtoso/>")  # type: ignore[arg-type]

    def test_another_vocabulary_is_not_taken_for_akn(self) -> None:
        with pytest.raises(AknError, match="root is html, not akomaNtoso"):
            from_akn(b"<html><body/></html>", validate=False)

    @pytest.mark.usefixtures("akn_schema")
    def test_an_invalid_document_lists_every_violation_with_its_line(self) -> None:
        xml = to_akn(factories.every_kind(), factories.meta()).replace(b"<num>1.</num>", b"<nmu>1.</nmu>")
        with pytest.raises(AknError) as err:
            from_akn(xml, name="tk.xml")
        message = str(err.value)
        assert message.startswith("tk.xml is not valid AKN 3.0 (")
        assert len(err.value.errors) >= 2
        assert all(e.startswith("line ") and e in message for e in err.value.errors)
        assert "Element 'nmu': This element is not expected" in message


def test_a_publication_needs_both_a_name_and_a_date() -> None:
    with pytest.raises(ValueError, match="a publication needs both a name and a date"):
        factories.meta(publication_name="Ведомости")


def test_a_foreign_publication_without_a_real_date_is_ignored() -> None:
    xml = (
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification>'
        b'<FRBRWork><FRBRdate date="2020-01-01"/></FRBRWork></identification>'
        b'<publication date="soon" name="Gazette"/></meta></act></akomaNtoso>'
    )
    meta, _ = from_akn(xml, validate=False)
    assert (meta.publication_name, meta.publication_date) == ("", None)
