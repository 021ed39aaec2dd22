"""Readers: any supported file -> plain text with one block per paragraph, the input of the structure stages.

Every reader hands back the same shape, so :func:`kenes.lex.ingest.structure.parse_text` never cares where
a text came from: blocks (paragraphs, list items, table rows) separated by a blank line, and headings that the
source marked as headings written Markdown-style (``### Article 1``), which keeps "this was a heading" even
when the words alone do not say so (``#### Definition``). Plain text is passed through as it is: its own
blank lines and line breaks are evidence the structure stage uses (the adilet portal breaks lines inside a
paragraph wherever a link was).

Whatever goes wrong (an empty file, a truncated DOCX, a scanned PDF, binary junk) ends as an
:class:`~kenes.lex.ingest.errors.IngestError` naming the file, never as a library's own exception.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from .docx_reader import read_docx
from .errors import IngestError

FORMATS = ("txt", "md", "html", "docx", "pdf")
_ALIASES = {
    "txt": "txt",
    "text": "txt",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "xhtml": "html",
    "docx": "docx",
    "pdf": "pdf",
}
_REFUSED_SUFFIXES = {
    ".doc": "a legacy Word .doc file is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or .txt",
    ".odt": "OpenDocument text is not supported; save it as .docx",
}


def read_text(path: Path, fmt: str | None = None) -> str:
    """The text of ``path`` as blocks separated by blank lines; ``fmt`` overrides format detection.

    Detection trusts unmistakable magic bytes (``%PDF``, a zip archive, an OLE container) over the suffix,
    then the suffix, and reads anything else as plain text (which refuses binary junk).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError("no such file", path=path) from None
    except IsADirectoryError:
        raise IngestError("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})", path=path) from exc
    if not data.strip():
        raise IngestError("the file is empty", path=path)
    kind = _format(path, data, fmt)
    reader: Callable[[Path, bytes], str] = _READERS[kind]
    try:
        text = reader(path, data)
    except IngestError:
        raise
    except Exception as exc:  # a library's own error on a corrupt file: say which file and what
        raise IngestError(
            f"not a readable {kind.upper()} file ({type(exc).__name__}: {exc})", path=path
        ) from exc
    if not text.strip():
        raise IngestError(f"the {kind.upper()} file contains no text", path=path)
    _refuse_endless_lines(text, path)
    return text


#: No provision of any law is this long; a line past it is a file that lost its line breaks (a 50 MB single
#: line once became one provision rendered as 105 MB of HTML).
MAX_LINE = 500_000


def _refuse_endless_lines(text: str, path: Path) -> None:
    start, line = 0, 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE:
            raise IngestError(
                f"line {line} is {stop - start:,} characters long (more than {MAX_LINE:,}): the file has "
                "lost its line breaks, or is not a legal text",
                path=path,
            )
        if end < 0:
            return
        start, line = end + 1, line + 1


def _format(path: Path, data: bytes, fmt: str | None) -> str:
    if fmt:
        kind = _ALIASES.get(fmt.lower().lstrip("."))
        if kind is None:
            raise IngestError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}", path=path)
        return kind
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(
            "a legacy Office file (OLE, e.g. .doc) is not supported; save it as .docx", path=path
        )
    if suffix in _REFUSED_SUFFIXES:
        raise IngestError(_REFUSED_SUFFIXES[suffix], path=path)
    kind = _ALIASES.get(suffix.lstrip("."))
    if kind is not None:
        return kind
    head = data[:512].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


# --- plain text --------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: Path | None = None) -> str:
    """Bytes -> str: a BOM wins, then strict UTF-8, then Windows-1251 (older Central Asian sites).

    Text with NUL bytes or many control characters is binary junk (or UTF-16 without a BOM) and refused
    rather than imported as mojibake.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8"), path)
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"starts with a UTF-8 mark but is not valid UTF-8 (byte {exc.start})", path=path
            ) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), path)
        except UnicodeDecodeError as exc:
            raise IngestError("starts with a UTF-16 mark but is not valid UTF-16", path=path) from exc
    if b"\x00" in data:
        raise IngestError("binary data, not text (NUL bytes; UTF-16 without a byte-order mark?)", path=path)
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    _refuse_broken_utf8(data, path)
    try:
        return _checked(data.decode("cp1251"), path)
    except UnicodeDecodeError as exc:
        raise IngestError("neither UTF-8 nor Windows-1251 text; convert it to UTF-8", path=path) from exc


#: A UTF-8 multi-byte sequence (lead byte and continuation bytes), as found in Cyrillic UTF-8 text.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _refuse_broken_utf8(data: bytes, path: Path | None) -> None:
    """UTF-8 text with a few damaged bytes is not Windows-1251: read as such, every Cyrillic letter of it
    would become two letters of gibberish ("Р°"), silently. Real Windows-1251 text hardly ever forms valid
    UTF-8 sequences, so a file where most non-ASCII bytes do is refused, naming the first bad byte."""
    high = sum(1 for byte in data if byte >= 0x80)
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    if high and in_sequences >= high * 0.5:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise IngestError(
                f"not valid UTF-8: byte {exc.start} (line {line}) is damaged in otherwise UTF-8 text; "
                "repair or re-export the file (it is not Windows-1251 either)",
                path=path,
            ) from exc


def _checked(text: str, path: Path | None) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise IngestError(f"binary data, not text ({controls} control characters)", path=path)
    return _CONTROL.sub(" ", text)


def _read_txt(path: Path, data: bytes) -> str:
    return decode(data, path)


# --- Markdown ----------------------------------------------------------------------------------------

# "###Article 1" is not a heading in CommonMark (it needs a space); the ILO corpus writes them so.
_ATX_NO_SPACE = re.compile(r"^(#{1,6})(?=[^#\s])", re.MULTILINE)
# "… this Convention. \n2. In the case …": CommonMark lets only "1." interrupt a paragraph, so a numbered
# line glued to the previous one would become part of it. A blank line before it makes it a list item.
_GLUED_NUMBER = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]{0,3}\d{1,3}[.)][ \t])")


def _read_md(path: Path, data: bytes) -> str:
    from markdown_it import MarkdownIt

    source = _GLUED_NUMBER.sub("\n\n", _ATX_NO_SPACE.sub(r"\1 ", decode(data, path)))
    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(source)
    blocks: list[str] = []
    prefix = ""  # a list item's number waits for its first paragraph
    row: list[str] | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "list_item_open":
            prefix = f"{tok.info}{tok.markup} " if tok.info else f"{tok.markup} "
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            cells = [
                "" if set(cell.strip()) <= {"-", ":"} else cell.strip() for cell in row
            ]  # "| --- |" filler
            if any(cells):
                blocks.append(" | ".join(cells))
            row = None
        elif tok.type == "inline":
            lines = _inline_text(tok.children or []).split("\n")
            if row is not None:
                row.append(" ".join(lines))
                continue
            opener = tokens[i - 1] if i else None
            marks = (
                "#" * int(opener.tag[1]) + " " if opener is not None and opener.type == "heading_open" else ""
            )
            for n, line in enumerate(lines):
                if line.strip():
                    blocks.append(marks + (prefix if n == 0 else "") + line.strip())
            prefix = ""
        elif tok.type in ("fence", "code_block"):
            blocks.extend(line for line in tok.content.splitlines() if line.strip())
        # html_block (the corpus's <meta> line), hr and the open/close tokens carry no text
    return "\n\n".join(blocks) + "\n"


def _inline_text(children: list) -> str:
    """Inline tokens -> text: emphasis and links keep only their words; a hard break starts a new line."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


# --- HTML --------------------------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"}
_BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "ul",
}


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


#: libxml2's HTML parser keeps 255 levels of nesting and drops deeper content without an error.
_HTML_MAX_DEPTH = 254


def _read_html(path: Path, data: bytes) -> str:
    import lxml.etree
    import lxml.html

    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            source = data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            source = decode(data, path)
    else:
        source = decode(data, path)  # no charset: lxml would guess Latin-1; ours knows UTF-8 and Windows-1251
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", source, count=1))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"not readable as HTML ({exc})", path=path) from exc
    if root.xpath(f"boolean(//*[count(ancestor::*) >= {_HTML_MAX_DEPTH}])"):
        raise IngestError(  # libxml2 silently drops everything nested deeper: refuse rather than lose text
            f"elements nested {_HTML_MAX_DEPTH} or more levels deep; the HTML parser would drop what lies "
            "deeper: flatten the file (or save it as .txt)",
            path=path,
        )
    blocks: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = " ".join("".join(line).split())
        if text:
            blocks.append(text)
        line.clear()

    def walk(el: lxml.html.HtmlElement, number: str = "") -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS or not tag:  # comments and processing instructions: only their tail counts
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            flush()
            text = " ".join(el.text_content().split())
            if text:
                blocks.append("#" * int(tag[1]) + " " + text)
            return
        if tag == "tr":
            flush()
            cells = [" ".join(c.text_content().split()) for c in el if isinstance(c.tag, str)]
            if any(cells):
                blocks.append(" | ".join(cells))
            return
        if tag == "br":
            flush()
            return
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        if number:
            line.append(number + " ")
        if el.text:
            line.append(el.text)
        counter = int(el.get("start", "1") or 1) if tag == "ol" and el.get("start", "1").isdigit() else 1
        for child in el:
            child_number = ""
            if tag == "ol" and isinstance(child.tag, str) and child.tag.lower() == "li":
                child_number = _ol_label(counter, el.get("type", "1"))
                counter += 1
            walk(child, child_number)
            if child.tail:
                line.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return "\n\n".join(blocks) + "\n"


def _ol_label(n: int, style: str) -> str:
    if style in ("a", "A"):
        letter = chr(ord("a") + (n - 1) % 26)
        return f"{letter if style == 'a' else letter.upper()})"
    if style in ("i", "I"):
        roman = _roman(n)
        return f"{roman.lower() if style == 'i' else roman})"
    return f"{n}."


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
_ROMAN += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


# --- PDF ---------------------------------------------------------------------------------------------


def _read_pdf(path: Path, data: bytes) -> str:
    if not data.startswith(b"%PDF-"):
        raise IngestError("not a PDF file (no %PDF header)", path=path)
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # warnings about sloppy PDFs are not the user's business
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("the PDF is encrypted with a password; decrypt it first", path=path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise IngestError(f"a corrupt or truncated PDF file ({exc})", path=path) from exc
    if not any(page.strip() for page in pages):
        raise IngestError("the PDF has no text layer (scanned image?); run OCR first", path=path)
    # a PDF's text layer may carry NUL and other control characters (PostgreSQL cannot store NUL)
    return "\n\n".join(_pdf_blocks(_CONTROL.sub(" ", "\n".join(pages)))) + "\n"


_SENTENCE_END = re.compile(r"[.;:!?»\")]$")


def _pdf_blocks(text: str) -> Iterator[str]:
    """PDF lines are wrapped lines, not paragraphs: glue a line to the previous one when the previous does
    not end a sentence and this one starts in lowercase (mid-sentence); otherwise it is a block of its own."""
    current = ""
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if current and not _SENTENCE_END.search(current) and line[0].islower():
            current = current[:-1] + line if current.endswith("-") else f"{current} {line}"
            continue
        if current:
            yield current
        current = line
    if current:
        yield current


_READERS: dict[str, Callable[[Path, bytes], str]] = {
    "txt": _read_txt,
    "md": _read_md,
    "html": _read_html,
    "docx": read_docx,
    "pdf": _read_pdf,
}
