"""An expression as plain JSON: the same tree as AKN, for programs that would rather not read XML.

Why a format of our own beside AKN: the API and the search indexer want nested dicts with the tree's own
field names, and a dict that loads back into (meta, Document) lets fixtures and caches skip XML. The
``format`` key versions the shape, so a change is detected rather than misread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from typing import Any

from ..akn.meta import ExpressionMeta
from ..tree import Document, Node, Note

FORMAT = "kenes-expression/1"

_DATE_FIELDS = frozenset(
    name for name, hint in typing.get_type_hints(ExpressionMeta).items() if hint in (dt.date, dt.date | None)
)


def to_json(doc: Document, meta: ExpressionMeta) -> dict[str, Any]:
    """``json.dumps``-ready: dates are ISO strings, provisions nest as in the document."""
    return {
        "format": FORMAT,
        "meta": {f.name: _iso(getattr(meta, f.name)) for f in dataclasses.fields(ExpressionMeta)},
        "expression_uri": meta.expression_uri,
        "title": doc.title,
        "lang": doc.lang,
        "preface": doc.preface,
        "notes": [_note(n) for n in doc.notes],
        "provisions": [_provision(n) for n in doc.body],
    }


def from_json(d: dict[str, Any]) -> tuple[ExpressionMeta, Document]:
    """The inverse of :func:`to_json`; refuses another format version instead of guessing."""
    if d.get("format") != FORMAT:
        raise ValueError(f"expected a {FORMAT} document, got format {d.get('format')!r}")
    try:
        raw = d["meta"]
        meta = ExpressionMeta(
            **{
                f.name: _date(raw[f.name]) if f.name in _DATE_FIELDS else raw[f.name]
                for f in dataclasses.fields(ExpressionMeta)
                if f.name in raw
            }
        )
        doc = Document(
            title=d["title"],
            lang=d["lang"],
            preface=d["preface"],
            notes=[Note(**n) for n in d["notes"]],
            body=[_node(p) for p in d["provisions"]],
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a complete {FORMAT} document: {exc}") from None
    return meta, doc


#: A provision's own fields, in the order the JSON writes them (then its notes and children).
_NODE_FIELDS = ("eid", "kind", "num", "heading", "text", "wrap_up")


def _provision(node: Node) -> dict[str, Any]:
    return {
        **{name: getattr(node, name) for name in _NODE_FIELDS},
        "notes": [_note(n) for n in node.notes],
        "children": [_provision(c) for c in node.children],
    }


def _node(d: dict[str, Any]) -> Node:
    return Node(
        **{name: d[name] for name in _NODE_FIELDS},
        notes=[Note(**n) for n in d["notes"]],
        children=[_node(c) for c in d["children"]],
    )


def _note(note: Note) -> dict[str, str]:
    return {"text": note.text, "kind": note.kind}


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
