"""Which stay limit applies: by host country, citizenship and status, or as given (window and limit).

Kazakhstan: art. 6 para 4 of the Law "On migration of the population" — a visa-free immigrant stays at most
30 days from crossing the border and 90 days in total in each 180 days, unless an agreement sets another
order; neither applies to holders of a visa or a temporary residence permit. EAEU citizens: only the
90-in-180 limit (the host's quantity ``stay_eaeu_single_entry_exempt``). The figures are quantities of the
host country (:mod:`kenes.quantities`), the provisions cited are the host's data
(``provisions/<country>.yaml``), so another country needs data, not code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kenes.rights import countries
from kenes.rights import parameters as params
from kenes.rights.answer import Context
from kenes.rights.errors import InvalidSituation
from kenes.rights.i18n import _, gettext_noop

STATUSES = ("visa_free", "visa", "residence_permit", "permanent_residence")
#: The statuses as a sentence names them ("… with a visa in Russia").
STATUS_NAMES = {
    "visa_free": gettext_noop("visa-free entry"),
    "visa": gettext_noop("visa"),
    "residence_permit": gettext_noop("residence permit"),
    "permanent_residence": gettext_noop("permanent residence permit"),
}


#: How the person works in the host country, where that changes the stay rule.
WORK = ("none", "work_permit", "employment_contract")


@dataclass(frozen=True)
class Regime:
    window: int
    limit: int
    cap: int | None
    source: str  # for the explanation


def regime_for(s: dict[str, Any], on: dt.date, ctx: Context) -> Regime | None:
    """The limits that apply, or None (recorded in ctx) when none does or none is known."""
    explicit = s["window"] is not None or s["limit"] is not None
    by_country = s["host"] is not None or s["citizenship"] is not None
    if explicit and by_country:
        raise InvalidSituation(_("give either window and limit, or host and citizenship, not both"), "window")
    if explicit:
        if s["window"] is None or s["limit"] is None:
            missing = "window" if s["window"] is None else "limit"
            raise InvalidSituation(_("window and limit go together: give both"), missing)
        if s["limit"] >= s["window"]:
            raise InvalidSituation(
                _(
                    "limit ({limit}) must be less than the window ({window}): otherwise nothing is limited"
                ).format(limit=s["limit"], window=s["window"]),
                "limit",
            )
        ctx.explain(
            _("Limit as given: {limit} days within any {window}-day period.").format(
                limit=s["limit"], window=s["window"]
            )
        )
        return Regime(s["window"], s["limit"], None, "given")
    if s["host"] is None or s["citizenship"] is None:
        missing = "host" if s["host"] is None else "citizenship"
        raise InvalidSituation(_("give host and citizenship (or window and limit)"), missing)

    host, citizen = s["host"], s["citizenship"]
    if host == citizen:
        ctx.explain(
            _("A citizen of {country} is not limited in the days of stay in their own country.").format(
                country=countries.name(host)
            )
        )
        return None
    if s["work"] != "none" and _working(s, host, citizen, on, ctx):
        return None
    if s["status"] != "visa_free":
        if ctx.cite_for(host, "visa_or_permit_holders"):
            ctx.explain(
                _(
                    "The 30-day and 90-in-180-day limits do not apply to immigrants holding a visa or a "
                    "temporary residence permit; they must leave, or extend their stay, before the visa or "
                    "permit expires (art. 6 para 4 of the Law on migration)."
                )
            )
        else:
            ctx.refer(
                _("We hold no rules on stays with a {status} in {country}.").format(
                    status=_(STATUS_NAMES[s["status"]]), country=countries.name(host)
                )
            )
            ctx.explain(
                _(
                    "With a visa or a residence permit the stay follows that document, not a days-in-period "
                    "limit."
                )
            )
        return None

    window = ctx.optional_param(host, "stay_window_days", on)
    limit = ctx.optional_param(host, "stay_limit_days", on)
    if window is None or limit is None:
        where = {"country": countries.name(host), "day": on.isoformat()}
        ctx.refer(_("We hold no stay limit for {country} on {day}.").format(**where))
        ctx.explain(_("No days-in-period limit for {country} is recorded for {day}.").format(**where))
        return None

    cap = None
    if params.exists(host, "stay_single_entry_days"):
        members = ctx.optional_param("eaeu", "members", on)
        if members is not None and citizen in members.value:
            exempt = ctx.value(host, "stay_eaeu_single_entry_exempt", on)
            ctx.explain(
                _(
                    "{country} is a member of the EAEU: only the {limit}-in-{window}-day limit is applied, "
                    "not the 30 days from the border crossing (another order set by agreement; the "
                    "agreement is not in our corpus)."
                ).format(country=countries.name(citizen), limit=limit.value, window=window.value)
            )
            if not exempt:
                cap = ctx.value(host, "stay_single_entry_days", on)
            ctx.warn(
                _(
                    "An EAEU worker with an employment contract in Kazakhstan may stay for the term of the "
                    "contract (EAEU Treaty, art. 97, not in our corpus): ask an advisory centre if you work "
                    "there."
                )
            )
            ctx.cite_for("eaeu", "workers_stay_for_contract")
        else:
            cap = ctx.value(host, "stay_single_entry_days", on)
            ctx.explain(
                _(
                    "Visa-free entry to Kazakhstan: at most {cap} days from each border crossing and at most "
                    "{limit} days within each {window}-day period (art. 6 para 4 of the Law on migration)."
                ).format(cap=cap, limit=limit.value, window=window.value)
            )
            ctx.warn(
                _(
                    "Art. 6 para 4 yields to another order set by an agreement of Kazakhstan with the "
                    "person's country: if Kazakhstan has such an agreement with {country}, it decides."
                ).format(country=countries.name(citizen))
            )
    else:
        ctx.explain(
            _("{country}: {limit} days within any {window}-day period.").format(
                country=countries.name(host), limit=limit.value, window=window.value
            )
        )
    return Regime(window.value, limit.value, cap, host)


def _working(s: dict[str, Any], host: str, citizen: str, on: dt.date, ctx: Context) -> bool:
    """True when work decides the stay (no days-in-period limit then); False: the usual limits apply."""
    if s["work"] == "work_permit":
        if not ctx.cite_for(host, "labour_immigrant_stay"):
            ctx.refer(
                _("We hold no rules on the stay of workers with a permit in {country}.").format(
                    country=countries.name(host)
                )
            )
            return True
        ctx.cite_for(host, "visa_or_permit_holders")
        ctx.explain(
            _(
                "With a labour-immigrant permit you receive a temporary residence permit for the term of the "
                "work permit (art. 43-1 para 2 of the Law on migration), so the 90-in-180-day limit does not "
                "apply; you must leave, or extend the permit, before it ends (art. 6 para 4)."
            )
        )
        return True
    members = ctx.optional_param("eaeu", "members", on)
    if members is not None and host in members.value and citizen in members.value:
        ctx.cite_for("eaeu", "workers_stay_for_contract")
        ctx.explain(
            _(
                "A citizen of an EAEU member state working under an employment contract in another "
                "member state may stay for the term of the contract (EAEU Treaty, art. 97); the "
                "days-in-period limit does not apply then."
            )
        )
        ctx.refer(
            _("The stay for the term of an employment contract rests on the EAEU Treaty, not in our corpus.")
        )
        return True
    ctx.explain(
        _(
            "An employment contract alone does not change the stay limit for a citizen of {country}: in "
            "{host} the work needs a permit (see the work permit check)."
        ).format(country=countries.name(citizen), host=countries.name(host))
    )
    return False
