"""Read Akoma Ntoso 3.0 into a :class:`~kenes.lex.tree.Document`: our exports exactly, others as they map.

The stages, each small:

1. :func:`~kenes.lex.akn.safexml.parse_xml` — bytes to a tree, refusing DTDs, entities and the network;
2. :func:`~kenes.lex.akn.schema.validate` — the strict OASIS schema; any violation is an :class:`AknError`
   listing every problem with its line, because a half-read law is worse than none;
3. :func:`_read_meta` — FRBR identification, publication, references and ``<proprietary>`` to
   :class:`ExpressionMeta`;
4. :func:`_read_nodes` — the body, preamble and attachments to provisions (the inverse of
   :mod:`~kenes.lex.akn.export`); foreign hierarchy elements map to the nearest Kenes kind
   (:data:`FOREIGN_KINDS`), containers such as a collection's components are looked through;
5. notes — ``<meta>/<notes>`` back onto the provision named by ``placementBase``; in foreign files an
   ``<authorialNote>`` inside the text becomes a footnote of its provision instead of text.

eIds are kept as written; a foreign file in which some provision has none gets fresh ones from
:func:`~kenes.lex.tree.assign_eids`, for all provisions, so they stay unique.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from ..tree import Document, Node, Note, assign_eids
from .export import KENES_NS
from .meta import ExpressionMeta
from .safexml import AKN_NS, AknError, parse_xml
from .schema import validate as schema_errors

__all__ = ["FOREIGN_KINDS", "AknError", "from_akn"]

#: AKN hierarchy elements and the Kenes kind each becomes; ``point`` in a point becomes ``subpoint``.
FOREIGN_KINDS: dict[str, str] = {
    **dict.fromkeys(["book", "tome", "title", "subtitle", "part", "subpart"], "part"),
    **dict.fromkeys(["section", "division", "subdivision"], "section"),
    **dict.fromkeys(["chapter", "subchapter"], "chapter"),
    **dict.fromkeys(["article", "rule"], "article"),
    **dict.fromkeys(["paragraph", "subsection", "clause", "level", "transitional", "subrule"], "paragraph"),
    **dict.fromkeys(["point", "subparagraph", "subclause", "alinea", "indent", "list", "sublist"], "point"),
    "proviso": "point",
}

#: Elements that only hold other structure: read through them.
_WRAPPERS = frozenset(
    {
        "body", "mainBody", "judgmentBody", "collectionBody", "debateBody", "amendmentBody",
        "component", "components", "attachments", "attachment", "interstitial",
        "act", "bill", "doc", "statement", "judgment", "portion", "portionBody", "amendmentList",
        "officialGazette", "documentCollection", "debateReport", "debate", "amendment",
        "introduction", "background", "arguments", "remedies", "motivation", "decision",
    }
)  # fmt: skip

#: Blocks that hold other blocks: their lines are their children's lines.
_BLOCK_HOLDERS = frozenset(
    {
        "blockList", "item", "listIntroduction", "listWrapUp", "blockContainer", "container", "table",
        "tr", "th", "td", "ul", "ol", "li", "tblock", "foreign", "toc", "tocItem", "recitals", "recital",
        "citations", "citation", "formula", "longTitle", "intro", "wrapUp", "content",
    }
)  # fmt: skip

#: ``<hcontainer name=…>`` values that name a Kenes kind (ours, then common foreign ones).
_NAMED_KINDS = {"annex": "annex", "preamble": "preamble", "schedule": "annex", "appendix": "annex"}

#: ``<hcontainer name=…>`` values that only group annexes: read through them.
_GROUPS = frozenset({"schedules", "annexes", "appendices"})

_MAX_LISTED = 20


def from_akn(
    xml: bytes, *, validate: bool = True, name: str = "the document"
) -> tuple[ExpressionMeta, Document]:
    """Read an AKN document; ``name`` (usually the file name) starts every error message.

    ``validate=False`` is for salvaging a file known to be off-schema; the result is then best effort.
    """
    tree = parse_xml(xml, name=name)
    if validate:
        errors = schema_errors(tree)
        if errors:
            listed = "\n".join(f"  {e}" for e in errors[:_MAX_LISTED])
            more = f"\n  … and {len(errors) - _MAX_LISTED} more" if len(errors) > _MAX_LISTED else ""
            raise AknError(f"{name} is not valid AKN 3.0 ({len(errors)} problems):\n{listed}{more}", errors)
    root = tree.getroot()
    if _local(root) != "akomaNtoso" or etree.QName(root).namespace != AKN_NS:
        raise AknError(f"{name} is not Akoma Ntoso 3.0: its root is {root.tag}, not akomaNtoso in {AKN_NS}")
    top = next(_children(root), None)
    if top is None:
        raise AknError(f"{name} has an empty akomaNtoso element")
    meta = _read_meta(top, name)
    doc = Document(lang=meta.lang)
    _read_preface(top, doc)
    doc.body = _read_nodes(root, parent_kind="")  # from the root: a collection's <components> are siblings
    _attach_notes(top, doc)
    if any(not node.eid for node in doc.walk()):
        assign_eids(doc)
    return meta, doc


# -- metadata -------------------------------------------------------------------------------------------


def _read_meta(top: etree._Element, name: str) -> ExpressionMeta:
    meta = _child(top, "meta")
    ident = _child(meta, "identification")
    work, expr, manif = (
        _child(ident, level) for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation")
    )
    work_date = _date(_attr(_child(work, "FRBRdate"), "date"))
    if work_date is None:
        raise AknError(f"{name} has no FRBRWork date: cannot tell which work it is")
    orgs = {el.get("eId"): el.get("showAs", "") for el in _descendants(meta, "references", "*")}
    made = _child(manif, "FRBRdate")
    provenance = meta.find(f"{_q('proprietary')}/{{{KENES_NS}}}provenance") if meta is not None else None
    publication = _child(meta, "publication")
    if not (_attr(publication, "name") and _date(_attr(publication, "date"))):
        publication = None  # Indigo writes name="" placeholders; half a citation is no citation
    return ExpressionMeta(
        work_uri=_attr(_child(work, "FRBRuri"), "value") or _attr(_child(work, "FRBRthis"), "value"),
        lang=_attr(_child(expr, "FRBRlanguage"), "language"),
        expression_date=_date(_attr(_child(expr, "FRBRdate"), "date")) or work_date,
        title=_title(expr, work, top),
        country=_attr(_child(work, "FRBRcountry"), "value"),
        doctype=_local(top),
        subtype=_attr(_child(work, "FRBRsubtype"), "value"),
        number=_attr(_child(work, "FRBRnumber"), "value"),
        work_date=work_date,
        author=orgs.get(_attr(_child(work, "FRBRauthor"), "href").removeprefix("#"), ""),
        source_name=orgs.get(_attr(_child(expr, "FRBRauthor"), "href").removeprefix("#"), ""),
        source_url=_attr(provenance, "url"),
        retrieved_on=_date(_attr(made, "date")) if _attr(made, "name") == "retrieval" else None,
        content_hash=_attr(provenance, "contentHash"),
        publication_name=_attr(publication, "name"),
        publication_date=_date(_attr(publication, "date")),
        publication_number=_attr(publication, "number"),
    )


def _title(expr: etree._Element | None, work: etree._Element | None, top: etree._Element) -> str:
    for level in (expr, work):
        for alias in _children(level, "FRBRalias"):
            if alias.get("name") == "title":
                return alias.get("value", "")
    for tag in ("docTitle", "shortTitle"):
        title = top.find(f"{_q('preface')}//{_q(tag)}")
        if title is not None:
            return _inline(title, [])
    return ""


def _date(value: str) -> dt.date | None:
    """xsd:date or dateTime; a year alone (seen in Indigo files) is read as 1 January."""
    value = value.strip()[:10]
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else dt.date(int(value[:4]), 1, 1)
    except ValueError:
        return None


# -- text -----------------------------------------------------------------------------------------------


def _read_preface(top: etree._Element, doc: Document) -> None:
    preface = _child(top, "preface")
    if preface is None:
        return
    lines: list[str] = []
    for el in _children(preface):
        title = el.find(f".//{_q('docTitle')}")
        if title is None:
            title = el.find(f".//{_q('shortTitle')}")
        if title is not None and not doc.title:
            doc.title = _inline(title, doc.notes)
        elif _local(el) == "p":
            lines.append(_inline(el, doc.notes))
    doc.preface = "\n".join(lines)


def _read_nodes(container: etree._Element, parent_kind: str) -> list[Node]:
    nodes: list[Node] = []
    for el in _children(container):
        name = _local(el)
        if name == "preamble":
            nodes.append(Node(kind="preamble", eid=el.get("eId", ""), text=_text(el, [])))
        elif name == "hcontainer" and el.get("name") in _GROUPS:
            nodes.extend(_read_nodes(el, parent_kind))
        elif name == "hcontainer" and el.get("name") in _NAMED_KINDS:
            nodes.append(_hier(el, _NAMED_KINDS[el.get("name", "")], parent_kind))
        elif name in FOREIGN_KINDS or name == "hcontainer":
            kind = FOREIGN_KINDS.get(name, "section")
            if kind == "point" and parent_kind in ("point", "subpoint"):
                kind = "subpoint"
            nodes.append(_hier(el, kind, parent_kind))
        elif name == "attachment":
            nodes.append(_annex(el))
        elif name in _WRAPPERS:
            nodes.extend(_read_nodes(el, parent_kind))
    return nodes


def _hier(el: etree._Element, kind: str, parent_kind: str) -> Node:
    node = Node(kind=kind, eid=el.get("eId", ""), status="repealed" if el.get("status") == "removed" else "")
    _read_num_heading(el, node)
    for part in _children(el):
        name = _local(part)
        if name in ("content", "intro"):
            node.text = _text(part, node.notes)
        elif name == "wrapUp":
            node.wrap_up = _text(part, node.notes)
    node.children = _read_nodes(el, kind)
    return node


def _annex(attachment: etree._Element) -> Node:
    node = Node(kind="annex", eid=attachment.get("eId", ""))
    _read_num_heading(attachment, node)
    inner = next(
        (el for el in _children(attachment) if _local(el) not in ("num", "heading", "subheading")), None
    )
    if inner is None:
        return node
    body = _child(inner, "mainBody")
    if body is None:
        body = _child(inner, "body")
    text: list[str] = []
    for part in _children(body):
        name = _local(part)
        if name == "container" and part.get("name") == "wrapUp":
            node.wrap_up = _text(part, node.notes)
        elif name not in FOREIGN_KINDS and name not in ("hcontainer", "componentRef"):
            text.extend(_block(part, node.notes))
    node.text = "\n".join(text)
    node.children = _read_nodes(body, "annex") if body is not None else []
    node.children += _read_nodes(_child(inner, "attachments"), "annex")
    return node


def _read_num_heading(el: etree._Element, node: Node) -> None:
    for part in _children(el):
        if _local(part) == "num":
            node.num = _inline(part, node.notes)
        elif _local(part) == "heading":
            node.heading = _inline(part, node.notes)


def _text(container: etree._Element, notes: list[Note]) -> str:
    return "\n".join(_lines(container, notes))


def _lines(container: etree._Element, notes: list[Note]) -> list[str]:
    """One line per block; blocks that hold blocks (lists, tables) give their children's lines."""
    lines: list[str] = []
    for el in _children(container):
        lines.extend(_block(el, notes))
    return lines


def _block(el: etree._Element, notes: list[Note]) -> list[str]:
    name = _local(el)
    if name == "authorialNote":
        notes.append(Note(text=_text(el, []), kind="footnote"))
        return []
    if name in _BLOCK_HOLDERS and not _has_own_text(el):
        return _lines(el, notes)
    if name in ("num", "heading", "subheading"):
        return []
    return [_inline(el, notes)]


def _inline(el: etree._Element, notes: list[Note]) -> str:
    """An element's text: exact when it has no markup inside (our exports), else with spaces tidied."""
    if len(el) == 0:
        return el.text or ""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            if _local(child) == "authorialNote":
                notes.append(Note(text=_text(child, []), kind="footnote"))
            elif _local(child) not in ("noteRef", "eol", "eop"):
                parts.append(_inline(child, notes))
            else:
                parts.append(" ")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _has_own_text(el: etree._Element) -> bool:
    return bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)


def _attach_notes(top: etree._Element, doc: Document) -> None:
    by_eid = {node.eid: node for node in doc.walk() if node.eid}
    for note in _descendants(_child(top, "meta"), "notes", "note"):
        target = by_eid.get(note.get("placementBase", ""))
        (target.notes if target else doc.notes).append(
            Note(text=_text(note, []), kind=note.get("class", "editorial"))
        )


# -- lxml helpers ---------------------------------------------------------------------------------------


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _children(el: etree._Element | None, name: str | None = None):
    """Element children in the AKN namespace (comments and foreign elements skipped)."""
    if el is None:
        return
    for child in el:
        ours = isinstance(child.tag, str) and child.tag.startswith(f"{{{AKN_NS}}}")
        if ours and (name is None or _local(child) == name):
            yield child


def _child(el: etree._Element | None, name: str) -> etree._Element | None:
    return next(_children(el, name), None)


def _descendants(el: etree._Element | None, holder: str, name: str):
    for block in _children(el, holder):
        yield from _children(block, None if name == "*" else name)


def _attr(el: etree._Element | None, name: str) -> str:
    return "" if el is None else el.get(name, "")
