"""Stage 1 — normalise lines and cut the text into blocks (paragraphs) that later stages classify.

Reads: the text a reader produced. Writes: a list of :class:`Block`, one per paragraph, in order.

A block ends at a blank line. Inside one, a line break is *not* a new paragraph: the adilet portal breaks a
line wherever its HTML had a link, so "за исключением \\nпункта 3\\n статьи 95 настоящего Кодекса;" is one
sentence whose reference must stay whole, and "8)" alone on a line is the tail of "подпунктами 7), 8)", not
a point. Only a line that is a heading, a publisher's note or a table-of-contents marker, a Markdown heading,
or an indented first line starts a new block inside a group; a heading's continuation lines are its title
wrapped onto the next line ("Глава 2. … В ОБЛАСТИ ТРУДОВЫХ" / "ОТНОШЕНИЙ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .locales import Locale

#: Characters with no place in a legal text's words: BOM, zero-width marks, soft hyphen; and exotic spaces.
_CLEAN = str.maketrans(
    {
        "\ufeff": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\xad": None,
        "\xa0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
        "\f": "\n",
        "\v": "\n",
    }
)
_MARKED = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_INDENT = 4  # adilet indents every paragraph's first line by six (often non-breaking) spaces

# Latin letters that look Cyrillic ("Cтатья 69" is typed with a Latin C), and the other way round.
_TO_CYRILLIC = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
_TO_LATIN = str.maketrans("АаВСсЕеНКМОоРрТХху", "AaBCcEeHKMOoPpTXxy")
_HAS_LATIN = re.compile(r"[A-Za-z]")
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FIRST_WORD = re.compile(r"^\S+")
_NO_SPACE_BEFORE = ",.;:)]}»”!?%"
_NO_SPACE_AFTER = "([{«“„/"


@dataclass(slots=True)
class Block:
    """One paragraph of the source and what the stages found it to be.

    ``role``: text (law, until a stage says otherwise), note (the publisher's), signature, or drop.
    """

    text: str
    line: int  # 1-based line of the source where it starts, for messages and debugging
    level: int = 0  # heading level the source marked (Markdown '#', HTML h1-h6, DOCX Heading n); 0 if none
    role: str = "text"
    note_kind: str = "editorial"


def split_blocks(text: str, locale: Locale, *, line_paragraphs: bool = False) -> list[Block]:
    """Text -> blocks; see the module docstring for where a block ends and how its lines are joined.

    ``line_paragraphs``: the source writes one paragraph per line with no blank line between (the consolidated
    Russian federal codes), so every line ends its block.
    """
    blocks: list[Block] = []
    group: list[str] = []
    start = 0
    heading = False
    title = ""

    def flush() -> None:
        nonlocal heading
        if group:
            joined = " ".join(group) if heading else _join(group)
            joined = " ".join(joined.split())
            if joined:
                blocks.append(Block(joined, start))
        group.clear()
        heading = False

    for number, raw in enumerate(
        text.translate(_CLEAN).replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1
    ):
        line = raw.rstrip()
        stripped = line.lstrip()
        if not stripped:
            flush()
            continue
        stripped = _fix_first_word(stripped, locale.script)
        marked = _MARKED.match(stripped)
        if marked:
            flush()
            if marked.group(2):
                blocks.append(Block(" ".join(marked.group(2).split()), number, level=len(marked.group(1))))
            continue
        starts = _starts_block(stripped, locale)
        if group and (starts or len(line) - len(stripped) >= _INDENT):
            flush()
        elif group and heading and not _continues_heading(title, stripped):
            flush()  # "Статья 5. Title" then body text with no blank line: the body is not the title
        if not group:
            start = number
            heading = starts == "heading"
            title = _title_of(stripped, locale) if heading else ""
        elif heading:
            title = title or stripped
        group.append(stripped if not group else line)
        if line_paragraphs:
            flush()
    flush()
    return blocks


def _title_of(line: str, locale: Locale) -> str:
    found = locale.heading(line)
    return found[2] if found is not None else ""


def _continues_heading(title: str, line: str) -> bool:
    """A heading's title wraps onto the next line when it has none yet ("Раздел II" / "Человек и гражданин"),
    when both are in capitals ("… В ОБЛАСТИ ТРУДОВЫХ" / "ОТНОШЕНИЙ"), or mid-sentence (lowercase)."""
    return not title or line[:1].islower() or (line.upper() == line and title.upper() == title)


def _starts_block(line: str, locale: Locale) -> str:
    """'heading', 'marker' or '': whether this line begins a new block even with no blank line before it."""
    first = line[:1]
    if (first.isdigit() or first.isupper() or first == "§") and locale.heading(line) is not None:
        return "heading"
    for pattern in (*locale.notes, *locale.toc_markers, *locale.drop_lines):
        if pattern.match(line):
            return "marker"
    return ""


def _join(lines: list[str]) -> str:
    """Join a paragraph's broken lines: the portal kept the spaces around each link, so glue pieces as they
    are when a space or punctuation sits at the seam, and add a space only between two bare words."""
    out = lines[0]
    for piece in lines[1:]:
        if not piece:
            continue
        if (
            out[-1:].isspace()
            or piece[0].isspace()
            or piece[0] in _NO_SPACE_BEFORE
            or out[-1:] in _NO_SPACE_AFTER
        ):
            out += piece
        else:
            out += " " + piece
    return out


def _fix_first_word(line: str, script: str) -> str:
    """Repair look-alike letters in the first word only, where they hide a heading ("Cтатья" with a Latin C).

    The rest of the text is left exactly as published.
    """
    m = _FIRST_WORD.match(line)
    if m is None:
        return line
    word = m.group()
    if not (_HAS_LATIN.search(word) and _HAS_CYRILLIC.search(word)):
        return line
    fixed = word.translate(_TO_CYRILLIC if script == "Cyrl" else _TO_LATIN)
    return fixed + line[len(word) :]
