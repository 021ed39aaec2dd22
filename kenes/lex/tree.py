"""The in-memory shape of one expression: the contract between readers, AKN and the database.

Every importer (plain text, DOCX, AKN XML …) produces a :class:`Document`; every exporter consumes one.
Keeping this shape free of Django lets the parsers and the AKN code be tested without a database and
lets the database layer stay a thin mapping of it.

Why ``text`` and ``wrap_up``: AKN hierarchical elements carry an ``intro`` before their children and a
``wrapUp`` after them ("… в случаях, предусмотренных подпунктами 1)–3)"); a leaf has only ``text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from . import eid as eids

#: Provision kinds in the order they nest; values are the AKN element names.
KINDS: dict[str, str] = {
    "preamble": "preamble",
    "part": "part",
    "section": "section",
    "chapter": "chapter",
    "article": "article",
    "paragraph": "paragraph",
    "point": "point",
    "subpoint": "point",  # AKN has no subpoint element: a point inside a point
    "annex": "attachment",
}


@dataclass
class Note:
    """An editorial note of the publisher ("Сноска. …", "Примечание ИЗПИ!"): kept, but never law."""

    text: str
    kind: str = "editorial"  # editorial | footnote


@dataclass
class Node:
    """One provision: a container (part, chapter, article …) or a numbered block inside one."""

    kind: str
    num: str = ""
    heading: str = ""
    text: str = ""
    wrap_up: str = ""
    eid: str = ""
    children: list[Node] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    status: str = ""  # "" for law in force; "repealed" for "Статья 7. Утратила силу." kept visible as such

    def walk(self) -> Iterator[Node]:
        """Yield this node and every descendant in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Document:
    """One expression of a work: its language-specific title, preface notes and provision tree."""

    title: str = ""
    lang: str = ""
    preface: str = ""  # text before the first provision that is law (a preamble's text lives in a node)
    notes: list[Note] = field(default_factory=list)  # notes not attached to a provision
    body: list[Node] = field(default_factory=list)
    # what the parser saw but did not understand ("line 812: looks like a heading …"); never stored as law
    warnings: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        for node in self.body:
            yield from node.walk()

    def articles(self) -> list[Node]:
        return [n for n in self.walk() if n.kind == "article"]

    def find(self, eid: str) -> Node | None:
        return next((n for n in self.walk() if n.eid == eid), None)


def assign_eids(doc: Document) -> None:
    """Give every node an AKN eId (Naming Convention 3.0), unique within the document.

    Containers above articles nest (``sec_2__chp_8``); articles restart the path outside annexes;
    everything inside an article is prefixed by it (``art_113__para_4__point_1``). Unnumbered nodes get
    their ordinal among same-kind siblings. A duplicate gets ``_2``, ``_3`` … so no eId is ever shared.
    """
    seen: dict[str, int] = {}

    def visit(nodes: list[Node], prefix: str, in_annex: bool) -> None:
        ordinals: dict[str, int] = {}
        for node in nodes:
            ordinals[node.kind] = ordinals.get(node.kind, 0) + 1
            own = eids.step(node.kind, eids.number(node.num) or str(ordinals[node.kind]))
            base = own if node.kind in eids.PATH_RESETTING and not in_annex else eids.join(prefix, own)
            eid = base
            if eid in seen:
                seen[base] += 1
                eid = f"{base}_{seen[base]}"
            seen.setdefault(eid, 1)
            node.eid = eid
            visit(node.children, eid, in_annex or node.kind == "annex")

    visit(doc.body, "", False)
