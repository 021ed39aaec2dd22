"""Registration after arrival: who must register, and by when (Kazakhstan).

Law "On migration of the population", art. 6: an immigrant entering for more than 30 calendar days
registers with the internal affairs bodies no later than the 30th calendar day after crossing the border
(para 5), and again within five working days of changing address; the receiving person informs the
internal affairs bodies within three working days of the arrival (para 4). Both yield to ratified treaties:
for EAEU citizens the EAEU Treaty (not in our corpus) exempts them for 30 days from entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kenes.rights import basis, countries
from kenes.rights.answer import Context
from kenes.rights.errors import InvalidSituation
from kenes.rights.i18n import _, gettext_noop
from kenes.rights.rule import CITIZENSHIP, COUNTRY, DATE, WORKING_DAYS, declare, out
from kenes.rights.workdays import WorkCalendar

INPUTS: dict[str, Any] = {
    "type": "object",
    "required": ["host", "citizenship", "entry"],
    "properties": {
        "host": COUNTRY,
        "citizenship": CITIZENSHIP,
        "entry": {**DATE, "description": "Day the border was crossed"},
        "planned_exit": {
            **DATE,
            "description": "Planned day of leaving (the entry and exit days both count)",
        },
        "intended_days": {
            "type": "integer",
            "minimum": 1,
            "maximum": 3660,
            "description": "Or: planned days of stay",
        },
        "address_changed_on": {**DATE, "description": "Day the person moved to a new address, if they did"},
        **WORKING_DAYS,
    },
}

OUTPUTS: dict[str, Any] = {
    "entry": out("string", "Day of entry", format="date", null=False),
    "intended_days": out("integer", "Planned days of stay, entry and exit days included (null if not given)"),
    "registration_required": out(
        "boolean", "Whether the immigrant must register (null if the stay length is unknown)"
    ),
    "registration_deadline": out(
        "string", "Last day to register, if the stay is longer than the threshold", format="date"
    ),
    "registration_exempt_until": out(
        "string", "EAEU citizens: last day of the exemption from registration", format="date"
    ),
    "host_notice_deadline": out(
        "string", "Last day for the receiving person to inform the internal affairs bodies", format="date"
    ),
    "address_change_deadline": out("string", "Last day to register at a new address", format="date"),
    "who_registers": {
        "type": "array",
        "items": {"type": "string"},
        "description": "immigrant, receiving_person",
    },
}


def compute(s: dict[str, Any], ctx: Context) -> dict[str, Any]:
    entry: dt.date = s["entry"]
    host, citizen = s["host"], s["citizenship"]
    result: dict[str, Any] = dict.fromkeys(OUTPUTS)
    result.update(entry=entry, who_registers=[])

    if s["planned_exit"] is not None and s["intended_days"] is not None:
        raise InvalidSituation(_("give planned_exit or intended_days, not both"), "intended_days")
    if s["planned_exit"] is not None:
        if s["planned_exit"] < entry:
            raise InvalidSituation(
                _("planned exit {exit} is before entry {entry}").format(
                    exit=s["planned_exit"].isoformat(), entry=entry.isoformat()
                ),
                "planned_exit",
            )
        result["intended_days"] = (s["planned_exit"] - entry).days + 1
    else:
        result["intended_days"] = s["intended_days"]
    if s["address_changed_on"] is not None and s["address_changed_on"] < entry:
        raise InvalidSituation(_("the address cannot change before the entry"), "address_changed_on")

    reason = _("Citizens of {country} do not register as immigrants in their own country.")
    if countries.at_home(ctx, s, result, "registration_required", reason):
        return result
    if not basis.covers(host, "registration"):
        country = countries.name(host)
        ctx.refer(
            _("We hold no registration rules for {country}; ask an advisory centre.").format(country=country)
        )
        ctx.explain(_("No registration rules for {country} are recorded.").format(country=country))
        return result

    threshold = ctx.value(host, "registration_threshold_days", entry)
    deadline_days = ctx.value(host, "registration_deadline_days", entry)
    notice_days = ctx.value(host, "host_notice_working_days", entry)
    move_days = ctx.value(host, "registration_address_change_working_days", entry)
    cal = WorkCalendar.of(s["working_week"], s["holidays"])
    if not s["holidays"]:
        ctx.warn(
            _(
                "Public holidays were not given, so only weekends and 7 January were skipped when counting "
                "working days (the Law on holidays is not in our corpus)."
            )
        )

    if notice_days is not None:
        result["host_notice_deadline"] = cal.nth_working_day_after(entry, notice_days)
        result["who_registers"].append("receiving_person")
        ctx.cite_for(host, "late_host_notice_offence")
        ctx.explain(
            _(
                "The receiving person (landlord, host or employer providing the housing) must inform the "
                "internal affairs bodies within {n} working days of the arrival, counted from the next day: "
                "by {day} (art. 6 para 4 of the Law on migration; late notice is an offence under art. 518 "
                "part 1 of the Code of Administrative Offences)."
            ).format(n=notice_days, day=result["host_notice_deadline"])
        )

    if threshold is None or deadline_days is None:
        ctx.explain(_("The registration rule in force on {day} is not in our corpus.").format(day=entry))
        return result

    deadline = entry + dt.timedelta(days=deadline_days)
    stay = result["intended_days"]
    result["registration_required"] = None if stay is None else stay > threshold
    if stay is None:
        ctx.explain(
            _(
                "Planned length of stay not given: registration is needed only for a stay of more than "
                "{threshold} days, and then by {day}."
            ).format(threshold=threshold, day=deadline)
        )
    elif stay > threshold:
        ctx.explain(
            _(
                "A stay of {n} days (entry and exit days counted) is longer than {threshold} calendar days, "
                "so the immigrant must register with the internal affairs bodies (art. 6 para 5 of the Law "
                "on migration)."
            ).format(n=stay, threshold=threshold)
        )
    else:
        ctx.explain(
            _("A stay of {n} days is not longer than {threshold} days: no registration is needed.").format(
                n=stay, threshold=threshold
            )
        )
    if result["registration_required"] is not False:
        result["registration_deadline"] = deadline
        result["who_registers"].insert(0, "immigrant")
        ctx.explain(
            _(
                "Registration is due no later than calendar day {n} after crossing the border, counted from "
                "the next day: {day}. When in doubt, register earlier."
            ).format(n=deadline_days, day=deadline)
        )
        if s["address_changed_on"] is not None and move_days is not None:
            result["address_change_deadline"] = cal.nth_working_day_after(s["address_changed_on"], move_days)
            ctx.explain(
                _(
                    "After moving on {moved}, registration at the new address is due within {n} working "
                    "days: by {day} (art. 6 para 5)."
                ).format(moved=s["address_changed_on"], n=move_days, day=result["address_change_deadline"])
            )

    members = ctx.optional_param("eaeu", "members", entry)
    if members is not None and host in members.value and citizen in members.value:
        exempt = ctx.value("eaeu", "registration_exemption_days", entry) or 0
        ctx.cite_for("eaeu", "workers_exempt")
        until = entry + dt.timedelta(days=exempt - 1)
        result["registration_exempt_until"] = until
        ctx.explain(
            _(
                "As a citizen of an EAEU member state ({country}), the person is exempt from registration "
                "for {n} days from entry, until {day} (EAEU Treaty, art. 97 — not in our corpus); the Law on "
                "migration yields to ratified treaties."
            ).format(country=countries.name(citizen), n=exempt, day=until)
        )
        due = result["registration_deadline"]
        if due is not None and until < due:
            result["registration_deadline"] = until
            ctx.explain(
                _("To be safe, the earlier of the two dates is given as the deadline: {day}.").format(
                    day=until
                )
            )
    else:
        ctx.warn(
            _(
                "Art. 6 para 5 yields to ratified international treaties: an agreement between Kazakhstan "
                "and {country} may set other terms."
            ).format(country=countries.name(citizen))
        )
    return result


RULE = declare(
    __name__,
    name="registration",
    title="Registration after arrival",
    description=(
        "Who must register a newly arrived immigrant and by when (Kazakhstan: art. 6 paras 4–5 of the Law "
        "on migration): the immigrant's registration deadline, the receiving person's notice deadline and "
        "the deadline after a change of address."
    ),
    heading=gettext_noop("Registration after arrival"),
    question=gettext_noop("Must I register after entering the country, and by what date?"),
    quantities=(
        "host_notice_working_days",
        "members",
        "registration_address_change_working_days",
        "registration_deadline_days",
        "registration_exemption_days",
        "registration_threshold_days",
    ),
    example={"host": "kz", "citizenship": "kg", "entry": "2026-03-02", "intended_days": 60},
)
