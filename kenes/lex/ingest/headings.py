"""Stage 4 — say what each block is: a heading, a numbered block, an unnumbered heading, text or a note.

Reads: blocks with roles. Writes: :class:`Item` per block, in order. Nothing is nested yet: which paragraph a
point belongs to, and whether "(i)" is the ninth letter or the first roman numeral, needs the blocks around
it and is the tree builder's call; so a numbered block carries every level its token could be.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Block
from .locales import Locale


@dataclass(slots=True)
class Item:
    """One classified block.

    ``role``: heading (kind, rank, num, heading), numbered (levels, num, text), free (a heading the source
    marked but the locale does not know: "#### Definition"), text, note, signature.
    """

    role: str
    text: str = ""
    kind: str = ""
    rank: int = 0
    num: str = ""
    heading: str = ""
    levels: tuple[tuple[str, str], ...] = ()  # (level, numbering style), in the locale's order
    note_kind: str = "editorial"
    line: int = 0
    suspect: bool = False  # shaped like a heading ("Статья 12а. …") that no rule understood: reported


def find_headings(blocks: list[Block], locale: Locale) -> list[Item]:
    """Classify every block (see the module docstring)."""
    return [_classify(block, locale) for block in blocks]


def _classify(block: Block, locale: Locale) -> Item:
    text = block.text
    if block.role in ("note", "signature"):
        kind = block.note_kind if block.role == "note" else "signature"
        return Item(block.role, text=text, note_kind=kind, line=block.line)
    found = locale.heading(text) if block.role != "listing" else None
    if found is not None:
        rule, num, heading = found
        return Item(
            "heading", text=text, kind=rule.kind, rank=rule.rank, num=num, heading=heading, line=block.line
        )
    if block.level:
        return Item("free", text=text.strip("*_ ").lstrip("–—- ").strip(), line=block.line)
    token = ""
    levels: list[tuple[str, str]] = []
    rest = text
    for enumeration in locale.enumerations:
        m = enumeration.pattern.match(text)
        if m is None:
            continue
        if not levels:
            token, rest = m.group("num"), text[m.end() :]
        elif m.group("num") != token:
            continue  # only the same token can be read two ways
        levels.append((enumeration.level, enumeration.style))
    if levels:
        return Item("numbered", text=rest.strip(), num=token, levels=tuple(levels), line=block.line)
    suspect = block.role == "text" and locale.looks_like_heading(text)
    return Item("text", text=text, line=block.line, suspect=suspect)
