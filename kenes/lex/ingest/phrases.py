"""The shared machinery of citation grammars: a phrase is a chain of levels, each a list of numbers.

Every language's grammar (``locales/<lang>/citations.py``) reads the same shape — point < paragraph <
article < annex/part, each level a list ("1, 2 и 5–7"), then perhaps a work — and differs only in its words
and their order. What is common lives here: reading a list with ranges, sharing a work named after joined
phrases, and emitting one :class:`~kenes.lex.citation.Citation` per combination of the levels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product

from kenes.lex.citation import Citation

# Ranks of the levels a phrase may name, from the most specific up.
POINT, PARA, ART, TOP = 0, 1, 2, 3

#: An arabic number as legislation of the region prints it: 12, 12-1, 12-1-2.
NUM = r"\d+(?:-\d+)*"


@dataclass
class Item:
    value: str
    below: list[str] = field(default_factory=list)  # "213 (частями пятой)", "paragraph 7 (b)"


@dataclass
class Phrase:
    start: int
    end: int
    levels: dict[int, list[Item]] = field(default_factory=dict)
    top_kind: str = ""  # annex | part, for rank TOP
    work: str | None = None
    anchor: str = "implicit"
    suffixed: bool = False  # a work or a relative anchor was written after (or before) the numbers
    abbreviated: bool = False

    @property
    def low(self) -> int:
        return min(self.levels)

    @property
    def high(self) -> int:
        return max(self.levels)


def letter_below(m: re.Match[str]) -> list[str]:
    """What an item holds below itself, written after it: "paragraph 7 (b)" -> ["b"]."""
    letter = m.groupdict().get("letter")
    return [letter] if letter else []


def take_list(
    text: str,
    pos: int,
    item: re.Pattern[str],
    sep: re.Pattern[str],
    value: Callable[[re.Match[str]], str],
    first: re.Pattern[str] | None = None,
    below: Callable[[re.Match[str]], list[str]] = letter_below,
) -> tuple[list[Item], int] | None:
    """Read "1, 2 и 5–7" at ``pos``: items with ranges expanded, and where the list ends."""
    m = (first or item).match(text, pos)
    if not m:
        return None
    items = [Item(value(m), below(m))]
    end = m.end()
    while True:
        s = sep.match(text, end)
        if not s:
            break
        nxt = item.match(text, s.end())
        if not nxt:
            break
        last = Item(value(nxt), below(nxt))
        if s["range"]:
            items += [Item(v) for v in range_between(items[-1].value, last.value)]
        items.append(last)
        end = nxt.end()
    return items, end


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_to_int(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def _int_to_roman(n: int) -> str:
    out = ""
    for v, r in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out += r
            n -= v
    return out


def range_between(a: str, b: str) -> list[str]:
    """Values strictly between ``a`` and ``b`` when both are plain integers (or Roman numerals)."""
    if a.isdigit() and b.isdigit():
        lo, hi = int(a), int(b)
        return [str(i) for i in range(lo + 1, hi)] if 0 < hi - lo <= 100 else []
    if a and b and set(a + b) <= set(_ROMAN):
        lo, hi = _roman_to_int(a), _roman_to_int(b)
        return [_int_to_roman(i) for i in range(lo + 1, hi)] if 0 < hi - lo <= 100 else []
    if len(a) == len(b) == 1 and a.isalpha() and b.isalpha() and 0 < ord(b) - ord(a) <= 26:
        return [chr(c) for c in range(ord(a) + 1, ord(b))]
    return []


def ws(s: str) -> str:
    return " ".join(s.split())


def chain_backwards(phrases: list[Phrase]) -> None:
    """Russian and English name the work after the last of joined phrases: share it backwards.

    "статьи 35 или статьи 36 УПК" -> both UPK; "подпунктом 1) и пунктом 3 статьи 52" -> point 1 of art 52.
    A phrase lacking the levels above its own borrows those of the next phrase that lie above both.
    """
    for i in range(len(phrases) - 2, -1, -1):
        a, b = phrases[i], phrases[i + 1]
        if a.suffixed or a.anchor == "drop":
            continue
        if b.anchor == "drop":  # "статьи 5 и статьи 6 приложения 1": both belong to the unknown document
            a.anchor = "drop"
            continue
        for rank, items in b.levels.items():
            if rank > a.high and rank > b.low and rank not in a.levels:
                a.levels[rank] = items
                if rank == TOP:
                    a.top_kind = b.top_kind
        a.work, a.anchor, a.suffixed = b.work, b.anchor, b.suffixed
        a.abbreviated = a.abbreviated and not b.suffixed


def emit(text: str, phrase: Phrase) -> list[Citation]:
    """Every combination of the phrase's levels as a Citation sharing the phrase's span."""
    span = text[phrase.start : phrase.end]
    arts = phrase.levels.get(ART, [Item("")])
    paras = phrase.levels.get(PARA)
    points = phrase.levels.get(POINT, [Item("")])
    tops = phrase.levels.get(TOP, [Item("")])
    out: list[Citation] = []
    for top, art, pt in product(tops, arts, points):
        para_values = [p.value for p in paras] if paras else (art.below or [""])
        for para in para_values:
            if paras and not pt.value:  # "paragraph 7 (b)": the point hangs from the paragraph item
                below = next((p.below for p in paras if p.value == para), [])
                pts = below or [""]
            else:
                pts = [pt.value]
            for p in pts:
                out.append(
                    Citation(
                        phrase.start,
                        phrase.end,
                        span,
                        work=phrase.work,
                        article=art.value or None,
                        paragraph=para or None,
                        point=p or None,
                        annex=top.value if phrase.top_kind == "annex" and top.value else None,
                        part=top.value if phrase.top_kind == "part" and top.value else None,
                        anchor=phrase.anchor,
                    )
                )
    return out


def usable(phrase: Phrase, include_relative: bool) -> bool:
    if phrase.abbreviated and phrase.anchor != "named" and phrase.work is None:
        return False
    if phrase.anchor in ("article", "paragraph", "annex"):
        return include_relative
    return not (phrase.anchor == "implicit" and phrase.high < ART)  # "пунктом 2" of what? ambiguous


def work_only(
    text: str,
    rx: re.Pattern[str],
    spans: list[tuple[int, int]],
    hint: Callable[[re.Match[str]], str | None],
) -> list[Citation]:
    """Citations of a whole act that no article phrase has already taken."""
    spans = sorted(spans)
    out: list[Citation] = []
    i = 0
    for m in rx.finditer(text):
        while i < len(spans) and spans[i][1] <= m.start():
            i += 1
        if i < len(spans) and spans[i][0] < m.end():
            continue
        work = hint(m)
        if work:
            out.append(Citation(m.start(), m.end(), m.group(0), work=work, anchor="named"))
    return out


#: Reads the joined phrase starting at a position: the phrase (anchor "drop" for one to ignore) and whether
#: it is the last of its group (a heading ends the group), or None when no phrase starts there.
ReadPhrase = Callable[[str, int], "tuple[Phrase, bool] | None"]


def scan(
    text: str,
    include_relative: bool,
    *,
    anchor: re.Pattern[str],
    conj: re.Pattern[str],
    read: ReadPhrase,
    whole_acts: re.Pattern[str],
    hint: Callable[[re.Match[str]], str | None],
) -> list[Citation]:
    """The loop of a grammar that names the work after the numbers (Russian, English).

    From each ``anchor`` (a keyword before a number) it reads phrases joined by ``conj`` ("статьи 35 или
    статьи 36 УПК"), shares the work named after the last one backwards, emits the usable ones, and finally
    adds the acts named without an article (``whole_acts``) outside the phrases already read.
    """
    out: list[Citation] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := anchor.search(text, pos):
        group: list[Phrase] = []
        cur = m.start()
        while got := read(text, cur):
            phrase, last = got
            group.append(phrase)
            c = None if last else conj.match(text, phrase.end)
            if not c or not anchor.match(text, c.end()):
                break
            cur = c.end()
        if not group:
            pos = m.end()
            continue
        chain_backwards(group)
        for phrase in group:
            if phrase.anchor == "drop":
                continue
            if usable(phrase, include_relative):
                out += emit(text, phrase)
            spans.append((phrase.start, phrase.end))
        pos = max(p.end for p in group)
    out += work_only(text, whole_acts, spans, hint)
    return out
