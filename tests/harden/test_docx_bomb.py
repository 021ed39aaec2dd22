"""A DOCX zip bomb is refused from its declared sizes, or while it inflates, never read whole into memory."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kenes.lex.ingest import docx_reader
from kenes.lex.ingest.errors import IngestError
from kenes.lex.ingest.readers import read_text

PARAGRAPH = '<w:p><w:r><w:t xml:space="preserve">Статья 1. Текст. </w:t></w:r></w:p>'.encode() * 1000
HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
TAIL = b"</w:body></w:document>"


def _bomb(path: Path, megabytes: int, *, declare: int | None = None) -> Path:
    """A DOCX whose document.xml inflates to about ``megabytes`` MB; ``declare`` forges its declared size."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(HEAD)
            for _ in range(megabytes * 1024 * 1024 // len(PARAGRAPH)):
                part.write(PARAGRAPH)
            part.write(TAIL)
        if declare is not None:
            archive.getinfo("word/document.xml").file_size = declare  # written to the central directory
    return path


def test_a_part_that_inflates_more_than_the_ratio_allows_is_refused_before_reading(tmp_path):
    path = _bomb(tmp_path / "bomb.docx", 5)
    assert path.stat().st_size < 50_000  # a few kB that would become 5 MB of XML
    with pytest.raises(IngestError, match=r"bomb\.docx: refused: part word/document\.xml inflates \d+:1"):
        read_text(path)


def test_a_docx_declaring_more_than_the_cap_is_refused_before_reading(tmp_path):
    path = _bomb(tmp_path / "huge.docx", 1, declare=docx_reader.MAX_UNCOMPRESSED + 1)
    with pytest.raises(IngestError, match=r"huge\.docx: refused: the DOCX declares more than 200 MB"):
        read_text(path)


def test_a_docx_whose_declared_size_lies_is_refused_as_corrupt(tmp_path):
    path = _bomb(tmp_path / "forged.docx", 4, declare=1024 * 1024)
    with pytest.raises(IngestError, match=r"forged\.docx: a corrupt"):
        read_text(path)
