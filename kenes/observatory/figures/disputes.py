"""The share of collective labour disputes settled without a strike, by year and country, with its counts.

Definitions (said on the page beside the figure):

* a dispute counts in the year its outcome was reached; disputes still open are counted apart and are not
  in the denominator;
* settled without a strike = the outcome is an agreement or a partial agreement and the dispute never
  reached the strike stage;
* share = settled without a strike ÷ disputes with an outcome that year.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

SETTLED_OUTCOMES = ("agreement", "partial")


@dataclass
class DisputeYear:
    country: str
    year: int
    closed: int = 0
    settled_without_strike: int = 0
    by_outcome: Counter = field(default_factory=Counter)

    @property
    def share(self) -> Decimal | None:
        """Exact: a page rounds it once (5 of 11 is 45.5 %, and rounded twice it read 45.4 %)."""
        if not self.closed:
            return None
        return Decimal(self.settled_without_strike) / Decimal(self.closed)


def settled_without_strike(outcome: str, had_strike: bool) -> bool:
    return outcome in SETTLED_OUTCOMES and not had_strike


def dispute_years(country: str | None = None) -> list[DisputeYear]:
    """Per (country, outcome year), the counts; newest year first."""
    from ..models import Dispute, DisputeStage

    disputes = Dispute.objects.exclude(outcome="")
    if country:
        disputes = disputes.filter(country=country)
    struck = set(
        DisputeStage.objects.filter(kind=DisputeStage.Kind.STRIKE, dispute__in=disputes).values_list(
            "dispute_id", flat=True
        )
    )
    years: dict[tuple[str, int], DisputeYear] = defaultdict(lambda: DisputeYear("", 0))
    for pk, code, outcome, outcome_on in disputes.order_by().values_list(
        "pk", "country", "outcome", "outcome_on"
    ):
        row = years[(code, outcome_on.year)]
        row.country, row.year = code, outcome_on.year
        row.closed += 1
        row.by_outcome[outcome] += 1
        if settled_without_strike(outcome, pk in struck):
            row.settled_without_strike += 1
    return sorted(years.values(), key=lambda r: (-r.year, r.country))


def open_disputes(country: str | None = None) -> int:
    from ..models import Dispute

    disputes = Dispute.objects.filter(outcome="")
    return (disputes.filter(country=country) if country else disputes).count()
