"""DOCX -> blocks, read as a stream with hard limits, so a zip bomb is refused in seconds and small memory.

A DOCX is a zip archive, and a few megabytes of it can inflate to gigabytes: python-docx (which loads
``word/document.xml`` whole into a tree) once took a 3.2 MB file past 12 GB. Here the archive's declared
sizes are checked before anything is inflated (a total cap and a compression-ratio cap per part); zipfile
then inflates no part past its declared size and checks its CRC, so a header that lies about the size is
refused as corrupt; and the document body is parsed incrementally (``iterparse``), one top-level paragraph
or table at a time, each dropped once read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import IngestError

#: Uncompressed bytes a DOCX may hold in all (the Kazakh Labour Code's document.xml is about 10 MB).
MAX_UNCOMPRESSED = 200 * 1024 * 1024
#: Deflate ratio above which a part is a bomb, not a document (Word's XML compresses about 5-20:1) ...
MAX_RATIO = 100
#: ... checked only on parts large enough to matter.
RATIO_FLOOR = 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _too_large(how: str) -> str:
    return (
        f"refused: the DOCX {how} {MAX_UNCOMPRESSED // (1024 * 1024)} MB uncompressed (a zip bomb, or not "
        "a single legal text); split it or save it as .txt"
    )


def _check_declared(archive: zipfile.ZipFile, path: Path) -> None:
    infos = archive.infolist()
    if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED:
        raise IngestError(_too_large("declares more than"), path=path)
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise IngestError(
                f"refused: part {info.filename} inflates {info.file_size // max(1, info.compress_size)}:1 "
                f"(more than {MAX_RATIO}:1: a zip bomb)",
                path=path,
            )


def read_docx(path: Path, data: bytes) -> str:
    """The blocks of a DOCX: paragraphs (headings marked ``#``) and table rows, in document order."""
    if not data.startswith(b"PK\x03\x04"):
        raise IngestError("not a DOCX file (not a zip archive)", path=path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise IngestError("a zip archive but not a DOCX file (no word/document.xml)", path=path)
            _check_declared(archive, path)
            styles = _style_names(archive) if "word/styles.xml" in names else {}
            with archive.open("word/document.xml") as part:
                blocks = list(_body_blocks(part, styles, path))
    except zipfile.BadZipFile as exc:
        raise IngestError(f"a corrupt or truncated DOCX file ({exc})", path=path) from exc
    except (EOFError, OSError) as exc:  # zlib errors and truncated parts
        raise IngestError(f"a corrupt or truncated DOCX file ({exc})", path=path) from exc
    return "\n\n".join(blocks) + "\n"


def _iterparse(stream: IO[bytes], tags: tuple[str, ...]):
    import lxml.etree
    from docx.oxml.parser import element_class_lookup

    events = lxml.etree.iterparse(stream, events=("end",), tag=tags, resolve_entities=False, no_network=True)
    events.set_element_class_lookup(element_class_lookup)  # python-docx's element classes: .text etc.
    return events


def _style_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """styleId -> name of the paragraph styles ("Heading1" -> "heading 1")."""
    names: dict[str, str] = {}
    with archive.open("word/styles.xml") as part:
        for _event, style in _iterparse(part, (f"{_W}style",)):
            name = style.find(f"{_W}name")
            if name is not None:
                names[style.get(f"{_W}styleId", "")] = name.get(f"{_W}val", "")
            style.clear()
    return names


def _body_blocks(stream: IO[bytes], styles: dict[str, str], path: Path) -> Iterator[str]:
    import lxml.etree
    from docx.table import Table

    try:
        for _event, element in _iterparse(stream, (f"{_W}p", f"{_W}tbl")):
            parent = element.getparent()
            if parent is None or parent.tag != f"{_W}body":
                continue  # a paragraph inside a table: read with its table
            if element.tag == f"{_W}p":
                marks = _heading_marks(element, styles)
                for line in element.text.split("\n"):
                    if line.strip():
                        yield marks + line.strip()
            else:
                yield from _table_rows(Table(element, None))
            element.clear()
            while element.getprevious() is not None:  # drop what was read: memory stays flat
                del parent[0]
    except lxml.etree.XMLSyntaxError as exc:
        raise IngestError(f"a corrupt DOCX file (word/document.xml: {exc})", path=path) from exc


def _heading_marks(paragraph, styles: dict[str, str]) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    name = styles.get(style.get(f"{_W}val", ""), "") if style is not None else ""
    m = re.fullmatch(r"(?:Heading|Заголовок)\s*(\d)", name.strip(), re.IGNORECASE)
    if m:
        return "#" * min(6, max(1, int(m.group(1)))) + " "
    return "# " if name.strip().lower() in ("title", "название") else ""


def _table_rows(table) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or text != cells[-1]:  # a merged cell repeats itself in every column it spans
                cells.append(text)
        if any(cells):
            yield " | ".join(cells)
