"""The catalogue of works Kenes knows by name (``starter/works.yaml``): titles, short titles, label words.

Why one file: a work's names used to be written in four places (the corpus manifest, the citation aliases,
the rights labels, the import call), and they drifted. Everything that needs to say or recognise a work's
name reads it here. Free of Django, so the rights library can read it too.

>>> entry = get("/akn/kz/act/code/2015-11-23/414-v")
>>> entry.short_title, entry.jurisdiction, entry.cite_as("rus")
('ТК РК', 'kz', 'ТК РК')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from .akn.uri import parse

CATALOGUE_FILE = Path(__file__).resolve().parent / "starter" / "works.yaml"


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message names the entry."""


@dataclass(frozen=True)
class CatalogueWork:
    """One work as people name it. ``titles`` and ``labels`` are keyed by AKN language (``rus``)."""

    uri: str
    jurisdiction: str
    titles: dict[str, str] = field(default_factory=dict)
    short_title: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    names: tuple[str, ...] = ()

    def title(self, lang: str | None = None) -> str:
        """The official title in ``lang``, else in the first language listed ("" when none is known)."""
        if lang and lang in self.titles:
            return self.titles[lang]
        return next(iter(self.titles.values()), "")

    def cite_as(self, lang: str) -> str:
        """How a citation label in ``lang`` ends ("ТК РК"); the short title when no form is written."""
        return self.labels.get(lang) or self.short_title


@cache
def works() -> dict[str, CatalogueWork]:
    """Every catalogued work by URI, in file order (the order decides which work a bare name means)."""
    data = yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8")) or []
    out: dict[str, CatalogueWork] = {}
    for i, entry in enumerate(data):
        uri = entry.get("uri", "")
        try:
            place = parse(uri).place
        except ValueError as exc:
            raise CatalogueError(f"works.yaml entry {i + 1}: {exc}") from None
        if uri in out:
            raise CatalogueError(f"works.yaml entry {i + 1}: {uri} is listed twice")
        out[uri] = CatalogueWork(
            uri=uri,
            jurisdiction=place,
            titles=dict(entry.get("titles") or {}),
            short_title=entry.get("short_title") or "",
            labels=dict(entry.get("cite_as") or {}),
            names=tuple(entry.get("names") or ()),
        )
    return out


def get(uri: str) -> CatalogueWork | None:
    """The catalogue entry of ``uri``, or None when the work is not catalogued."""
    return works().get(uri)
