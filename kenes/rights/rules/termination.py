"""Final settlement on termination: by when all sums due must be paid (Kazakhstan).

Labour Code art. 113 para 4: no later than three working days after the contract ends, with the same
penalty as for late wages; the term starts the day after the termination (art. 13 para 3). On the day of
termination the employer also hands over the document confirming the work done (art. 62 para 1), and the
settlement includes compensation for unused paid annual leave (art. 96 para 2).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kenes.rights import basis
from kenes.rights.answer import Context
from kenes.rights.complaint import ROUTES
from kenes.rights.delay import settle
from kenes.rights.i18n import _, gettext_noop
from kenes.rights.i18n import days as _days
from kenes.rights.rule import COUNTRY, DATE, WORKING_DAYS, declare, out
from kenes.rights.workdays import WorkCalendar

INPUTS: dict[str, Any] = {
    "type": "object",
    "required": ["terminated_on"],
    "properties": {
        "terminated_on": {**DATE, "description": "Day the employment contract ended"},
        "country": {**COUNTRY, "default": "kz"},
        "paid_on": {**DATE, "description": "Day the final settlement was paid; leave out if not paid yet"},
        "on": {**DATE, "description": "Control date for a settlement not paid yet (default: today)"},
        "unused_leave_days": {
            "type": "number",
            "minimum": 0,
            "maximum": 3660,
            "description": "Days of paid annual leave not used (see the 'leave' rule)",
        },
        **WORKING_DAYS,
    },
}

OUTPUTS: dict[str, Any] = {
    "terminated_on": out("string", "Day the contract ended", format="date", null=False),
    "settlement_deadline": out("string", "Last day to pay all sums due", format="date"),
    "work_record_due": out(
        "string", "Day the document confirming the work must be handed over", format="date"
    ),
    "unused_leave_compensation_days": out("number", "Days of unused leave to be compensated"),
    "paid_on": out("string", "Day paid, as given", format="date"),
    "on": out(
        "string", "Control date: an unpaid settlement is late as of this day", format="date", null=False
    ),
    "paid": out("boolean", "Whether a payment date was given", null=False),
    "late": out(
        "boolean",
        "Paid after the deadline, or not paid and the deadline has passed by the control date (null: not "
        "paid and not due yet)",
    ),
    "days_late": out("integer", "Calendar days after the deadline: to the payment, or to the control date"),
    "penalty_days": out("integer", "Calendar days of delay the penalty runs for (so far, if unpaid)"),
    "penalty_rate_multiple": out("number", "Penalty rate as a multiple of the National Bank's base rate"),
    "complain_to": {
        "type": "array",
        "items": {"type": "string", "enum": list(ROUTES)},
        "description": "Where to complain about the delay (empty when the settlement is not late)",
    },
}


def compute(s: dict[str, Any], ctx: Context) -> dict[str, Any]:
    end: dt.date = s["terminated_on"]
    result: dict[str, Any] = dict.fromkeys(OUTPUTS)
    on: dt.date = s["on"] or ctx.today
    result.update(
        terminated_on=end, paid_on=s["paid_on"], on=on, paid=s["paid_on"] is not None, complain_to=[]
    )
    if not basis.covers(s["country"], "final-settlement"):
        ctx.refer(_("We hold termination rules for Kazakhstan only; ask an advisory centre."))
        return result
    if s["paid_on"] is not None and s["paid_on"] < end:
        ctx.explain(_("Paid on {day}, before the contract ended.").format(day=s["paid_on"]))

    days = ctx.value(s["country"], "final_settlement_working_days", end)
    if days is None:
        ctx.explain(_("The settlement rule in force on {day} is not in our corpus.").format(day=end))
        return result
    cal = WorkCalendar.of(s["working_week"], s["holidays"])
    deadline = cal.nth_working_day_after(end, days)
    result["settlement_deadline"] = deadline
    ctx.cite_for(s["country"], "term_counting")
    ctx.explain(
        _(
            "All sums due must be paid no later than {n} working days after the contract ends (art. 113 "
            "para 4 of the Labour Code), counting from the next day (art. 13 para 3): by {day}."
        ).format(n=days, day=deadline)
    )
    if not s["holidays"]:
        ctx.warn(
            _(
                "Public holidays were not given, so only weekends and 7 January were skipped when counting "
                "working days (the Law on holidays is not in our corpus)."
            )
        )
    result["work_record_due"] = end
    ctx.cite_for(s["country"], "work_record")
    ctx.explain(
        _(
            "The document confirming the work done is handed over on the day the contract ends, {day} "
            "(art. 62)."
        ).format(day=end)
    )

    if s["unused_leave_days"]:
        result["unused_leave_compensation_days"] = s["unused_leave_days"]
        ctx.cite_for(s["country"], "unused_leave")
        ctx.explain(
            _(
                "The settlement includes compensation for {days} of unused paid annual leave, at the "
                "average wage (art. 96 para 2)."
            ).format(days=_days(s["unused_leave_days"]))
        )

    paid_late = _(
        "Paid on {day}, {late} late: the employer owes a penalty for each calendar day at {rate} "
        "times the National Bank's base rate (art. 113 para 4, second part)."
    )
    unpaid_late = _(
        "Not paid by {on}: the settlement is {late} late. The employer owes it and a penalty for "
        "each calendar day from {start} until the day it is paid, at {rate} times the National "
        "Bank's base rate (art. 113 para 4, second part)."
    )
    settle(ctx, result, s["country"], deadline, s["paid_on"], on, paid_late, unpaid_late)
    return result


RULE = declare(
    __name__,
    name="final-settlement",
    title="Final settlement on termination",
    description=(
        "By when the sums due on termination of an employment contract must be paid (three working days), "
        "the documents due on the last day, compensation for unused leave, and the days of delay."
    ),
    heading=gettext_noop("Final settlement on dismissal"),
    question=gettext_noop("By what day must the employer pay everything owed when my job ends?"),
    quantities=(
        "final_settlement_working_days",
        "late_payment_penalty_multiple",
    ),
    example={"terminated_on": "2026-05-29", "paid_on": "2026-06-10"},
)
