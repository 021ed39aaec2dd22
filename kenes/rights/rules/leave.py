"""Paid annual leave earned, used and owed (Kazakhstan Labour Code).

24 calendar days a year (art. 88) plus any additional leave (art. 89; totals add up, art. 90 para 2), per
working year of twelve months from the first day of work (art. 92 para 2); part time does not shorten it
(art. 70 para 2). Leave is paid at least three working days before it starts (art. 92 para 4), and unused
days are compensated when the contract ends (art. 96 para 2). How days accrue within an unfinished working
year is not in the Code we hold: that part of the answer is unverified.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from kenes.rights import basis, countries
from kenes.rights.answer import Context
from kenes.rights.errors import InvalidSituation
from kenes.rights.i18n import _, gettext_noop
from kenes.rights.i18n import days as _days
from kenes.rights.rule import COUNTRY, DATE, WORKING_DAYS, declare, out
from kenes.rights.workdays import WorkCalendar

INPUTS: dict[str, Any] = {
    "type": "object",
    "required": ["employment_start"],
    "properties": {
        "employment_start": {**DATE, "description": "First day of work"},
        "country": {**COUNTRY, "default": "kz"},
        "on": {**DATE, "description": "Date to count to (default: today)"},
        "terminated_on": {
            **DATE,
            "description": "Day the contract ended: count to it and work out compensation",
        },
        "leave_taken_days": {
            "type": "integer",
            "minimum": 0,
            "maximum": 20000,
            "default": 0,
            "description": "Days of paid annual leave already taken",
        },
        "additional_leave_days": {
            "type": "integer",
            "minimum": 0,
            "maximum": 366,
            "default": 0,
            "description": "Additional annual leave a year (hazardous work, disability, agreement)",
        },
        "leave_start": {**DATE, "description": "First day of a planned leave: when must it be paid?"},
        **WORKING_DAYS,
    },
}

OUTPUTS: dict[str, Any] = {
    "as_of": out("string", "Date counted to", format="date", null=False),
    "annual_leave_days": out("integer", "Paid annual leave a working year, in calendar days"),
    "working_years_completed": out("integer", "Full working years since the first day of work"),
    "current_working_year_start": out("string", "First day of the working year in progress", format="date"),
    "current_working_year_end": out("string", "Last day of that working year", format="date"),
    "months_in_current_year": out("integer", "Whole months worked in the working year in progress"),
    "days_earned_full_years": out("number", "Leave earned by the completed working years"),
    "days_earned_current_year": out("number", "Leave accrued in the year in progress, pro rata (unverified)"),
    "days_earned": out("number", "Total leave earned"),
    "days_taken": out("integer", "Leave taken, as given", null=False),
    "days_unused": out("number", "Earned and not taken"),
    "compensation_days": out("number", "Unused days to be compensated on termination"),
    "leave_pay_deadline": out("string", "Last day to pay the planned leave", format="date"),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day where it has none (art. 13 para 4 style)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` through ``end`` inclusive (a month is whole on the day before its "
    "anniversary)."""
    n = max(0, (end.year - start.year) * 12 + end.month - start.month - 1)
    while add_months(start, n + 1) <= end + dt.timedelta(days=1):
        n += 1
    return n


def compute(s: dict[str, Any], ctx: Context) -> dict[str, Any]:
    start: dt.date = s["employment_start"]
    as_of: dt.date = s["terminated_on"] or s["on"] or ctx.today
    if as_of < start:
        field = "terminated_on" if s["terminated_on"] else "on"
        raise InvalidSituation(
            _("{day} is before the first day of work {start}").format(
                day=as_of.isoformat(), start=start.isoformat()
            ),
            field,
        )
    result: dict[str, Any] = dict.fromkeys(OUTPUTS)
    result.update(as_of=as_of, days_taken=s["leave_taken_days"])
    country = s["country"]
    if not basis.covers(country, "leave"):
        ctx.refer(
            _("We hold no rules for this check in {country}; ask an advisory centre.").format(
                country=countries.name(country)
            )
        )
        return result

    base = ctx.value(country, "annual_leave_days", as_of)
    year_months = ctx.value(country, "working_year_months", as_of)
    if base is None or year_months is None:
        ctx.explain(_("The leave rules in force on {day} are not in our corpus.").format(day=as_of))
        return result
    annual = base + s["additional_leave_days"]
    result["annual_leave_days"] = annual
    ctx.explain(_("Basic paid annual leave: {n} calendar days (art. 88 of the Labour Code).").format(n=base))
    if s["additional_leave_days"]:
        ctx.cite_for(country, "additional_leave")
        ctx.explain(
            _("With {extra} of additional leave the yearly leave is {n} days (art. 90 para 2).").format(
                extra=_days(s["additional_leave_days"]), n=annual
            )
        )

    months = whole_months(start, as_of)
    years, in_year = divmod(months, year_months)
    cys = add_months(start, years * year_months)
    result.update(
        working_years_completed=years,
        current_working_year_start=cys,
        current_working_year_end=add_months(start, (years + 1) * year_months) - dt.timedelta(days=1),
        months_in_current_year=in_year,
        days_earned_full_years=years * annual,
    )
    ctx.explain(
        _(
            "A working year is {n} months from the first day of work, {start} (art. 92 para 2): by {day}, "
            "full working years: {years}; whole months of the year begun on {year_start}: {months}."
        ).format(n=year_months, start=start, day=as_of, years=years, year_start=cys, months=in_year)
    )
    ctx.cite_for(country, "time_counted")
    ctx.explain(
        _(
            "Counted as time worked are the periods of art. 91 (work, paid absences, sick leave, maternity "
            "leave); part-time work does not shorten the leave (art. 70 para 2). Periods not counted are not "
            "deducted here."
        )
    )
    current = 0.0
    if in_year:
        accrual = ctx.value(country, "leave_accrual_months", as_of)
        if accrual:
            current = round(annual * in_year / accrual, 2)
            ctx.explain(
                _(
                    "For the unfinished year, leave is taken as accruing evenly: "
                    "{annual} × {months}/{accrual} = {n} (not stated in the Code we hold)."
                ).format(annual=annual, months=in_year, accrual=accrual, n=_days(current))
            )
        else:  # pragma: no cover - the data holds a value
            current = None
    result["days_earned_current_year"] = current
    if current is None:  # pragma: no cover
        return result
    earned = years * annual + current
    result["days_earned"] = earned
    unused = earned - s["leave_taken_days"]
    if unused < 0:
        ctx.warn(
            _("More leave was taken ({taken}) than earned ({earned}).").format(
                taken=_days(s["leave_taken_days"]), earned=_days(earned)
            )
        )
    result["days_unused"] = max(0.0, round(unused, 2))
    ctx.explain(
        _("Earned: {earned}; taken: {taken}; unused: {unused}.").format(
            earned=_days(earned), taken=_days(s["leave_taken_days"]), unused=_days(result["days_unused"])
        )
    )
    if years >= 2 and unused >= 2 * annual:
        ctx.cite_for(country, "two_years_without_leave")
        ctx.warn(
            _(
                "Leave seems not to have been granted for two years in a row, which the Code forbids "
                "(art. 94 para 3)."
            )
        )

    if s["terminated_on"] is not None:
        result["compensation_days"] = result["days_unused"]
        ctx.cite_for(country, "unused_leave_compensation")
        ctx.explain(
            _(
                "The contract ended on {day}: the unused leave ({unused}) is compensated at the average wage "
                "(art. 96 para 2), within the final settlement (see the 'final-settlement' rule)."
            ).format(day=as_of, unused=_days(result["days_unused"]))
        )

    if s["leave_start"] is not None:
        before = ctx.value(country, "leave_pay_working_days_before", s["leave_start"])
        if before is not None:
            cal = WorkCalendar.of(s["working_week"], s["holidays"])
            result["leave_pay_deadline"] = cal.nth_working_day_before(s["leave_start"], before)
            ctx.explain(
                _(
                    "Leave starting on {start} is paid no later than {n} working days before it: by {day} "
                    "(art. 92 para 4)."
                ).format(start=s["leave_start"], n=before, day=result["leave_pay_deadline"])
            )
            if not s["holidays"]:
                ctx.warn(
                    _("Public holidays were not given: only weekends and 7 January were treated as days off.")
                )
    return result


RULE = declare(
    __name__,
    name="leave",
    title="Paid annual leave",
    description=(
        "Paid annual leave earned (24 calendar days a working year plus additional leave), taken and "
        "unused, the compensation owed for unused days on termination, and the last day to pay a planned "
        "leave."
    ),
    heading=gettext_noop("Paid annual leave"),
    question=gettext_noop("How many days of paid annual leave have I earned and not used?"),
    quantities=(
        "annual_leave_days",
        "leave_accrual_months",
        "leave_pay_working_days_before",
        "working_year_months",
    ),
    example={"employment_start": "2024-03-15", "on": "2026-06-30", "leave_taken_days": 24},
)
