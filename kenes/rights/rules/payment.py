"""Wage payment deadline: by when must a month's wages be paid, and how late were they? (Kazakhstan)

Labour Code art. 113 para 1: wages are paid at least monthly, no later than the first decade (ten days) of
the following month, on the day the employment or collective agreement sets; a pay day falling on a day
off moves to the working day before. Para 3: late wages carry a penalty for every calendar day from the
day after the due date to the day of payment, at 1.25 times the National Bank's base rate.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from kenes.rights import basis
from kenes.rights.answer import Context
from kenes.rights.complaint import ROUTES
from kenes.rights.delay import settle
from kenes.rights.i18n import _, gettext_noop
from kenes.rights.rule import COUNTRY, DATE, WORKING_DAYS, declare, out
from kenes.rights.workdays import WorkCalendar

INPUTS: dict[str, Any] = {
    "type": "object",
    "required": ["month"],
    "properties": {
        "month": {"type": "string", "format": "month", "description": "The month worked, YYYY-MM"},
        "country": {**COUNTRY, "default": "kz"},
        "pay_day": {
            "type": "integer",
            "minimum": 1,
            "maximum": 31,
            "description": "Pay day in the following month set by the employment or collective agreement",
        },
        "paid_on": {**DATE, "description": "Day the wages were actually paid; leave out if not paid yet"},
        "on": {**DATE, "description": "Control date for wages not paid yet (default: today)"},
        **WORKING_DAYS,
    },
}

OUTPUTS: dict[str, Any] = {
    "month": out("string", "The month worked (YYYY-MM)", null=False),
    "latest_lawful_pay_day": out(
        "string", "Last day of the first decade of the following month", format="date"
    ),
    "payment_due": out("string", "Day the wages are due, moved before days off", format="date"),
    "paid_on": out("string", "Day paid, as given", format="date"),
    "on": out("string", "Control date: unpaid wages are late as of this day", format="date", null=False),
    "paid": out("boolean", "Whether a payment date was given", null=False),
    "late": out(
        "boolean",
        "Paid after the due day, or not paid and the due day has passed by the control date (null: not paid "
        "and not due yet)",
    ),
    "days_late": out(
        "integer", "Calendar days after the due day: to the payment, or to the control date if unpaid"
    ),
    "penalty_days": out("integer", "Calendar days of delay the penalty runs for (so far, if unpaid)"),
    "penalty_rate_multiple": out("number", "Penalty rate as a multiple of the National Bank's base rate"),
    "complain_to": {
        "type": "array",
        "items": {"type": "string", "enum": list(ROUTES)},
        "description": "Where to complain about the delay (empty when the pay is not late)",
    },
}


def next_month(first: dt.date) -> dt.date:
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def compute(s: dict[str, Any], ctx: Context) -> dict[str, Any]:
    month: dt.date = s["month"]
    result: dict[str, Any] = dict.fromkeys(OUTPUTS)
    on: dt.date = s["on"] or ctx.today
    result.update(
        month=f"{month.year:04d}-{month.month:02d}",
        paid_on=s["paid_on"],
        on=on,
        paid=s["paid_on"] is not None,
        complain_to=[],
    )
    if not basis.covers(s["country"], "wage-payment"):
        ctx.refer(_("We hold wage payment rules for Kazakhstan only; ask an advisory centre."))
        return result

    following = next_month(month)
    last_day = ctx.value(s["country"], "wage_payment_last_day", following)
    if last_day is None:
        ctx.explain(
            _("The wage payment rule in force in {month} is not in our corpus.").format(
                month=f"{following:%Y-%m}"
            )
        )
        return result
    cal = WorkCalendar.of(s["working_week"], s["holidays"])
    lawful = following.replace(day=last_day)
    result["latest_lawful_pay_day"] = lawful
    ctx.explain(
        _(
            "Wages for {month} must be paid no later than the first decade of the following month, i.e. by "
            "{day} (art. 113 para 1 of the Labour Code)."
        ).format(month=result["month"], day=lawful)
    )
    day = lawful
    if s["pay_day"] is not None:
        days_in = calendar.monthrange(following.year, following.month)[1]
        agreed = following.replace(day=min(s["pay_day"], days_in))
        if agreed > lawful:
            ctx.warn(
                _(
                    "A pay day on day {n} of the month is later than the law allows: the wages are still due "
                    "by {day}."
                ).format(n=s["pay_day"], day=lawful)
            )
            ctx.explain(
                _("The agreed pay day, {agreed}, is after {day}; the law's limit applies.").format(
                    agreed=agreed, day=lawful
                )
            )
        else:
            day = agreed
            ctx.explain(_("The agreement sets the pay day: {day}.").format(day=agreed))
    due = cal.last_working_day_on_or_before(day)
    if due != day:
        ctx.explain(
            _("{day} is a day off, so the wages are paid on the working day before: {due}.").format(
                day=day, due=due
            )
        )
        if not s["holidays"]:
            ctx.warn(
                _("Public holidays were not given: only weekends and 7 January were treated as days off.")
            )
    result["payment_due"] = due

    paid_late = _(
        "Paid on {day}, {late} late: the employer owes the wages plus a penalty for each of "
        "those calendar days at {rate} times the National Bank's base rate on the day of payment "
        "(art. 113 para 3)."
    )
    unpaid_late = _(
        "Not paid by {on}: the wages are {late} late. The employer owes the wages and a penalty for "
        "each calendar day from {start} until the day they are paid, at {rate} times the National "
        "Bank's base rate on that day (art. 113 para 3)."
    )
    delay = settle(ctx, result, s["country"], due, s["paid_on"], on, paid_late, unpaid_late)
    if not delay.paid and not delay.late:
        ctx.explain(_("Not paid yet, and not due yet on {on}.").format(on=on))
    return result


RULE = declare(
    __name__,
    name="wage-payment",
    title="Wage payment deadline",
    description=(
        "By when a month's wages must be paid (no later than the first ten days of the following month, on "
        "the agreed pay day, earlier when it falls on a day off), and the days of delay the penalty runs "
        "for."
    ),
    heading=gettext_noop("Wage payment deadline"),
    question=gettext_noop("By what day must my wages for a month be paid, and how late are they?"),
    quantities=(
        "late_payment_penalty_multiple",
        "wage_payment_last_day",
    ),
    example={"month": "2026-05", "paid_on": "2026-06-15"},
)
