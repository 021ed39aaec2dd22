"""Reading untrusted XML safely, and the one error type every AKN reader raises.

AKN files come from outside (partners, other LIIs, editors' desktops), so the parser must never fetch a
URL, expand an entity or read a DTD: those are the XXE and "billion laughs" holes. Everything that
reads AKN goes through :func:`parse_xml`.
"""

from __future__ import annotations

import re

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

#: Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class AknError(ValueError):
    """An AKN document that cannot be read: not well-formed, unsafe, or not valid AKN 3.0.

    ``errors`` keeps every problem (with line numbers) for callers that list them; the message names
    the document and the first ones, so a log line alone says what to fix.
    """

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or [message]


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 forbids: they are never meaningful in legal text (stray PDF bytes)."""
    return _NOT_XML.sub("", text)


def hardened_parser() -> etree.XMLParser:
    """A parser that reads only the bytes it is given: no entities, DTDs or network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
    )


def parse_xml(xml: bytes, *, name: str = "the document") -> etree._ElementTree:
    """Parse ``xml`` or raise :class:`AknError` naming the line and column, and refuse any DTD."""
    if not isinstance(xml, bytes):
        raise TypeError("AKN XML must be given as bytes, so its declared encoding is honoured")
    try:
        tree = etree.fromstring(xml, hardened_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = f"{name} is not well-formed XML: line {line}, column {column}: {exc.msg}"
        raise AknError(message) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise AknError(f"{name} declares a DTD (<!DOCTYPE …>): refused, AKN needs none and DTDs enable XXE")
    return tree
