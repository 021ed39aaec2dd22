"""Documents in and out of the database: the one place that maps a :class:`Document` onto rows.

Provisions are written with one ``bulk_create`` per tree depth (parents need ids before children),
so the Labour Code's ~6,000 provisions cost a handful of queries rather than thousands.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from django.db import transaction

from .models import EditorialNote, Expression, Provision
from .reading import subtree
from .tree import Document, Node, Note


def content_hash(doc: Document) -> str:
    """SHA-256 of the document's structure and text: equal hashes mean an import would change nothing."""
    payload = {
        "title": doc.title,
        "lang": doc.lang,
        "preface": doc.preface,
        "notes": [asdict(n) for n in doc.notes],
        "body": [_without_empty_status(asdict(n)) for n in doc.body],
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _without_empty_status(node: dict) -> dict:
    """The node as hashed before provisions had a status: an unchanged text keeps its hash."""
    if not node.get("status"):
        node.pop("status", None)
    node["children"] = [_without_empty_status(child) for child in node["children"]]
    return node


@transaction.atomic
def write_provisions(expression: Expression, doc: Document) -> int:
    """Replace the provisions and notes of ``expression`` by those of ``doc``; return the provision count."""
    expression.provisions.all().delete()
    expression.notes.all().delete()

    order = 0
    rows: list[tuple[Provision, Node, Provision | None]] = []  # (row, node, parent row)
    by_depth: dict[int, list[tuple[Provision, Node, Provision | None]]] = {}

    def visit(node: Node, parent: Provision | None, depth: int) -> None:
        nonlocal order
        order += 1
        row = Provision(
            expression=expression,
            eid=node.eid,
            kind=node.kind,
            num=node.num[:32],
            heading=node.heading,
            text=node.text,
            wrap_up=node.wrap_up,
            status=node.status,
            order=order,
            depth=depth,
        )
        item = (row, node, parent)
        rows.append(item)
        by_depth.setdefault(depth, []).append(item)
        for child in node.children:
            visit(child, row, depth + 1)

    for top in doc.body:
        visit(top, None, 0)

    for depth in sorted(by_depth):
        level = by_depth[depth]
        for row, _node, parent in level:
            row.parent_id = parent.pk if parent is not None else None
        Provision.objects.bulk_create([row for row, _n, _p in level], batch_size=1000)

    notes: list[EditorialNote] = []
    note_order = 0
    for note in doc.notes:
        note_order += 1
        notes.append(EditorialNote(expression=expression, kind=note.kind, text=note.text, order=note_order))
    for row, node, _parent in rows:
        for note in node.notes:
            note_order += 1
            notes.append(
                EditorialNote(
                    expression=expression, provision=row, kind=note.kind, text=note.text, order=note_order
                )
            )
    EditorialNote.objects.bulk_create(notes, batch_size=1000)
    return len(rows)


def read_document(expression: Expression, *, root_eid: str | None = None) -> Document:
    """Rebuild the tree of ``expression`` (or of one provision and its descendants) from the database."""
    if root_eid is None:
        provisions = list(expression.provisions.order_by("order"))
        notes = list(expression.notes.order_by("order"))
    else:  # only the subtree: one range query, not the whole expression
        root = expression.provisions.filter(eid=root_eid).first()
        provisions = subtree(root) if root is not None else []
        notes = list(EditorialNote.objects.filter(provision__in=provisions).order_by("order"))
    nodes: dict[int, Node] = {}
    roots: list[Node] = []
    for p in provisions:
        node = Node(
            kind=p.kind,
            num=p.num,
            heading=p.heading,
            text=p.text,
            wrap_up=p.wrap_up,
            eid=p.eid,
            status=p.status,
        )
        nodes[p.pk] = node
        parent = nodes.get(p.parent_id) if p.parent_id else None
        if parent is not None:
            parent.children.append(node)
        else:
            roots.append(node)
    doc_notes: list[Note] = []
    for n in notes:
        target = nodes.get(n.provision_id) if n.provision_id else None
        (target.notes if target is not None else doc_notes).append(Note(text=n.text, kind=n.kind))
    doc = Document(title=expression.title, lang=expression.lang, preface=expression.preface, notes=doc_notes)
    if root_eid is None:
        doc.body = roots
    else:
        found = next((n for n in nodes.values() if n.eid == root_eid), None)
        doc.body = [found] if found is not None else []
        doc.notes = []
    return doc
