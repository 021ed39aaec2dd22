"""Stay limit: "N days within any M-day period", on a control date and for a planned entry.

Kazakhstan: art. 6 para 4 of the Law "On migration of the population" — a visa-free immigrant stays at most
30 days from crossing the border and 90 days in total in each 180 days, unless an agreement sets another
order; neither applies to holders of a visa or a temporary residence permit. Russia: 90 in 180 for
visa-free foreigners (Federal Law 115-FZ, not in our corpus). Or any N and M given directly.

The counting conventions and the day-by-day search are in :mod:`kenes.rights.daycount`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kenes.rights import countries
from kenes.rights.answer import Context
from kenes.rights.daycount import DayCount
from kenes.rights.errors import InvalidSituation
from kenes.rights.rule import CITIZENSHIP, COUNTRY, DATE, Rule, out
from kenes.rights.works import EAEU_TREATY, MIGRATION_LAW, OFFENCES_CODE

MAX_STAYS = 1000
MAX_WINDOW = 3660  # ten years: more is a typing error

STATUSES = ("visa_free", "visa", "residence_permit", "permanent_residence")

INPUTS: dict[str, Any] = {
    "type": "object",
    "required": ["stays"],
    "properties": {
        "stays": {
            "type": "array",
            "maxItems": MAX_STAYS,
            "description": "Stays in the host country, in any order; leave 'exit' out for the stay you "
            "are in now. Stays booked for later count too.",
            "items": {
                "type": "object",
                "required": ["entry"],
                "properties": {
                    "entry": {**DATE, "description": "Day of entry (counts as a day of stay)"},
                    "exit": {
                        **DATE,
                        "description": "Day of exit (counts as a day of stay); absent if still there",
                    },
                },
            },
        },
        "on": {**DATE, "description": "Control date (default: today)"},
        "plan_entry": {**DATE, "description": "A planned entry date: how long may that stay last?"},
        "stay_length": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_WINDOW,
            "description": "Days of a wished-for stay: from which date is it possible?",
        },
        "window": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_WINDOW,
            "description": "M: the period, in days",
        },
        "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_WINDOW,
            "description": "N: days allowed in any period",
        },
        "host": {**COUNTRY, "description": "Host country (instead of window and limit)"},
        "citizenship": CITIZENSHIP,
        "status": {
            "type": "string",
            "enum": list(STATUSES),
            "default": "visa_free",
            "description": "How the person stays: visa-free (the limit applies), with a visa, "
            "with a residence permit",
        },
    },
}

OUTPUTS: dict[str, Any] = {
    "on": out("string", "Control date", format="date", null=False),
    "applies": out("boolean", "Whether a days-in-period limit applies to this person at all", null=False),
    "window_days": out("integer", "M, the period in days"),
    "limit_days": out("integer", "N, the days allowed in any period"),
    "single_stay_limit_days": out(
        "integer", "Most days of one continuous stay (border-crossing limit), if any"
    ),
    "window_start": out("string", "First day of the window ending on the control date", format="date"),
    "days_used": out("integer", "Days of stay in that window"),
    "days_remaining": out("integer", "Limit minus days used, not below zero"),
    "overstay_days": out("integer", "Days used beyond the limit (0 when within it)"),
    "compliant": out("boolean", "No day up to the control date went over a limit"),
    "first_violation_day": out(
        "string", "First day a limit was broken, up to the control date", format="date"
    ),
    "first_future_violation_day": out(
        "string",
        "First day after the control date on which the stays already booked break a limit",
        format="date",
    ),
    "open_stay_latest_exit": out("string", "Last day the stay still open may go on", format="date"),
    "plan_entry": out("string", "The planned entry date asked about", format="date"),
    "max_stay_days": out("integer", "Longest stay allowed from the planned entry"),
    "latest_exit": out(
        "string",
        "Last day of the longest stay from the planned entry; without one, the open stay's last allowed day",
        format="date",
    ),
    "stay_length": out("integer", "The wished-for stay length asked about"),
    "next_possible_entry": out(
        "string", "First date from which a stay of stay_length consecutive days is allowed", format="date"
    ),
    "stays_counted": {
        "type": "array",
        "description": "The stays after merging overlapping and touching ones "
        "(an open stay up to the control date)",
        "items": {
            "type": "object",
            "properties": {
                "entry": {"type": "string", "format": "date"},
                "exit": {"type": "string", "format": "date"},
                "days": {"type": "integer"},
                "open": {"type": "boolean"},
            },
        },
    },
}


@dataclass(frozen=True)
class Regime:
    window: int
    limit: int
    cap: int | None
    source: str  # for the explanation


def _d(ordinal: int | None) -> dt.date | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal)


def _regime(s: dict[str, Any], on: dt.date, ctx: Context) -> Regime | None:
    """The limits that apply, or None (recorded in ctx) when none does or none is known."""
    explicit = s["window"] is not None or s["limit"] is not None
    by_country = s["host"] is not None or s["citizenship"] is not None
    if explicit and by_country:
        raise InvalidSituation("give either window and limit, or host and citizenship, not both", "window")
    if explicit:
        if s["window"] is None or s["limit"] is None:
            missing = "window" if s["window"] is None else "limit"
            raise InvalidSituation("window and limit go together: give both", missing)
        if s["limit"] >= s["window"]:
            raise InvalidSituation(
                f"limit ({s['limit']}) must be less than the window ({s['window']}): otherwise nothing is "
                "limited",
                "limit",
            )
        ctx.explain(f"Limit as given: {s['limit']} days within any {s['window']}-day period.")
        return Regime(s["window"], s["limit"], None, "given")
    if s["host"] is None or s["citizenship"] is None:
        missing = "host" if s["host"] is None else "citizenship"
        raise InvalidSituation("give host and citizenship (or window and limit)", missing)

    host, citizen = s["host"], s["citizenship"]
    if host == citizen:
        ctx.explain(
            f"A citizen of {countries.name(host)} is not limited in the days of stay in their own country."
        )
        return None
    if s["status"] != "visa_free":
        if host == "kz":
            ctx.cite(MIGRATION_LAW, "art_6__para_4")
            ctx.explain(
                "The 30-day and 90-in-180-day limits do not apply to immigrants holding a visa or a "
                "temporary residence permit; they must leave, or extend their stay, before the visa or "
                "permit expires (art. 6 para 4 of the Law on migration)."
            )
        else:
            ctx.refer(
                f"We hold no rules on stays with a {s['status'].replace('_', ' ')} in {countries.name(host)}."
            )
            ctx.explain(
                "With a visa or a residence permit the stay follows that document, not a days-in-period "
                "limit."
            )
        return None

    window = ctx.optional_param(host, "stay_window_days", on)
    limit = ctx.optional_param(host, "stay_limit_days", on)
    if window is None or limit is None:
        ctx.refer(f"We hold no stay limit for {countries.name(host)} on {on.isoformat()}.")
        ctx.explain(f"No days-in-period limit for {countries.name(host)} is recorded for {on.isoformat()}.")
        return None

    cap = None
    if host == "kz":
        members = ctx.optional_param("eaeu", "members", on)
        if members is not None and citizen in members.value:
            exempt = ctx.value("kz", "stay_eaeu_single_entry_exempt", on)
            ctx.explain(
                f"{countries.name(citizen)} is a member of the EAEU: only the "
                f"{limit.value}-in-{window.value}-day limit is applied, not the 30 days from the border "
                "crossing (another order set by agreement; the agreement is not in our corpus)."
            )
            if not exempt:
                cap = ctx.value("kz", "stay_single_entry_days", on)
            ctx.warn(
                "An EAEU worker with an employment contract in Kazakhstan may stay for the term of the "
                "contract (EAEU Treaty, art. 97, not in our corpus): ask an advisory centre if you work "
                "there."
            )
            ctx.cite(EAEU_TREATY, "art_97")
        else:
            cap = ctx.value("kz", "stay_single_entry_days", on)
            ctx.explain(
                f"Visa-free entry to Kazakhstan: at most {cap} days from each border crossing and at most "
                f"{limit.value} days within each {window.value}-day period (art. 6 para 4 of the Law on "
                "migration)."
            )
            ctx.warn(
                "Art. 6 para 4 yields to another order set by an agreement of Kazakhstan with the person's "
                f"country: if Kazakhstan has such an agreement with {countries.name(citizen)}, it decides."
            )
    else:
        ctx.explain(f"{countries.name(host)}: {limit.value} days within any {window.value}-day period.")
    return Regime(window.value, limit.value, cap, host)


def _intervals(s: dict[str, Any], on: dt.date) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Stays as ordinal intervals; the open stay (if any) runs to the control date."""
    closed: list[tuple[int, int]] = []
    open_stay = None
    for i, stay in enumerate(s["stays"]):
        entry, exit_ = stay["entry"], stay["exit"]
        if exit_ is None:
            if open_stay is not None:
                raise InvalidSituation(
                    "only one stay can still be open (without an exit date)", f"stays[{i}].exit"
                )
            if entry > on:
                raise InvalidSituation(
                    f"the open stay begins on {entry.isoformat()}, after the control date {on.isoformat()}; "
                    "give the exit date of a future stay",
                    f"stays[{i}].entry",
                )
            open_stay = (entry.toordinal(), on.toordinal())
        else:
            if exit_ < entry:
                raise InvalidSituation(
                    f"exit {exit_.isoformat()} is before entry {entry.isoformat()}", f"stays[{i}].exit"
                )
            closed.append((entry.toordinal(), exit_.toordinal()))
    return closed, open_stay


def compute(s: dict[str, Any], ctx: Context) -> dict[str, Any]:
    on: dt.date = s["on"] or ctx.today
    closed, open_stay = _intervals(s, on)
    result: dict[str, Any] = dict.fromkeys(OUTPUTS)
    result.update(
        on=on, applies=False, plan_entry=s["plan_entry"], stay_length=s["stay_length"], stays_counted=[]
    )

    if open_stay and s["plan_entry"] is not None and s["plan_entry"] <= on:
        raise InvalidSituation(
            f"a stay is still open on {on.isoformat()}: a planned entry must come after the control date",
            "plan_entry",
        )
    regime = _regime(s, on, ctx)
    if regime is None:
        return result

    M, N = regime.window, regime.limit
    everything = closed + ([open_stay] if open_stay else [])
    cal = DayCount(everything, window=M, limit=N, cap=regime.cap)
    d = on.toordinal()
    used = cal.used_on(d)
    first = cal.first_violation(end=d)
    future = cal.first_violation(start=d + 1)
    result.update(
        applies=True,
        window_days=M,
        limit_days=N,
        single_stay_limit_days=regime.cap,
        window_start=_d(d - M + 1),
        days_used=used,
        days_remaining=max(0, N - used),
        overstay_days=max(0, used - N),
        compliant=first is None,
        first_violation_day=_d(first),
        first_future_violation_day=_d(future),
        stays_counted=[
            {
                "entry": _d(a),
                "exit": _d(b),
                "days": b - a + 1,
                "open": bool(open_stay and a <= open_stay[0] <= b),
            }
            for a, b in cal.intervals
        ],
    )
    merged = ", ".join(
        f"{x['entry']}…{x['exit']} ({x['days']} d{', open' if x['open'] else ''})"
        for x in result["stays_counted"]
    )
    ctx.explain(
        "Entry and exit days both count; overlapping or touching stays are merged so no day counts twice: "
        + (merged or "no stays")
        + "."
    )
    if open_stay:
        ctx.explain(f"The stay begun on {_d(open_stay[0])} has no exit yet, so it counts up to {on}.")
    ctx.explain(
        f"The window for {on} runs from {result['window_start']} to {on} ({M} days, both ends included): "
        f"{used} day(s) of stay in it, {result['days_remaining']} of {N} remaining"
        + (f", {result['overstay_days']} over the limit." if used > N else ".")
    )
    if first is None:
        ctx.explain(f"No day up to {on} went over the limit: compliant.")
    else:
        why = (
            f"the window ending that day held {cal.used_on(first)} days, over {N}"
            if cal.used_on(first) > N
            else f"that day was beyond {regime.cap} days of one continuous stay"
        )
        ctx.explain(f"The limit was first broken on {_d(first)}: {why}. Not compliant.")
    if future is not None:
        ctx.warn(f"The stays booked after {on} would break the limit on {_d(future)}.")
        ctx.explain(f"Looking ahead at the stays already booked, the limit would be broken on {_d(future)}.")

    if open_stay:
        rest = DayCount(closed, window=M, limit=N, cap=regime.cap)
        k = rest.longest_stay(open_stay[0])
        last = _d(open_stay[0] + k - 1) if k else None
        result["open_stay_latest_exit"] = last
        if last is None:
            ctx.explain(f"The open stay was over the limit from its first day, {_d(open_stay[0])}.")
        else:
            ctx.explain(
                "Counted day by day, with old days leaving the window as new ones enter and booked stays "
                f"included, the open stay may go on until {last} ({k} days from its entry)."
            )
        result["latest_exit"] = last

    if s["plan_entry"] is not None:
        e = s["plan_entry"].toordinal()
        if open_stay:
            ctx.warn(
                f"The open stay is counted only up to {on}: days you stay after it, before the planned "
                "entry, count too. Give the exit date of that stay to include them."
            )
        k = cal.longest_stay(e)
        result["max_stay_days"] = k
        result["latest_exit"] = _d(e + k - 1) if k else None
        if k:
            ctx.explain(
                f"Entering on {s['plan_entry']}, day by day (old days leave the window as new ones enter, "
                f"and the stays already booked count), the longest stay allowed is {k} day(s), until "
                f"{result['latest_exit']}."
            )
        else:
            ctx.explain(f"No day of stay is allowed from {s['plan_entry']}.")

    if s["stay_length"] is not None:
        n = s["stay_length"]
        # From the planned entry, or else from the first day the person is not already present.
        start = d + 1 if cal.present(d) else d
        if s["plan_entry"] is not None:
            start = s["plan_entry"].toordinal()
        first_ok = cal.next_start(start, n)
        result["next_possible_entry"] = _d(first_ok)
        top = N if regime.cap is None else min(N, regime.cap)
        if first_ok is None:
            ctx.explain(f"A stay of {n} consecutive days is never allowed: at most {top} are.")
        else:
            ctx.explain(
                f"A stay of {n} consecutive days is possible from {_d(first_ok)} (searched from {_d(start)})."
            )

    broken = first is not None or (
        result["open_stay_latest_exit"] is not None and result["open_stay_latest_exit"] < on
    )
    if broken and regime.source == "kz":
        ctx.cite(OFFENCES_CODE, "art_517__para_3")
        ctx.cite(OFFENCES_CODE, "art_517__para_4")
        ctx.explain(
            "Not leaving after the lawful term is an administrative offence: a warning or fines depending "
            "on the days of delay, and expulsion after more than ten days (art. 517 parts 3–4 of the Code "
            "of Administrative Offences)."
        )
    return result


RULE = Rule(
    name="stay",
    title="Stay limit: N days within any M-day period",
    description=(
        "Days used, remaining and over the limit on a control date, whether the limit was ever broken, how "
        "long a stay still open or a planned entry may last, and from when a stay of a given length is "
        "possible. Limits by host country, citizenship and status (Kazakhstan: art. 6 para 4 of the Law on "
        "migration), or given directly as window and limit."
    ),
    inputs=INPUTS,
    outputs=OUTPUTS,
    compute=compute,
    example={
        "stays": [{"entry": "2024-01-01", "exit": "2024-01-10"}, {"entry": "2024-06-01"}],
        "on": "2024-06-14",
        "window": 180,
        "limit": 90,
    },
)
