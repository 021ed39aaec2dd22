"""Readers: every supported format gives blocks of text; every unreadable file gives an IngestError that
names the file and the problem. Files are built in tmp_path (python-docx, hand-written PDF bytes)."""

from __future__ import annotations

import codecs
import os
import zipfile
from pathlib import Path

import pytest

from kenes.lex.ingest.errors import IngestError
from kenes.lex.ingest.readers import read_text
from kenes.lex.ingest.structure import parse_text


def pdf_bytes(content: bytes) -> bytes:
    """A minimal valid one-page PDF whose page draws ``content`` (a content stream) in Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


TEXT_PAGE = (
    b"BT /F1 12 Tf 72 720 Td (Article 1) Tj 0 -20 Td (1. Each Member shall apply the) Tj"
    b" 0 -20 Td (provisions to all workers.) Tj 0 -20 Td (2. It shall report on it.) Tj ET"
)


# --- plain text -----------------------------------------------------------------------------------------


def test_utf8_text_is_read_as_is(tmp_path: Path):
    path = tmp_path / "law.txt"
    path.write_text("Статья 1. Цель\n\n      Текст.\n", encoding="utf-8")
    assert read_text(path) == "Статья 1. Цель\n\n      Текст.\n"


def test_a_utf8_byte_order_mark_is_dropped(tmp_path: Path):
    path = tmp_path / "law.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Статья 1. Цель".encode())
    assert read_text(path) == "Статья 1. Цель"


def test_windows_1251_text_is_recognised(tmp_path: Path):
    path = tmp_path / "old.txt"
    path.write_bytes("Статья 1. Заработная плата выплачивается ежемесячно.".encode("cp1251"))
    assert read_text(path) == "Статья 1. Заработная плата выплачивается ежемесячно."


def test_utf16_with_a_byte_order_mark_is_recognised(tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Статья 1. Цель".encode("utf-16"))
    assert read_text(path) == "Статья 1. Цель"


def test_binary_junk_is_refused_as_not_text(tmp_path: Path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(1, 32)) * 40 + os.urandom(2000).replace(b"\x00", b"\x01"))
    with pytest.raises(IngestError, match=r"junk\.txt: .*(binary data|neither UTF-8)"):
        read_text(path)


def test_nul_bytes_mean_binary_data(tmp_path: Path):
    path = tmp_path / "junk.bin"
    path.write_bytes(b"abc\x00def" * 100)
    with pytest.raises(IngestError, match=r"junk\.bin: binary data, not text"):
        read_text(path)


def test_an_empty_file_is_refused(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match=r"^empty\.txt: the file is empty$"):
        read_text(path)


def test_a_missing_file_is_an_ingest_error(tmp_path: Path):
    with pytest.raises(IngestError, match=r"absent\.txt: no such file"):
        read_text(tmp_path / "absent.txt")


def test_an_unknown_format_name_is_refused(tmp_path: Path):
    path = tmp_path / "law.txt"
    path.write_text("Статья 1.", encoding="utf-8")
    with pytest.raises(IngestError, match="unknown format 'rtf'"):
        read_text(path, "rtf")


def test_a_legacy_doc_file_is_refused_with_what_to_do(tmp_path: Path):
    path = tmp_path / "law.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(IngestError, match=r"law\.doc: .*save it as \.docx"):
        read_text(path)


# --- Markdown -------------------------------------------------------------------------------------------


def test_markdown_headings_without_a_space_are_headings_and_numbered_lines_are_blocks(tmp_path: Path):
    path = tmp_path / "c999.md"
    path.write_text(
        "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
        "###Article 1 \n\n"
        "1. Each Member shall apply this [Convention](../c.md).\n"
        "2. It shall report *annually*— \n\n"
        "(a)on laws;\n\n"
        "(b)on practice. \n"
        "3. Reports are public.\n",
        encoding="utf-8",
    )
    text = read_text(path)
    assert text.split("\n\n") == [
        "### Article 1",
        "1. Each Member shall apply this Convention.",
        "2. It shall report annually—",
        "(a)on laws;",
        "(b)on practice.",
        "3. Reports are public.\n",
    ]
    doc = parse_text(text, "eng")
    assert [n.eid for n in doc.walk()] == [
        "art_1",
        "art_1__para_1",
        "art_1__para_2",
        "art_1__para_2__point_a",
        "art_1__para_2__point_b",
        "art_1__para_3",
    ]


def test_a_markdown_table_becomes_one_line_per_row(tmp_path: Path):
    path = tmp_path / "t.md"
    path.write_text("|Part |Benefit |\n|---|---|\n|III |Sickness |\n", encoding="utf-8")
    assert read_text(path).split("\n\n") == ["Part | Benefit", "III | Sickness\n"]


# --- HTML -----------------------------------------------------------------------------------------------


def test_html_block_elements_become_blocks_and_scripts_are_dropped(tmp_path: Path):
    path = tmp_path / "law.html"
    path.write_text(
        "<html><head><title>Закон</title><style>p{color:red}</style></head><body>"
        "<script>var x = 1;</script><h2>Статья 1. Цель</h2>"
        "<p>Настоящий закон <a href='#'>регулирует</a> отношения.<br>Вторая строка.</p>"
        "<ol><li>первый;</li><li>второй.</li></ol>"
        "<table><tr><td>Часть</td><td>Размер</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert read_text(path).split("\n\n") == [
        "## Статья 1. Цель",
        "Настоящий закон регулирует отношения.",
        "Вторая строка.",
        "1. первый;",
        "2. второй.",
        "Часть | Размер\n",
    ]


def test_html_is_recognised_without_its_suffix(tmp_path: Path):
    path = tmp_path / "download"
    path.write_text("<!DOCTYPE html><html><body><p>Статья 1. Цель</p></body></html>", encoding="utf-8")
    assert read_text(path) == "Статья 1. Цель\n"


# --- DOCX -----------------------------------------------------------------------------------------------


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ", level=1)
    document.add_paragraph("Статья 1. Цель закона")
    document.add_paragraph("1. Закон защищает права работников.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Категория"
    table.rows[0].cells[1].text = "Размер"
    document.add_paragraph("2. Закон действует на всей территории.")
    document.save(str(path))
    return path


def test_docx_paragraphs_headings_and_tables_come_in_document_order(tmp_path: Path):
    text = read_text(_docx(tmp_path / "law.docx"))
    assert text.split("\n\n") == [
        "# Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ",
        "Статья 1. Цель закона",
        "1. Закон защищает права работников.",
        "Категория | Размер",
        "2. Закон действует на всей территории.\n",
    ]
    doc = parse_text(text, "rus")
    assert [n.eid for n in doc.walk()] == ["chp_1", "art_1", "art_1__para_1", "art_1__para_2"]


def test_a_truncated_docx_is_refused_as_corrupt(tmp_path: Path):
    whole = _docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(IngestError, match=r"cut\.docx: a corrupt or truncated DOCX"):
        read_text(path)


def test_a_docx_that_is_not_a_zip_archive_is_refused(tmp_path: Path):
    path = tmp_path / "x.docx"
    path.write_text("Статья 1. Не документ Word", encoding="utf-8")
    with pytest.raises(IngestError, match=r"^x\.docx: not a DOCX file \(not a zip archive\)$"):
        read_text(path)


def test_a_zip_archive_without_a_word_document_is_refused(tmp_path: Path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(IngestError, match=r"archive\.docx: a zip archive but not a DOCX file"):
        read_text(path)


# --- PDF ------------------------------------------------------------------------------------------------


def test_pdf_text_layer_is_read_and_wrapped_lines_are_joined(tmp_path: Path):
    path = tmp_path / "c999.pdf"
    path.write_bytes(pdf_bytes(TEXT_PAGE))
    text = read_text(path)
    assert text.split("\n\n") == [
        "Article 1",
        "1. Each Member shall apply the provisions to all workers.",
        "2. It shall report on it.\n",
    ]
    assert [n.eid for n in parse_text(text, "eng").walk()] == ["art_1", "art_1__para_1", "art_1__para_2"]


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path):
    path = tmp_path / "labour.pdf"
    path.write_bytes(pdf_bytes(b"0 0 m 100 100 l S"))
    with pytest.raises(
        IngestError, match=r"^labour\.pdf: the PDF has no text layer \(scanned image\?\); run OCR first$"
    ):
        read_text(path)


def test_a_file_called_pdf_that_is_not_one_is_refused(tmp_path: Path):
    path = tmp_path / "fake.pdf"
    path.write_text("Article 1", encoding="utf-8")
    with pytest.raises(IngestError, match=r"fake\.pdf: not a PDF file"):
        read_text(path)


def test_a_truncated_pdf_is_an_ingest_error(tmp_path: Path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(pdf_bytes(TEXT_PAGE)[:120])
    with pytest.raises(IngestError, match=r"^cut\.pdf: "):
        read_text(path)


def test_pdf_magic_bytes_win_over_a_wrong_suffix(tmp_path: Path):
    path = tmp_path / "c999.txt"
    path.write_bytes(pdf_bytes(TEXT_PAGE))
    assert read_text(path).startswith("Article 1")
