"""What an import found, in the terms a lawyer checks against the official contents of the act.

Why: a parser that silently swallows "Статья 12а." into the article before it produces a database that looks
complete and is not. The summary says how many articles were found, the first and the last number, which
numbers are missing or repeated, which articles are kept only as repealed, and which lines looked like
headings but were not understood, so a person can compare it with the act's table of contents in a minute.
Lines are translated (the admin import page shows them); the CLI prints them untranslated.

>>> from kenes.lex.tree import Document, Node
>>> doc = Document(body=[Node("article", num=n) for n in ("1", "2", "2-1", "5", "5")])
>>> doc.body[1].status = "repealed"
>>> from django.utils import translation
>>> with translation.override(None):
...     print("\\n".join(outline(doc).lines()))
5 articles found, numbered 1 to 5
gaps in the numbering: 3–4
repeated numbers: 5
repealed (kept, not counted as law in force): 2
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .tree import Document, Node

_LEADING = re.compile(r"\d+")


@dataclass
class Outline:
    """The summary of one parsed document (see the module docstring)."""

    articles: int = 0
    first: str = ""
    last: str = ""
    gaps: list[str] = field(default_factory=list)  # "3", "7–9"
    repeats: list[str] = field(default_factory=list)
    repealed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def in_force(self) -> int:
        """Articles that are law in force (found minus repealed)."""
        return self.articles - len(self.repealed)

    def lines(self) -> list[str]:
        """The summary as lines of plain text (the CLI prints them; the admin page lists them)."""
        if not self.articles:
            out = [_("no articles found")]
        else:
            out = [
                _("%(count)s articles found, numbered %(first)s to %(last)s")
                % {"count": self.articles, "first": self.first, "last": self.last}
            ]
        if self.gaps:
            out.append(_("gaps in the numbering: %(list)s") % {"list": ", ".join(self.gaps)})
        if self.repeats:
            out.append(_("repeated numbers: %(list)s") % {"list": ", ".join(self.repeats)})
        if self.repealed:
            listed = {"list": ", ".join(self.repealed)}
            out.append(_("repealed (kept, not counted as law in force): %(list)s") % listed)
        return out


def _articles(nodes: list[Node]) -> list[Node]:
    """Articles of the body in document order, without those of annexes (which restart their numbering)."""
    out: list[Node] = []
    for node in nodes:
        if node.kind == "annex":
            continue
        if node.kind == "article":
            out.append(node)
        else:
            out += _articles(node.children)
    return out


def _ranges(numbers: list[int]) -> list[str]:
    out: list[str] = []
    start = prev = None
    for n in numbers + [None]:  # type: ignore[list-item]
        if start is not None and (n is None or n != prev + 1):
            out.append(str(start) if start == prev else f"{start}–{prev}")
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return out


def outline(doc: Document) -> Outline:
    """Count and check the article numbering of ``doc``; carry over the parser's warnings."""
    articles = _articles(doc.body)
    nums = [a.num.strip().rstrip(".") for a in articles]
    result = Outline(articles=len(articles), warnings=list(doc.warnings))
    if not articles:
        return result
    result.first, result.last = nums[0], nums[-1]
    leading = sorted({int(m.group(0)) for n in nums if (m := _LEADING.match(n))})
    if leading:
        held = set(leading)
        result.gaps = _ranges([n for n in range(leading[0], leading[-1] + 1) if n not in held])
    seen: set[str] = set()
    for num in nums:
        if num in seen and num not in result.repeats:
            result.repeats.append(num)
        seen.add(num)
    result.repealed = [num for num, a in zip(nums, articles, strict=True) if a.status == "repealed"]
    return result
