"""Stage 3 — separate what the publisher added from the law: notes, tables of contents, signatures.

Reads: blocks of the requested language. Writes: the same blocks with ``role`` set to ``note`` or
``signature`` where they are not law, without portal labels and table-of-contents listings; plus notes for
the document about anything left out on purpose (a Recommendation printed after a Convention).

A note starts with one of the locale's markers ("Сноска.", "Примечание ИЗПИ!", "Ескерту."). A marker on its
own ("Примечание ИЗПИ!") introduces the next paragraph, whatever that paragraph looks like ("16) тармақшаға
өзгеріс енгізу көзделген …" is the note's text, not point 16). A note that ends with ":" or ";" goes on over
the lowercase paragraphs that follow ("Сноска:" / "по всему тексту Кодекса:" / "слова … заменены …;").
A table of contents runs from its marker to the second time its first heading appears; when the heading never
repeats the portal printed only the label, and only the label goes.
"""

from __future__ import annotations

from ..tree import Note
from .blocks import Block
from .locales import Locale
from .locales.base import HeadingRule

_TAIL = 6  # a signature is among the last few paragraphs


def separate_notes(blocks: list[Block], locale: Locale) -> tuple[list[Block], list[Note]]:
    """(blocks with roles set, notes about what was deliberately not imported)."""
    blocks = [b for b in blocks if not (b.role == "text" and _matches(locale.drop_lines, b.text))]
    blocks, left_out = _cut_companion(blocks, locale)
    blocks = _drop_tables_of_contents(blocks, locale)
    _demote_listings(blocks, locale)
    _mark_signature(blocks, locale)
    return _mark_notes(blocks, locale), left_out


def _matches(patterns, text: str) -> bool:
    return any(p.match(text) for p in patterns)


def _note_start(block: Block, locale: Locale) -> str | None:
    """The text after the note's marker ('' for a bare marker), or None when the block is not a note."""
    if block.role != "text" or block.level:
        return None
    for pattern in locale.notes:
        m = pattern.match(block.text)
        if m:
            return block.text[m.end() :].strip(" .:!")
    return None


def _is_plain(block: Block, locale: Locale) -> bool:
    return block.role == "text" and not block.level and locale.heading(block.text) is None


def _mark_notes(blocks: list[Block], locale: Locale) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        rest = _note_start(block, locale)
        i += 1
        if rest is None:
            out.append(block)
            continue
        parts = [block.text]
        if (not rest or block.text.endswith(":")) and i < len(blocks):
            following = blocks[i]
            if _is_plain(following, locale) and _note_start(following, locale) is None:
                parts.append(following.text)
                i += 1
        while (
            parts[-1].endswith((":", ";"))
            and i < len(blocks)
            and blocks[i].text[:1].islower()
            and _is_plain(blocks[i], locale)
            and _note_start(blocks[i], locale) is None
        ):
            parts.append(blocks[i].text)
            i += 1
        out.append(Block("\n".join(parts), block.line, role="note"))
    return out


def _cut_companion(blocks: list[Block], locale: Locale) -> tuple[list[Block], list[Note]]:
    for i, block in enumerate(blocks):
        if (
            block.role == "text"
            and (block.level or len(block.text) < 150)
            and _matches(locale.companions, block.text)
        ):
            title = block.text
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and nxt.level and _matches(locale.companions, nxt.text):
                title = f"{title}: {nxt.text}"  # "Recommendation 146" then "Recommendation concerning …"
            note = Note(
                f"Not imported: {title} (a separate instrument printed after this one in the source)."
            )
            return blocks[:i], [note]
    return blocks, []


def _drop_tables_of_contents(blocks: list[Block], locale: Locale) -> list[Block]:
    if not locale.toc_markers:
        return blocks
    i = 0
    while i < len(blocks):
        if blocks[i].role == "text" and _matches(locale.toc_markers, blocks[i].text):
            end = _toc_end(blocks, i, locale)
            blocks = blocks[:i] + blocks[end:]
        else:
            i += 1
    return blocks


def _toc_end(blocks: list[Block], marker: int, locale: Locale) -> int:
    """Index of the first block after the table of contents that starts at ``marker``."""
    first: tuple[str, str] | None = None
    for j in range(marker + 1, len(blocks)):
        found = locale.heading(blocks[j].text) if blocks[j].role == "text" else None
        if found is None:
            continue
        key = _heading_key(*found)
        if first is None:
            first = key
        elif key == first:
            return j
    return marker + 1


def _demote_listings(blocks: list[Block], locale: Locale) -> None:
    """Three or more headings in a row, with no text between them, that the document later repeats in the
    same order are a listing of its contents (the MLC's "Title 1: …" … "Title 5: …"), not its structure:
    they stay as text where they stand."""
    keys: list[tuple[str, str] | None] = []
    for block in blocks:
        found = locale.heading(block.text) if block.role == "text" else None
        keys.append(_heading_key(*found) if found is not None else None)
    later: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            later.setdefault(key, []).append(i)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and keys[j] is not None:
            j += 1
        if j - i >= 3 and _repeated_after(keys[i:j], j, later):
            for block in blocks[i:j]:
                block.role = "listing"
        i = j + 1


def _repeated_after(run: list, end: int, later: dict) -> bool:
    position = end
    for key in run[:2]:
        nxt = next((k for k in later.get(key, []) if k >= position), None)
        if nxt is None:
            return False
        position = nxt + 1
    return True


def _heading_key(rule: HeadingRule, num: str, heading: str) -> tuple[str, str]:
    return (rule.kind, num) if num else (rule.kind, heading.lower())


def _mark_signature(blocks: list[Block], locale: Locale) -> None:
    if not locale.signatures:
        return
    for i in range(max(0, len(blocks) - _TAIL), len(blocks)):
        if blocks[i].role == "text" and not blocks[i].level and _matches(locale.signatures, blocks[i].text):
            for block in blocks[i:]:
                block.role = "signature"
            return
