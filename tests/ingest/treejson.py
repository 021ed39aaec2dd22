"""A Document as plain JSON data without empty fields, so golden files read like the tree they describe."""

from __future__ import annotations

from typing import Any

from kenes.lex.tree import Document, Node, Note


def note_data(note: Note) -> dict[str, Any]:
    return {"kind": note.kind, "text": note.text}


def node_data(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"eid": node.eid, "kind": node.kind}
    for name in ("num", "heading", "text", "wrap_up"):
        if getattr(node, name):
            data[name] = getattr(node, name)
    if node.status:
        data["status"] = node.status
    if node.notes:
        data["notes"] = [note_data(n) for n in node.notes]
    if node.children:
        data["children"] = [node_data(c) for c in node.children]
    return data


def document_data(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = {"lang": doc.lang, "title": doc.title}
    if doc.preface:
        data["preface"] = doc.preface
    if doc.notes:
        data["notes"] = [note_data(n) for n in doc.notes]
    data["body"] = [node_data(n) for n in doc.body]
    if doc.warnings:
        data["warnings"] = doc.warnings
    return data
