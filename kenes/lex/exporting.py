"""Export an expression from the database as AKN XML, JSON or HTML."""

from __future__ import annotations

import json

from .akn.export import to_akn
from .akn.meta import ExpressionMeta
from .models import Expression
from .render.html import to_html
from .render.jsondoc import to_json
from .store import read_document

FORMATS = {
    "akn": "application/akn+xml",
    "xml": "application/akn+xml",
    "json": "application/json",
    "html": "text/html",
}


def expression_meta(expression: Expression) -> ExpressionMeta:
    work = expression.work
    return ExpressionMeta(
        work_uri=work.frbr_uri,
        lang=expression.lang,
        expression_date=expression.date,
        title=expression.title or work.title,
        country=work.jurisdiction_id,
        doctype=work.doctype,
        subtype=work.subtype,
        number=work.number,
        work_date=work.date,
        source_name=expression.source_name,
        source_url=expression.source_url,
        retrieved_on=expression.retrieved_on,
        content_hash=expression.content_hash,
    )


def export_expression(expression: Expression, fmt: str) -> tuple[str | bytes, str]:
    """The expression rendered in ``fmt`` (akn|xml|json|html) and its content type."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of: akn, json, html")
    doc = read_document(expression)
    meta = expression_meta(expression)
    if fmt in {"akn", "xml"}:
        return to_akn(doc, meta), FORMATS[fmt]
    if fmt == "json":
        return json.dumps(to_json(doc, meta), ensure_ascii=False, indent=1, default=str), FORMATS[fmt]
    return to_html(doc, meta), FORMATS[fmt] + "; charset=utf-8"
