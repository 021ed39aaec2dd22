"""Write one expression as an Akoma Ntoso 3.0 document that validates against the strict OASIS schema.

Why AKN at all: it is how legal information institutes exchange law, and every choice below keeps two
promises — the file validates, and :func:`kenes.lex.akn.parse.from_akn` reads it back into the same
tree, so the export is byte-for-byte reproducible. The mapping, in short:

* the root is ``<act>`` (or ``<doc>`` for a ``/doc/`` work such as a collective agreement);
* ``<meta>``: FRBR identification from :class:`ExpressionMeta`, ``<publication>`` when known,
  ``<references>`` naming Kenes (which made the markup), the work's author and the text's publisher;
  source URL and content hash, which AKN has no element for, go in ``<proprietary>`` in our namespace;
* ``<preface>`` holds the title (``docTitle``) and the document's preface text; a text-only preamble
  that opens the body becomes ``<preamble>``;
* provisions become their AKN element with ``eId``, ``<num>``, ``<heading>``; a node with children
  (or a closing text) has ``<intro>`` + children + ``<wrapUp>``, a leaf has ``<content>``; each line of
  text is one ``<p>``. A subpoint is a ``<point>`` inside a point (AKN has no subpoint);
* annexes at the end of the body (or of an annex) become ``<attachments>/<attachment>/<doc name="annex">``;
  an annex anywhere else, or a preamble that ``<preamble>`` cannot hold, becomes
  ``<hcontainer name="annex|preamble">`` so nothing is reordered or lost;
* editorial notes go in ``<meta>/<notes>``, each ``<note>`` pointing at its provision with
  ``placementBase``: they sit outside the body, so nothing that reads the law can take a note for law
  (``<authorialNote>`` would put them inside the text, and notes by the author are not what they are).

Characters XML 1.0 cannot carry (stray control bytes) are dropped; nothing else in the text changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from lxml import etree

from ..tree import KINDS, Document, Node, Note
from .meta import ExpressionMeta
from .safexml import AKN_NS, xml_safe
from .uri import provision_uri

__all__ = ["KENES_NS", "ExpressionMeta", "to_akn"]

#: Namespace of Kenes' own metadata inside ``<proprietary>``.
KENES_NS = "urn:kenes:akn-meta:1"

#: eIds the metadata uses for people and organisations; no provision may take them.
RESERVED_EIDS = frozenset({"kenes", "author", "publisher"})

_DOCTYPE_BODY = {"act": "body", "doc": "mainBody"}
_NO_SPACE = re.compile(r"\S+")


def to_akn(doc: Document, meta: ExpressionMeta) -> bytes:
    """The expression as AKN 3.0 XML (UTF-8, indented), ready to validate and publish.

    Raises ``ValueError`` for a tree AKN cannot represent faithfully (no provisions, missing or
    duplicate eIds, an unknown kind), rather than writing a file that would not read back.
    """
    _check(doc, meta)
    root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN_NS})
    attrs = {"name": meta.subtype or meta.doctype}
    if meta.expression_date != meta.work_date:
        attrs["contains"] = "singleVersion"
    top = _el(root, meta.doctype, **attrs)
    top.append(_meta(doc, meta))

    preamble, main, annexes = _split(doc.body, top=True)
    if doc.title or doc.preface:
        preface = _el(top, "preface")
        if doc.title:
            _el(_el(_el(preface, "longTitle"), "p"), "docTitle", doc.title)
        if doc.preface:
            _paragraphs(preface, doc.preface)
    if preamble:
        _paragraphs(_el(top, "preamble", eId=preamble.eid), preamble.text)
    body = _el(top, _DOCTYPE_BODY[meta.doctype])
    for node in main:
        _provision(body, node)
    if annexes:
        _attachments(top, annexes, meta)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _check(doc: Document, meta: ExpressionMeta) -> None:
    if meta.doctype not in _DOCTYPE_BODY:
        raise ValueError(f"Kenes writes AKN act and doc documents, not {meta.doctype!r} ({meta.work_uri})")
    if doc.lang and doc.lang != meta.lang:
        raise ValueError(f"the document is in {doc.lang!r} but the metadata says {meta.lang!r}")
    if not doc.body:
        raise ValueError(f"{meta.expression_uri} has no provisions: an AKN body cannot be empty")
    seen: set[str] = set()
    for node in doc.walk():
        if node.kind not in KINDS:
            raise ValueError(
                f"unknown provision kind {node.kind!r} (eId {node.eid!r}); known: {', '.join(KINDS)}"
            )
        if not node.eid:
            raise ValueError(f"a {node.kind} ({node.num or 'unnumbered'}) has no eId: call assign_eids first")
        if not _NO_SPACE.fullmatch(node.eid) or xml_safe(node.eid) != node.eid:
            raise ValueError(f"eId {node.eid!r} contains whitespace or control characters")
        if node.eid in seen or node.eid in RESERVED_EIDS:
            raise ValueError(f"eId {node.eid!r} is used twice (or reserved for the metadata)")
        seen.add(node.eid)


def _split(nodes: list[Node], *, top: bool) -> tuple[Node | None, list[Node], list[Node]]:
    """(preamble, provisions, trailing annexes): what goes in <preamble>, the body and <attachments>."""
    end = len(nodes)
    while end and nodes[end - 1].kind == "annex":
        end -= 1
    main, annexes = nodes[:end], nodes[end:]
    if top and not main:  # a body cannot be empty: keep the annexes in it
        main, annexes = nodes, []
    preamble = None
    if top and len(main) > 1 and _plain_preamble(main[0]):
        preamble, main = main[0], main[1:]
    return preamble, main, annexes


def _plain_preamble(node: Node) -> bool:
    """A preamble that <preamble> can hold as it is: text only, no number, heading or parts."""
    return node.kind == "preamble" and not (node.num or node.heading or node.children or node.wrap_up)


def _provision(parent: etree._Element, node: Node) -> None:
    if node.kind in ("annex", "preamble"):
        el = _el(parent, "hcontainer", eId=node.eid, name=node.kind)
    else:
        el = _el(parent, KINDS[node.kind], eId=node.eid)
    if node.status == "repealed":
        el.set("status", "removed")  # AKN's statusType for a provision no longer in force
    _num_heading(el, node)
    if node.children or node.wrap_up:
        if node.text:
            _paragraphs(_el(el, "intro"), node.text)
        for child in node.children:
            _provision(el, child)
        if node.wrap_up:
            _paragraphs(_el(el, "wrapUp"), node.wrap_up)
    else:
        _paragraphs(_el(el, "content"), node.text)


def _attachments(parent: etree._Element, annexes: list[Node], meta: ExpressionMeta) -> None:
    container = _el(parent, "attachments")
    for annex in annexes:
        attachment = _el(container, "attachment", eId=annex.eid)
        _num_heading(attachment, annex)
        inner = _el(attachment, "doc", name="annex")
        inner.append(_component_meta(meta, annex.eid))
        _, main, nested = _split(annex.children, top=False)
        body = _el(inner, "mainBody")
        if annex.text or not (main or annex.wrap_up):  # mainBody cannot be empty
            _paragraphs(_el(body, "container", name="intro"), annex.text)
        for node in main:
            _provision(body, node)
        if annex.wrap_up:
            _paragraphs(_el(body, "container", name="wrapUp"), annex.wrap_up)
        if nested:
            _attachments(inner, nested, meta)


def _meta(doc: Document, meta: ExpressionMeta) -> etree._Element:
    el = etree.Element(_q("meta"))
    ident = _el(el, "identification", source="#kenes")
    work_author, expression_author = _authors(meta)
    _frbr(ident, "FRBRWork", meta.work_uri, [("adoption", meta.work_date)], work_author)
    work = ident[-1]
    _el(work, "FRBRcountry", value=meta.country)
    if meta.subtype:
        _el(work, "FRBRsubtype", value=meta.subtype)
    if meta.number:
        _el(work, "FRBRnumber", value=meta.number)

    _frbr(
        ident,
        "FRBRExpression",
        meta.expression_uri,
        [("expression", meta.expression_date)],
        expression_author,
        title=meta.title,
    )
    _el(ident[-1], "FRBRlanguage", language=meta.lang)

    made = ("retrieval", meta.retrieved_on) if meta.retrieved_on else ("expression", meta.expression_date)
    _frbr(ident, "FRBRManifestation", f"{meta.expression_uri}.xml", [made], "#kenes")
    _el(ident[-1], "FRBRformat", value="application/akn+xml")

    if meta.publication_name and meta.publication_date:
        attrs = {"date": meta.publication_date.isoformat(), "name": meta.publication_name}
        attrs["showAs"] = meta.publication_name
        if meta.publication_number:
            attrs["number"] = meta.publication_number
        _el(el, "publication", **attrs)

    refs = _el(el, "references", source="#kenes")
    _el(refs, "TLCOrganization", eId="kenes", href="/ontology/organization/kenes", showAs="Kenes")
    for eid, name in (("author", meta.author), ("publisher", meta.source_name)):
        if name:
            _el(refs, "TLCOrganization", eId=eid, href=f"/ontology/organization/{_slug(name)}", showAs=name)

    notes = list(_placed_notes(doc))
    if notes:
        holder = _el(el, "notes", source="#kenes")
        for base, note in notes:
            attrs = {"class": note.kind}
            if base:
                attrs["placementBase"] = base
            _paragraphs(_el(holder, "note", **attrs), note.text)

    provenance = {"url": meta.source_url, "contentHash": meta.content_hash}
    provenance = {k: xml_safe(v) for k, v in provenance.items() if v}
    if provenance:
        prop = _el(el, "proprietary", source="#kenes")
        etree.SubElement(prop, f"{{{KENES_NS}}}provenance", provenance, nsmap={"kenes": KENES_NS})
    return el


def _component_meta(meta: ExpressionMeta, eid: str) -> etree._Element:
    """The minimal FRBR block the schema demands of an attachment: the annex as a portion of the work."""
    el = etree.Element(_q("meta"))
    ident = _el(el, "identification", source="#kenes")
    work_author, expression_author = _authors(meta)
    _frbr(ident, "FRBRWork", provision_uri(meta.work_uri, eid), [("adoption", meta.work_date)], work_author)
    _el(ident[-1], "FRBRcountry", value=meta.country)
    expression_date = [("expression", meta.expression_date)]
    portion = provision_uri(meta.expression_uri, eid)
    _frbr(ident, "FRBRExpression", portion, expression_date, expression_author)
    _el(ident[-1], "FRBRlanguage", language=meta.lang)
    _frbr(ident, "FRBRManifestation", provision_uri(portion, None, "xml"), expression_date, "#kenes")
    return el


def _authors(meta: ExpressionMeta) -> tuple[str, str]:
    """References to the work's author and the text's publisher; empty (allowed) when unknown."""
    return ("#author" if meta.author else "", "#publisher" if meta.source_name else "")


def _frbr(
    parent: etree._Element,
    level: str,
    uri: str,
    dates: list[tuple[str, dt.date]],
    author: str,
    *,
    title: str | None = None,
) -> None:
    el = _el(parent, level)
    _el(el, "FRBRthis", value=uri)
    _el(el, "FRBRuri", value=uri)
    if title is not None:
        _el(el, "FRBRalias", value=title, name="title")
    for name, date in dates:
        _el(el, "FRBRdate", date=date.isoformat(), name=name)
    _el(el, "FRBRauthor", href=author)


def _placed_notes(doc: Document) -> Iterable[tuple[str, Note]]:
    for note in doc.notes:
        yield "", note
    for node in doc.walk():
        for note in node.notes:
            yield node.eid, note


def _num_heading(el: etree._Element, node: Node) -> None:
    if node.num:
        _el(el, "num", node.num)
    if node.heading:
        _el(el, "heading", node.heading)


def _paragraphs(parent: etree._Element, text: str) -> None:
    """One <p> per line, so line breaks survive; an empty text is one empty <p> (blocks are required)."""
    for line in text.split("\n"):
        _el(parent, "p", line)


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _q(tag), {k: xml_safe(v) for k, v in attrs.items()})
    if text:
        el.text = xml_safe(text)
    return el


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "unnamed"
