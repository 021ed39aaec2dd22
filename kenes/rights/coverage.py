"""Whether a check can answer for a country at all, asked before a person opens it.

Why: search offers a check above the articles ("answers before articles"). Offered for a question about
work in Tajikistan or Russia, the leave or the wage-payment check would count by Kazakhstan's Labour Code
(those checks have no country to pick), and a person would take Kazakh numbers for their own. A check is
offered for a country only where its answer rests on that country's law (``provisions/<country>.yaml``)
or, for the checks the EAEU treaty answers (stay, permit, registration), where the country is a member:
there the answer may still depend on the person's citizenship, which the check itself asks.
"""

from __future__ import annotations

import datetime as dt

from kenes import quantities
from kenes.rights import basis

#: The regional treaty's own file (``provisions/eaeu.yaml``) and its members (a dated quantity).
EAEU = "eaeu"

#: The field each check's form names the country by (``?host=ru`` opens the check with Russia chosen);
#: the checks not listed count by Kazakhstan's law only.
COUNTRY_FIELD = {
    "stay": "host",
    "permit": "host",
    "registration": "host",
    "minimum-wage": "country",
}


def answers_in(check: str, country: str, on: dt.date | None = None) -> bool:
    """Whether ``check`` holds rules that can answer someone working in ``country`` on ``on`` (today)."""
    if basis.covers(country, check):
        return True
    if not basis.covers(EAEU, check):
        return False
    members = quantities.value_or_none(EAEU, "members", on or dt.date.today())
    return members is not None and country in members.value


def link(check: str, country: str | None) -> str:
    """The check's page, with ``country`` chosen where its form asks for one (nothing is computed until
    the person fills the rest in)."""
    field = COUNTRY_FIELD.get(check)
    return f"/rights/{check}/" + (f"?{field}={country}" if field and country else "")
