"""What an exported expression says about itself: which work, which language and date, where it came from.

A :class:`~kenes.lex.tree.Document` holds the text; this holds the FRBR identity and provenance that an
AKN ``<meta>`` block (or a JSON or HTML export) needs and that a plain tree does not carry. It is a
separate frozen value so exporters stay pure functions of (document, meta) and never reach into the
database.

The work fields (country, doctype, subtype, number, work_date) repeat what the work URI says, because a
document imported from elsewhere may carry a URI in another scheme (``http://www.legislation.gov.uk/…``)
while its ``FRBRcountry`` or ``FRBRnumber`` are still worth keeping. Build Kenes metadata with
:meth:`ExpressionMeta.for_uri`, which fills them from the URI so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .uri import FrbrUri, expression_uri, parse


@dataclass(frozen=True)
class ExpressionMeta:
    work_uri: str
    lang: str
    expression_date: dt.date
    title: str
    country: str
    doctype: str
    number: str
    work_date: dt.date
    subtype: str = ""
    author: str = ""  # who made the work (parliament, ILO conference); empty when unknown
    source_name: str = ""  # who published the text we hold (adilet, normlex)
    source_url: str = ""  # where, or the publisher's edition id
    retrieved_on: dt.date | None = None
    content_hash: str = ""  # SHA-256 of the structure, as Expression.content_hash
    publication_name: str = ""  # official gazette, when known
    publication_date: dt.date | None = None
    publication_number: str = ""

    def __post_init__(self) -> None:
        # AKN's <publication> needs both; half a citation would be silently dropped on export.
        if bool(self.publication_name) != bool(self.publication_date) or (
            self.publication_number and not self.publication_name
        ):
            raise ValueError("a publication needs both a name and a date (and a number only with them)")

    @classmethod
    def for_uri(
        cls, uri: str | FrbrUri, *, title: str, expression_date: dt.date | None = None, **extra: object
    ) -> ExpressionMeta:
        """Metadata for a Kenes URI (work or expression): the work fields come from the URI itself.

        >>> m = ExpressionMeta.for_uri("/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01", title="ТК РК")
        >>> m.country, m.subtype, m.number, m.expression_uri
        ('kz', 'code', '414-v', '/akn/kz/act/code/2015-11-23/414-v/rus@2024-01-01')
        """
        frbr = parse(uri) if isinstance(uri, str) else uri
        lang = extra.pop("lang", None) or frbr.lang
        when = expression_date or frbr.expression_date
        if not lang or not when:
            raise ValueError(f"{uri} needs a language and an expression date (in the URI or as arguments)")
        return cls(
            work_uri=frbr.work_uri,
            lang=str(lang),
            expression_date=when,
            title=title,
            country=frbr.place,
            doctype=frbr.doctype,
            subtype=frbr.subtype or "",
            number=frbr.number,
            work_date=frbr.date,
            **extra,  # type: ignore[arg-type]
        )

    @property
    def expression_uri(self) -> str:
        return expression_uri(self.work_uri, self.lang, self.expression_date)

    @property
    def frbr(self) -> FrbrUri | None:
        """The parsed work URI, or ``None`` for a URI from another scheme (an imported foreign file)."""
        try:
            return parse(self.work_uri)
        except ValueError:
            return None
