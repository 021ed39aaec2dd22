r"""Provision identifiers (AKN eIds): the grammar, the prefixes and how a printed number becomes part of one.

An eId is the join key across languages, editions, citations, search hits and rights answers, so every
module that builds or reads one goes through here: ``art_113__para_4__point_1`` is a path of steps
``{prefix}_{number}`` joined by ``__`` (AKN Naming Convention 3.0). See docs/IDENTIFIERS.md for the whole
scheme and the table of numbering forms.

>>> number("Статья 288(1)".split()[1]), number("12¹"), number("341.1-1"), number("12 прим."), number("а)")
('288-1', '12-1', '341-1-1', '12-прим', 'а')
>>> step("article", "22.1"), join("art_113", step("paragraph", "4."))
('art_22-1', 'art_113__para_4')
>>> split("chp_8__art_113__para_4")
[('chapter', '8'), ('article', '113'), ('paragraph', '4')]
>>> from_article("sec_2__chp_8__art_113__para_4"), article_root("art_113__para_4__point_1")
('art_113__para_4', 'art_113')
>>> ancestors("art_113__para_1__point_2")
['art_113', 'art_113__para_1']
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Separator of the steps of an eId path.
SEPARATOR = "__"

#: Provision kind -> eId prefix (AKN Naming Convention 3.0, Annex A). A subpoint is a point in a point.
PREFIXES: dict[str, str] = {
    "preamble": "preamble",
    "part": "part",
    "section": "sec",
    "chapter": "chp",
    "article": "art",
    "paragraph": "para",
    "point": "point",
    "subpoint": "point",
    "annex": "annex",
}

#: eId prefix -> provision kind (``point`` reads back as a point whatever its depth).
KINDS: dict[str, str] = {
    "preamble": "preamble",
    "part": "part",
    "sec": "section",
    "chp": "chapter",
    "art": "article",
    "para": "paragraph",
    "point": "point",
    "subpoint": "subpoint",
    "annex": "annex",
}

#: Kinds whose eId restarts the path: ``art_113`` whichever chapter holds it (outside annexes).
PATH_RESETTING = frozenset({"article"})

#: One step: a prefix, then the normalised number (letters of any script, digits, hyphens).
STEP_RE = re.compile(r"^(?:preamble|(?P<prefix>[a-z]+)_(?P<num>[^\W_]+(?:-[^\W_]+)*)(?:_(?P<dup>\d+))?)$")

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_PARENTHESISED = re.compile(r"(?<=\w)\s*\((\w+)\)")  # "288(1)": an inserted article; "(a)" alone is kept
_PRIM = re.compile(r"\s*\bприм\b\.?")  # "12 прим.": the old way of printing 12¹


@lru_cache(maxsize=8192)  # a code repeats "1.", "2)", "а)" thousands of times
def number(printed: str) -> str:
    """The eId form of a printed number, the same for every way the region writes it.

    Lowercase; "12-1", "12¹", "12(1)", "12.1" all become ``12-1``; "341.1-1" is ``341-1-1``; "12 прим." is
    ``12-прим``; a point's "1)" or "(a)" loses its brackets; "I" is ``i``; spaces go ("PART I" is ``parti``,
    as eIds have always been). Letters of any script are kept.
    """
    text = printed.strip().lower()
    text = _SUPERSCRIPT_RUN.sub(lambda m: "-" + m.group(0).translate(_SUPERSCRIPTS), text)
    text = _PARENTHESISED.sub(r"-\1", text)
    text = _PRIM.sub("-прим", text)
    out: list[str] = []
    for ch in text:
        if ch.isalnum():
            out.append(ch)
        elif ch in "-._" and out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def step(kind: str, num: str) -> str:
    """One step of a path: ``step("article", "12-1.")`` is ``art_12-1``; the preamble has no number."""
    if kind == "preamble":
        return "preamble"
    return f"{PREFIXES.get(kind, kind)}_{number(num)}"


def join(*steps: str) -> str:
    """Steps (or paths) joined into one eId, empty parts skipped."""
    return SEPARATOR.join(s for s in steps if s)


def split(eid: str) -> list[tuple[str, str]]:
    """``art_113__para_1`` -> [("article", "113"), ("paragraph", "1")]; an unknown prefix keeps its text."""
    out = []
    for segment in eid.split(SEPARATOR) if eid else []:
        prefix, _sep, num = segment.partition("_")
        out.append((KINDS.get(prefix, prefix), num))
    return out


def is_valid(eid: str) -> bool:
    """True when every step of ``eid`` has a known prefix and a well-formed number."""
    if not eid:
        return False
    for segment in eid.split(SEPARATOR):
        m = STEP_RE.match(segment)
        if m is None or (m["prefix"] is not None and m["prefix"] not in KINDS):
            return False
    return True


def ancestors(eid: str) -> list[str]:
    """``art_113__para_1__point_2`` -> ["art_113", "art_113__para_1"]: the eIds that contain it."""
    segments = eid.split(SEPARATOR)
    return [SEPARATOR.join(segments[:i]) for i in range(1, len(segments))]


def contains(outer: str, inner: str) -> bool:
    """True when ``inner`` is ``outer`` or inside it: ``art_1`` holds ``art_1__para_2``, not ``art_12``."""
    return inner == outer or inner.startswith(outer + SEPARATOR)


def _article_index(segments: list[str]) -> int | None:
    return next((i for i, s in enumerate(segments) if s.startswith(PREFIXES["article"] + "_")), None)


def from_article(eid: str) -> str:
    """The eId without the containers above its article: ``chp_8__art_113__para_4`` -> ``art_113__para_4``.

    Articles restart the path, so a chapter-prefixed eId typed by hand or kept from an older import names
    the same provision as the short form. An eId with no article, or inside an annex, is returned as it is.
    """
    segments = eid.split(SEPARATOR)
    i = _article_index(segments)
    if i is None or any(s.startswith(PREFIXES["annex"] + "_") for s in segments[:i]):
        return eid
    return SEPARATOR.join(segments[i:])


def article_root(eid: str) -> str:
    """The eId of the article a provision belongs to; itself for articles and anything above them."""
    segments = eid.split(SEPARATOR)
    i = _article_index(segments)
    return eid if i is None else SEPARATOR.join(segments[: i + 1])


def context_base(context: str | None, kind: str) -> str | None:
    """The part of ``context`` up to and including its first step of ``kind`` (None when it has none)."""
    if not context:
        return None
    prefix = PREFIXES.get(kind, kind) + "_"
    segments = context.split(SEPARATOR)
    for i, segment in enumerate(segments):
        if segment.startswith(prefix):
            return SEPARATOR.join(segments[: i + 1])
    return None
