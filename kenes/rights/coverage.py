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
import re

from kenes import quantities
from kenes.kernel.countries import ISO_3166_ALPHA2
from kenes.lex import eid as eids
from kenes.rights import basis, uses
from kenes.rights.works import CitedProvision, cite

#: The regional treaty's own file (``provisions/eaeu.yaml``) and its members (a dated quantity).
EAEU = "eaeu"
#: The treaty's jurisdiction in the database: a search of it offers the checks the treaty answers.
EAEU_JURISDICTION = "aa-eaeu"

#: Besides a country's provisions file, what lets a check answer there, as the rules read it: the
#: quantities it counts with (the stay check counts the days-in-period limit of any host it holds;
#: the minimum-wage check compares with any country's recorded minimum), or the treaty (the permit check
#: answers for a member's workers in another member: they need none). The leave, wage-payment and
#: final-settlement checks have no country to pick: they count by Kazakhstan's code only.
BY_QUANTITIES = {"stay": ("stay_window_days", "stay_limit_days"), "minimum-wage": ("minimum_wage",)}
BY_TREATY = frozenset({"permit"})

#: At most this many articles are listed beside a check: what it rests on first, not a bibliography.
BASIS_MAX = 6

#: The country whose law the checks without a country to pick count by.
SOLE_COUNTRY = "kz"

#: The field each check's form names the country by (``?host=ru`` opens the check with Russia chosen);
#: the checks not listed count by :data:`SOLE_COUNTRY`'s law only.
COUNTRY_FIELD = {
    "stay": "host",
    "permit": "host",
    "registration": "host",
    "minimum-wage": "country",
}


def answers_in(check: str, country: str, on: dt.date | None = None) -> bool:
    """Whether ``check`` holds rules that can answer someone working in ``country`` on ``on`` (today);
    False for anything that is not a country code (it may come from a request)."""
    day = on or dt.date.today()
    if country == EAEU_JURISDICTION:
        return basis.covers(EAEU, check)
    if country not in ISO_3166_ALPHA2:
        return False
    if basis.covers(country, check):
        return True
    needed = BY_QUANTITIES.get(check)
    if needed and all(quantities.value_or_none(country, name, day) is not None for name in needed):
        return True
    return check in BY_TREATY and _member(country, day)


def _member(country: str, day: dt.date) -> bool:
    members = quantities.value_or_none(EAEU, "members", day)
    return members is not None and country in members.value


def link(check: str, country: str | None) -> str:
    """The check's page, with ``country`` chosen where its form asks for one (nothing is computed until
    the person fills the rest in)."""
    field = COUNTRY_FIELD.get(check)
    chosen = field and country in ISO_3166_ALPHA2
    return f"/rights/{check}/" + (f"?{field}={country}" if chosen else "")


def basis_of(check: str, country: str | None, on: dt.date | None = None) -> list[CitedProvision]:
    """The articles ``check`` rests on where it answers for ``country`` (for every country it answers in,
    with None), the national law before the treaty (a page lists the first :data:`BASIS_MAX` it holds).

    Why: "90 дней 180" names the stay check, but its words find none of the articles the 90-in-180 rule
    is written in; listed beside the check, they are one click away (the check's own data, so the list
    cannot promise an article the check does not cite). Articles, not their paragraphs: a reader opens
    the article."""
    day = on or dt.date.today()
    out: list[CitedProvision] = []
    seen: set[tuple[str, str]] = set()
    for work, eid in _in_order(check):
        place = work.split("/")[2]
        if place == EAEU_JURISDICTION:
            # the treaty where it is the law: a member's, or with no country, or the treaty searched
            searched = country in (None, EAEU_JURISDICTION)
            wanted = basis.covers(EAEU, check) and (
                searched or (_member(country, day) and answers_in(check, country, day))
            )
        else:
            wanted = country in (None, place) and answers_in(check, place, day)
        article = (work, eids.article_root(eid))
        if wanted and article not in seen:
            seen.add(article)
            out.append(cite(*article))
    return out


def _in_order(check: str) -> list[tuple[str, str]]:
    """What ``check`` cites: its provisions files in the order a lawyer wrote them (the national files
    first, the treaty's last), then the provisions its quantities cite, by work and article number."""
    files = [(c, work, eid) for c, ch, _key, work, eid in basis.all_provisions() if ch == check]
    listed = [(work, eid) for c, work, eid in sorted(files, key=lambda row: row[0] == EAEU)]
    rest = uses.checks_basis(check) - set(listed)
    return listed + sorted(rest, key=lambda ref: (ref[0], [int(n) for n in re.findall(r"\d+", ref[1])]))
