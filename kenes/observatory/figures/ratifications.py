"""The ratification tracker: a country × convention matrix from the legal database's ratification records,
the General Agreement's commitments, and the gap report of curated article → national provision links.

Absence is shown, never hidden: a pair with no record is "no data" (no source found — not "not ratified"),
and a convention whose text is not in the database has no article list to check, which the report says.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..places import REGION

#: How a cell reads; keys are lex Ratification statuses plus the observatory's own.
CELL_STATES = ("in-force", "not-in-force", "denounced", "pending", "planned", "not-ratified", "no-data")


@dataclass(frozen=True)
class Cell:
    state: str
    ratified_on: str = ""  # ISO date, or a year when that is all the source gives
    source: str = ""


@dataclass
class Matrix:
    countries: tuple[str, ...]
    instruments: list[tuple[str, str]]  # (code, work URI)
    cells: dict[tuple[str, str], Cell]

    def cell(self, country: str, code: str) -> Cell:
        return self.cells.get((country, code), Cell("no-data"))

    @property
    def missing(self) -> int:
        return sum(1 for c in self.countries for code, _ in self.instruments if (c, code) not in self.cells)


def instruments() -> list[tuple[str, str]]:
    """ILO conventions and protocols (and other international instruments) of the legal database."""
    from kenes.lex.models import Work

    works = (
        Work.objects.filter(jurisdiction__kind__in=["international", "regional"])
        .order_by("frbr_uri")
        .values_list("short_title", "number", "frbr_uri")
    )
    out = [(short or number.upper(), uri) for short, number, uri in works]
    return sorted(out, key=lambda item: (not item[0].startswith("C"), item[0]))


def matrix(countries: tuple[str, ...] = REGION) -> Matrix:
    from kenes.lex.models import Ratification

    from ..models import Commitment, TreatyStatus

    listed = instruments()
    codes = {uri: code for code, uri in listed}
    cells: dict[tuple[str, str], Cell] = {}
    # rows as tuples, not models: the matrix is counted on every country page
    for country, instrument, agreement in Commitment.objects.exclude(instrument="").values_list(
        "country", "instrument", "agreement"
    ):
        cells[(country, instrument)] = Cell("planned", source=agreement)
    for treaty, country, status, year, source in TreatyStatus.objects.values_list(
        "treaty", "country", "status", "year", "source__name"
    ):
        if status == TreatyStatus.Status.NO_ACTION:
            cells.setdefault((country, treaty), Cell("not-ratified", source=source))
        elif status == TreatyStatus.Status.PARTY:
            cells[(country, treaty)] = Cell("in-force", str(year or ""), source=source)
    ratified = (
        Ratification.objects.filter(country_id__in=countries)
        .order_by()
        .values_list("country_id", "instrument__frbr_uri", "status", "ratified_on", "source")
    )
    for country, uri, status, ratified_on, source in ratified:
        code = codes.get(uri)
        if code is None:
            continue
        when = ratified_on.isoformat() if ratified_on else ""
        cells[(country, code)] = Cell(status, when, source.split(";")[0].strip())
    return Matrix(countries, listed, cells)


@dataclass
class ArticleGaps:
    eid: str
    num: str
    heading: str
    linked: dict[str, int] = field(default_factory=dict)  # country → number of national provisions


@dataclass
class GapReport:
    convention: str
    work_uri: str
    text_in_database: bool
    articles: list[ArticleGaps]
    countries: tuple[str, ...]

    def unlinked(self, country: str) -> list[ArticleGaps]:
        return [a for a in self.articles if not a.linked.get(country)]


def gap_report(code: str, countries: tuple[str, ...] = REGION) -> GapReport | None:
    """Which articles of convention ``code`` (e.g. ``C190``) lack a linked national provision, per country."""
    from kenes.lex.models import Provision, Work

    from ..models import ImplementationLink

    work = (
        Work.objects.filter(
            short_title__iexact=code, jurisdiction__kind__in=["international", "regional"]
        ).first()
        or Work.objects.filter(
            number__iexact=code, jurisdiction__kind__in=["international", "regional"]
        ).first()
    )
    if work is None:
        return None
    expression = work.expressions.order_by("-date").first()
    articles: list[ArticleGaps] = []
    if expression is not None:
        rows = Provision.objects.filter(expression=expression, kind=Provision.Kind.ARTICLE).order_by("order")
        articles = [ArticleGaps(p.eid, p.num, p.heading) for p in rows.only("eid", "num", "heading")]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for eid, country in ImplementationLink.objects.filter(convention=work.frbr_uri).values_list(
        "convention_eid", "country"
    ):
        counts[eid][country] += 1
    for article in articles:
        article.linked = dict(counts.get(article.eid, {}))
    return GapReport(code.upper(), work.frbr_uri, expression is not None, articles, countries)
