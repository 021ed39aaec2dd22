"""The public directory of union and advisory centres: what country pages and rights answers show.

Only contacts marked ``listed`` appear, and nothing of staff or cases. A contact nobody has confirmed is
shown with that mark, so a person never takes a placeholder for a number to call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from .models import CentreContact, Organisation, OrganisationKind

CENTRES_FILE = Path(__file__).with_name("centres.yaml")
PUBLIC_KINDS = (OrganisationKind.ADVISORY_CENTRE, OrganisationKind.NATIONAL_CENTRE)


def centres_in(countries: Iterable[str | None]) -> list[CentreContact]:
    """Listed contacts of the centres in ``countries`` (in that order; advisory centres before their
    national centre, since they are the ones that take people in)."""
    order = [c.lower() for c in dict.fromkeys(c for c in countries if c)]
    if not order:
        return []
    contacts = list(
        CentreContact.objects.filter(
            listed=True, organisation__country__in=order, organisation__kind__in=PUBLIC_KINDS
        ).select_related("organisation")
    )
    kind_rank = {OrganisationKind.ADVISORY_CENTRE: 0, OrganisationKind.NATIONAL_CENTRE: 1}
    contacts.sort(
        key=lambda c: (
            order.index(c.organisation.country),
            kind_rank[c.organisation.kind],
            c.organisation.name,
        )
    )
    return contacts


@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"centres: {len(self.added)} added ({', '.join(self.added) or '-'}), "
            f"{len(self.kept)} already there and left as they are"
        )


@transaction.atomic
def load_national_centres(path: Path = CENTRES_FILE) -> LoadReport:
    """Add the national centres of ``centres.yaml`` that are missing, each with an unconfirmed contact.

    An organisation that exists (by slug) is left exactly as it is, with whatever an editor entered.
    """
    report = LoadReport()
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        if Organisation.objects.filter(slug=entry["slug"]).exists():
            report.kept.append(entry["slug"])
            continue
        org = Organisation.objects.create(
            slug=entry["slug"],
            name=entry["name"],
            country=entry["country"],
            kind=OrganisationKind.NATIONAL_CENTRE,
        )
        CentreContact.objects.create(organisation=org, languages=entry.get("languages", []), confirmed=False)
        report.added.append(org.slug)
    return report
