"""The region's real texts export as AKN 3.0 that the OASIS schema accepts, repealed articles included."""

from __future__ import annotations

import datetime as dt

import pytest

from kenes.lex.akn import schema
from kenes.lex.akn.export import to_akn
from kenes.lex.akn.meta import ExpressionMeta
from kenes.lex.akn.parse import from_akn
from kenes.lex.ingest.readers import read_text
from kenes.lex.ingest.structure import parse_text
from tests.conftest import corpus_file

pytestmark = pytest.mark.corpus

TEXTS = [
    (("ru", "labour_code_2001_ru.md"), "rus", "/akn/ru/act/code/2001-12-30/197-fz/rus@2025-12-29"),
    (("tj", "labour_code_2016_ru.md"), "rus", "/akn/tj/act/code/2016-07-23/1329/rus@2026-06-17"),
    (("kz", "personal_data_law_2013_ru.txt"), "rus", "/akn/kz/act/law/2013-05-21/94-v/rus@2025-12-30"),
    (("kz", "personal_data_law_2013_kk.txt"), "kaz", "/akn/kz/act/law/2013-05-21/94-v/kaz@2025-12-30"),
    (("kz", "labour_code_2015_ru_2025-06.txt"), "rus", "/akn/kz/act/code/2015-11-23/414-v/rus@2025-04-15"),
]


def _parse(parts: tuple[str, str], lang: str):
    if parts[0] == "ru":  # as the corpus manifest reads it: plain text, one paragraph per line
        return parse_text(read_text(corpus_file(*parts), "txt"), lang, line_paragraphs=True)
    return parse_text(read_text(corpus_file(*parts)), lang)


@pytest.mark.usefixtures("akn_schema")
@pytest.mark.parametrize(("parts", "lang", "uri"), TEXTS, ids=[t[0][1] for t in TEXTS])
def test_a_regional_text_exports_as_valid_akn_and_reads_back(parts, lang, uri):
    doc = _parse(parts, lang)
    meta = ExpressionMeta.for_uri(uri, title=doc.title or parts[1])
    xml = to_akn(doc, meta)
    assert schema.validate(xml) == []
    _, back = from_akn(xml)
    assert [n.eid for n in back.articles()] == [n.eid for n in doc.articles()]
    assert [n.eid for n in back.walk() if n.status] == [n.eid for n in doc.walk() if n.status]


def test_the_russian_codes_repealed_articles_are_marked_removed_in_akn(akn_schema):
    doc = _parse(("ru", "labour_code_2001_ru.md"), "rus")
    xml = to_akn(
        doc, ExpressionMeta.for_uri(TEXTS[0][2], title="ТК РФ", expression_date=dt.date(2025, 12, 29))
    )
    assert xml.count(b'status="removed"') == 6
