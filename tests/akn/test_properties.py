"""Property tests: any tree an importer could produce exports to valid AKN and comes back unchanged;
junk thrown at the reader only ever raises AknError."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kenes.lex.akn.export import to_akn
from kenes.lex.akn.parse import AknError, from_akn
from kenes.lex.akn.schema import validate
from kenes.lex.render.jsondoc import from_json, to_json
from kenes.lex.tree import Document

from . import factories

SLOW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.usefixtures("akn_schema")
@SLOW
@given(factories.expressions())
def test_any_tree_exports_to_valid_akn_and_round_trips_exactly(expression: tuple[Document, object]) -> None:
    doc, meta = expression
    xml = to_akn(doc, meta)
    assert validate(xml) == []
    meta_back, doc_back = from_akn(xml)
    assert (meta_back, doc_back) == (meta, doc)
    assert to_akn(doc_back, meta_back) == xml


@SLOW
@given(factories.expressions())
def test_any_tree_round_trips_through_json(expression: tuple[Document, object]) -> None:
    doc, meta = expression
    assert from_json(json.loads(json.dumps(to_json(doc, meta)))) == (meta, doc)


@pytest.mark.usefixtures("akn_schema")
@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_junk_bytes_raise_akn_error_and_nothing_else(junk: bytes) -> None:
    for validate_first in (True, False):
        with pytest.raises(AknError):
            from_akn(junk, validate=validate_first)


_TAGS = st.sampled_from(
    ["akomaNtoso", "act", "meta", "body", "article", "num", "p", "content", "attachment", "doc"]
)


@st.composite
def _xmlish(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(_TAGS)
    inner = draw(st.lists(_xmlish(depth + 1), max_size=3)) if depth < 4 else []
    text = draw(st.sampled_from(["", "x", "1.", "&amp;"]))
    return f"<{tag}>{text}{''.join(inner)}</{tag}>"


@settings(max_examples=200, deadline=None)
@given(_xmlish())
def test_well_formed_akn_lookalikes_never_crash_the_unvalidated_reader(body: str) -> None:
    xml = f'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">{body}</akomaNtoso>'.encode()
    with contextlib.suppress(AknError):  # refusing is fine; any other exception is a bug
        from_akn(xml, validate=False)
