"""Degenerate input is refused with a clear reason instead of being imported as something else."""

from __future__ import annotations

import pytest

from kenes.lex.ingest.errors import IngestError
from kenes.lex.ingest.readers import MAX_LINE, read_text

LAW = "Статья 1. Сфера действия\n\nНастоящий Закон применяется к трудовым мигрантам.\n"


def test_utf8_with_a_damaged_byte_is_refused_not_read_as_windows_1251(tmp_path):
    data = LAW.encode("utf-8")
    cut = data.index("Сфера".encode()) + 1  # the second byte of "С"
    path = tmp_path / "law.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut + 1 :])
    with pytest.raises(IngestError, match=r"law\.txt: not valid UTF-8: byte 16 \(line 1\) is damaged"):
        read_text(path)


def test_genuine_windows_1251_text_is_still_read(tmp_path):
    path = tmp_path / "law.txt"
    path.write_bytes(LAW.encode("cp1251"))
    assert read_text(path).startswith("Статья 1. Сфера действия")


def test_html_nested_deeper_than_the_parser_keeps_is_refused(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>" + "<div>" * 300 + "<h1>Статья 1</h1><p>Текст.</p>" + "</div>" * 300 + "</body></html>",
        encoding="utf-8",
    )
    with pytest.raises(IngestError, match=r"deep\.html: elements nested 254 or more levels deep"):
        read_text(path)


def test_html_nested_a_little_is_read(tmp_path):
    path = tmp_path / "ok.html"
    path.write_text("<html><body>" + "<div>" * 200 + "<h1>Статья 1</h1>" + "</div>" * 200, encoding="utf-8")
    assert read_text(path) == "# Статья 1\n"


def test_a_single_endless_line_is_refused(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text("Статья 1. " + "слово " * (MAX_LINE // 5), encoding="utf-8")
    with pytest.raises(
        IngestError, match=r"one-line\.txt: line 1 is [\d,]+ characters long \(more than 500,000\)"
    ):
        read_text(path)
