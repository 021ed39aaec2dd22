"""Stay limit: "N days within any M-day period", on a control date and for a planned entry.

Kazakhstan: art. 6 para 4 of the Law "On migration of the population" — a visa-free immigrant stays at most
30 days from crossing the border and 90 days in total in each 180 days, unless an agreement sets another
order; neither applies to holders of a visa or a temporary residence permit. Russia: 90 in 180 for
visa-free foreigners (Federal Law 115-FZ, not in our corpus). Or any N and M given directly.

The counting conventions and the day-by-day search are in :mod:`kenes.rights.daycount`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kenes.rights.answer import Context
from kenes.rights.daycount import DayCount
from kenes.rights.errors import InvalidSituation
from kenes.rights.i18n import _, days, gettext_noop, ngettext
from kenes.rights.rule import CITIZENSHIP, COUNTRY, DATE, declare, out
from kenes.rights.rules.stay_regime import STATUSES, WORK, regime_for

MAX_STAYS = 1000
MAX_WINDOW = 3660  # ten years: more is a typing error

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
        "work": {
            "type": "string",
            "enum": list(WORK),
            "default": "none",
            "description": "Whether the person works in the host country with a work permit "
            "(labour-immigrant permit) or, as an EAEU citizen, under an employment contract: that changes "
            "which limit applies",
        },
        "document_until": {
            **DATE,
            "description": "Last day of the visa, residence or work permit, or employment contract the stay "
            "rests on (when not visa-free)",
        },
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
    "days_over_window_limit": out(
        "integer",
        "Days of stay in the window ending on the control date beyond the limit (0 when within it). Not how "
        "long the person has been over the limit: see overstay_period",
    ),
    "overstay_days": out("integer", "Deprecated name of days_over_window_limit (the same number)"),
    "overstay_period": {
        "type": ["object", "null"],
        "description": "The person is present on the control date and over a limit: since when, and for how "
        "many days up to the control date (what fines and bans depend on)",
        "properties": {
            "start": {"type": "string", "format": "date"},
            "end": {"type": "string", "format": "date"},
            "days": {"type": "integer"},
        },
    },
    "worst_window": {
        "type": ["object", "null"],
        "description": "The M-day window up to the control date that held the most days of stay",
        "properties": {
            "start": {"type": "string", "format": "date"},
            "end": {"type": "string", "format": "date"},
            "days": {"type": "integer"},
        },
    },
    "lawful_until": out("string", "Last day of the document the stay rests on, as given", format="date"),
    "compliant": out("boolean", "No day up to the control date went over a limit"),
    "first_violation_day": out(
        "string", "First day a limit was broken, up to the control date", format="date"
    ),
    "first_violation_limit": out(
        "string",
        "Which limit first_violation_day broke: 'window' (N days within M) or 'single_stay' (days of one "
        "continuous stay)",
        enum=["window", "single_stay", None],
    ),
    "first_future_violation_day": out(
        "string",
        "First day after the control date on which the stays already booked break a limit",
        format="date",
    ),
    "first_future_violation_limit": out(
        "string",
        "Which limit first_future_violation_day breaks, as first_violation_limit",
        enum=["window", "single_stay", None],
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
                "entry": DATE,
                "exit": DATE,
                "days": {"type": "integer"},
                "open": {"type": "boolean"},
            },
        },
    },
}


def _d(ordinal: int | None) -> dt.date | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal)


def _period(run: tuple[int, int] | None) -> dict[str, Any] | None:
    return None if run is None else {"start": _d(run[0]), "end": _d(run[1]), "days": run[1] - run[0] + 1}


def _worst(cal: DayCount, d: int) -> dict[str, Any] | None:
    end = cal.fullest_window_end(d)
    if end is None:
        return None
    return {"start": _d(end - cal.window + 1), "end": _d(end), "days": cal.used_on(end)}


def _past_document(until: dt.date, on: dt.date, ctx: Context) -> dict[str, Any] | None:
    """The stay rests on a document that ended on ``until``: over it since the next day, if still here."""
    if on <= until:
        ctx.explain(_("Your document allows the stay until {day}.").format(day=until))
        return None
    start = until + dt.timedelta(days=1)
    n = (on - until).days
    ctx.explain(
        _("The document ended on {day}: you have been staying without it since {start}, {n}.").format(
            day=until, start=start, n=days(n)
        )
    )
    return {"start": start, "end": on, "days": n}


def _broken_limit(cal: DayCount, day: int | None) -> str | None:
    """Which limit a violation day broke, so an answer can name the rule and not just "the limit": the
    window when it holds more than N days that day (it wins when both break), else the single-stay cap."""
    if day is None:
        return None
    return "window" if cal.used_on(day) > cal.limit else "single_stay"


def _intervals(s: dict[str, Any], on: dt.date) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Stays as ordinal intervals; the open stay (if any) runs to the control date."""
    closed: list[tuple[int, int]] = []
    open_stay = None
    for i, stay in enumerate(s["stays"]):
        entry, exit_ = stay["entry"], stay["exit"]
        if exit_ is None:
            if open_stay is not None:
                raise InvalidSituation(
                    _("only one stay can still be open (without an exit date)"), f"stays[{i}].exit"
                )
            if entry > on:
                raise InvalidSituation(
                    _(
                        "the open stay begins on {entry}, after the control date {on}; give the exit date "
                        "of a future stay"
                    ).format(entry=entry.isoformat(), on=on.isoformat()),
                    f"stays[{i}].entry",
                )
            open_stay = (entry.toordinal(), on.toordinal())
        else:
            if exit_ < entry:
                raise InvalidSituation(
                    _("exit {exit} is before entry {entry}").format(
                        exit=exit_.isoformat(), entry=entry.isoformat()
                    ),
                    f"stays[{i}].exit",
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
    result["lawful_until"] = s["document_until"]

    if open_stay and s["plan_entry"] is not None and s["plan_entry"] <= on:
        raise InvalidSituation(
            _("a stay is still open on {on}: a planned entry must come after the control date").format(
                on=on.isoformat()
            ),
            "plan_entry",
        )
    regime = regime_for(s, on, ctx)
    if regime is None:
        if s["document_until"] is not None and open_stay:
            result["overstay_period"] = _past_document(s["document_until"], on, ctx)
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
        days_over_window_limit=max(0, used - N),
        overstay_days=max(0, used - N),
        overstay_period=_period(cal.overstay_run(d)),
        worst_window=_worst(cal, d),
        compliant=first is None,
        first_violation_day=_d(first),
        first_violation_limit=_broken_limit(cal, first),
        first_future_violation_day=_d(future),
        first_future_violation_limit=_broken_limit(cal, future),
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
        "{entry}…{exit} ({days})".format(
            entry=x["entry"],
            exit=x["exit"],
            days=_("{n} d, open").format(n=x["days"]) if x["open"] else _("{n} d").format(n=x["days"]),
        )
        for x in result["stays_counted"]
    )
    ctx.explain(
        _(
            "Entry and exit days both count; overlapping or touching stays are merged so no day counts "
            "twice: {stays}."
        ).format(stays=merged or _("no stays"))
    )
    if open_stay:
        ctx.explain(
            _("The stay begun on {entry} has no exit yet, so it counts up to {on}.").format(
                entry=_d(open_stay[0]), on=on
            )
        )
    window_text = _(
        "The window for {on} runs from {start} to {on} ({window} days, both ends included): {used} in it, "
        "{left} of {limit} remaining"
    ).format(
        on=on,
        start=result["window_start"],
        window=M,
        used=ngettext("{n} day of stay", "{n} days of stay", used).format(n=used),
        left=result["days_remaining"],
        limit=N,
    )
    if used > N:
        ctx.explain(
            _("{window_text}, {over} over the limit.").format(
                window_text=window_text, over=result["overstay_days"]
            )
        )
    else:
        ctx.explain(window_text + ".")
    period = result["overstay_period"]
    if period is not None:
        ctx.explain(
            _("You have been over the limit since {start}: {n} up to {on}.").format(
                start=period["start"], n=days(period["days"]), on=on
            )
        )
    if first is None:
        ctx.explain(_("No day up to {on} went over the limit: compliant.").format(on=on))
    else:
        if result["first_violation_limit"] == "window":
            why = _("the window ending that day held {used} days, over {limit}").format(
                used=cal.used_on(first), limit=N
            )
        else:
            why = _("that day was beyond {cap} days of one continuous stay").format(cap=regime.cap)
        ctx.explain(
            _("The limit was first broken on {day}: {why}. Not compliant.").format(day=_d(first), why=why)
        )
    if future is not None:
        ctx.warn(
            _("The stays booked after {on} would break the limit on {day}.").format(on=on, day=_d(future))
        )
        ctx.explain(
            _("Looking ahead at the stays already booked, the limit would be broken on {day}.").format(
                day=_d(future)
            )
        )

    if open_stay:
        rest = DayCount(closed, window=M, limit=N, cap=regime.cap)
        k = rest.longest_stay(open_stay[0])
        last = _d(open_stay[0] + k - 1) if k else None
        result["open_stay_latest_exit"] = last
        if last is None:
            ctx.explain(
                _("The open stay was over the limit from its first day, {day}.").format(day=_d(open_stay[0]))
            )
        else:
            ctx.explain(
                _(
                    "Counted day by day, with old days leaving the window as new ones enter and booked stays "
                    "included, the open stay may go on until {day} ({n} days from its entry)."
                ).format(day=last, n=k)
            )
        result["latest_exit"] = last

    if s["plan_entry"] is not None:
        e = s["plan_entry"].toordinal()
        if open_stay:
            ctx.warn(
                _(
                    "The open stay is counted only up to {on}: days you stay after it, before the planned "
                    "entry, count too. Give the exit date of that stay to include them."
                ).format(on=on)
            )
        k = cal.longest_stay(e)
        result["max_stay_days"] = k
        result["latest_exit"] = _d(e + k - 1) if k else None
        if k:
            ctx.explain(
                _(
                    "Entering on {entry}, day by day (old days leave the window as new ones enter, and the "
                    "stays already booked count), the longest stay allowed is {n}, until {exit}."
                ).format(
                    entry=s["plan_entry"],
                    n=days(k),
                    exit=result["latest_exit"],
                )
            )
        else:
            ctx.explain(_("No day of stay is allowed from {entry}.").format(entry=s["plan_entry"]))

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
            ctx.explain(
                _("A stay of {n} consecutive days is never allowed: at most {top} are.").format(n=n, top=top)
            )
        else:
            ctx.explain(
                _("A stay of {n} consecutive days is possible from {day} (searched from {start}).").format(
                    n=n, day=_d(first_ok), start=_d(start)
                )
            )

    broken = first is not None or (
        result["open_stay_latest_exit"] is not None and result["open_stay_latest_exit"] < on
    )
    if broken and ctx.cite_for(regime.source, "overstay_offence"):
        ctx.explain(
            _(
                "Not leaving after the lawful term is an administrative offence: a warning or fines "
                "depending on the days of delay, and expulsion after more than ten days (art. 517 parts 3–4 "
                "of the Code of Administrative Offences)."
            )
        )
    return result


RULE = declare(
    __name__,
    name="stay",
    title="Stay limit: N days within any M-day period",
    description=(
        "Days used, remaining and over the limit on a control date, whether the limit was ever broken, how "
        "long a stay still open or a planned entry may last, and from when a stay of a given length is "
        "possible. Limits by host country, citizenship and status (Kazakhstan: art. 6 para 4 of the Law on "
        "migration), or given directly as window and limit."
    ),
    heading=gettext_noop("Days of stay"),
    question=gettext_noop("How many days may I still stay, and have I gone over the 90-in-180-days limit?"),
    quantities=(
        "members",
        "stay_eaeu_single_entry_exempt",
        "stay_limit_days",
        "stay_single_entry_days",
        "stay_window_days",
    ),
    example={
        "stays": [{"entry": "2024-01-01", "exit": "2024-01-10"}, {"entry": "2024-06-01"}],
        "on": "2024-06-14",
        "window": 180,
        "limit": 90,
    },
)
