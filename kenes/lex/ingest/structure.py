"""From plain text to a :class:`~kenes.lex.tree.Document`: a chain of small stages, each in its own module.

======================  =====================================  ===========================================
stage                   reads                                  writes
======================  =====================================  ===========================================
1 :mod:`.blocks`        text                                   blocks (paragraphs; broken lines re-joined)
2 :mod:`.language`      blocks                                 blocks of the requested language only
3 :mod:`.editorial`     blocks                                 blocks marked note / signature; no TOC
4 :mod:`.headings`      blocks                                 items: heading, numbered, free, text, note
5 :mod:`.treebuild`     items                                  Document (containers, articles, points)
6 :func:`assign_eids`   Document                               Document with AKN eIds
======================  =====================================  ===========================================

Everything that depends on the language (heading words, numbering, the publisher's note markers) comes from
the locale registry (:mod:`.locales`); the stages themselves never ask which language they are reading.
Each stage is linear in the size of the text, so a 3.5 MB code parses in about a second.
"""

from __future__ import annotations

from ..tree import Document, assign_eids
from .blocks import split_blocks
from .editorial import separate_notes
from .errors import IngestError
from .headings import find_headings
from .language import keep_own_language
from .locales import get_locale
from .treebuild import build_tree


def parse_text(text: str, lang: str, *, title: str | None = None, line_paragraphs: bool = False) -> Document:
    """Find the structure of a legal text in language ``lang``; IngestError when there is none to find.

    ``title`` wins over the title found in the text (the adilet copies carry none; ILO conventions name
    themselves in their preamble: "may be cited as the Migration for Employment Convention (Revised), 1949").
    ``line_paragraphs``: every line is a paragraph (see :func:`~.blocks.split_blocks`).
    """
    locale = get_locale(lang)
    if not isinstance(text, str):
        raise IngestError(f"expected text, got {type(text).__name__}")
    blocks = split_blocks(text, locale, line_paragraphs=line_paragraphs)
    if not blocks:
        raise IngestError("the text is empty")
    blocks = keep_own_language(blocks, locale)
    blocks, left_out = separate_notes(blocks, locale)
    items = find_headings(blocks, locale)
    doc = build_tree(items, locale, title)
    doc.notes.extend(left_out)
    doc.warnings.extend(
        f"line {item.line}: «{_shorten(item.text)}» looks like a heading but was not understood; "
        "it was kept as text of the provision before it"
        for item in items
        if item.suspect
    )
    if not doc.body:
        raise IngestError("no text of law found: only the publisher's notes")
    assign_eids(doc)
    return doc


def _shorten(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
