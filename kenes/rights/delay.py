"""How late a payment is, and the penalty rate the law attaches to the delay: one computation for every
rule that has a payment deadline (wages, final settlement), so they cannot count the days differently.

The days run from the day after the due date to the day of payment; for a payment still not made, to the
control date ("today"), because that is what the employer owes for so far. :func:`settle` narrates the
delay in the same steps for every rule, but in the rule's own words (it passes its sentences in, each
citing its own provision).

>>> d = count_delay(dt.date(2026, 6, 10), None, dt.date(2026, 8, 1))
>>> d.late, d.paid, d.days, d.until
(True, False, 52, datetime.date(2026, 8, 1))
>>> count_delay(dt.date(2026, 6, 10), dt.date(2026, 6, 10), dt.date(2026, 8, 1)).late
False
>>> count_delay(dt.date(2026, 6, 10), None, dt.date(2026, 6, 10)).late is None
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kenes.rights.answer import Context
from kenes.rights.complaint import complaint_routes
from kenes.rights.i18n import _, days, number


@dataclass(frozen=True)
class Delay:
    """A payment due on ``due``: paid (on ``paid_on``) or not yet by ``until``; ``days`` of delay."""

    due: dt.date
    paid_on: dt.date | None
    until: dt.date  # the day the delay is counted to: the payment, or the control date when unpaid
    days: int
    late: bool | None  # None: not paid, and not due yet on the control date

    @property
    def paid(self) -> bool:
        return self.paid_on is not None


def count_delay(due: dt.date, paid_on: dt.date | None, on: dt.date) -> Delay:
    """The delay of a payment due on ``due``, paid on ``paid_on`` or, if unpaid, as it stands on ``on``."""
    until = paid_on if paid_on is not None else on
    days = max(0, (until - due).days)
    if paid_on is None and days == 0:
        return Delay(due, None, until, 0, None)
    return Delay(due, paid_on, until, days, days > 0)


@dataclass(frozen=True)
class Penalty:
    """The delay and the law's penalty rate for it (None where no penalty rate is known for the country)."""

    delay: Delay
    rate_multiple: float | None

    def answer_fields(self) -> dict[str, object]:
        """The fields every late-payment answer carries (wages and final settlement alike), so the JSON of the
        two checks cannot drift apart."""
        counted = self.delay.late is not None
        return {
            "late": self.delay.late,
            "days_late": self.delay.days if counted else None,
            "penalty_days": self.delay.days if counted else None,
            "penalty_rate_multiple": self.rate_multiple,
        }


def late_payment_penalty(ctx: Context, country: str, delay: Delay) -> Penalty:
    """Read the penalty rate in force on the day the delay is counted to (the day of payment) — only for a
    late payment, so an answer about a payment on time does not cite the penalty provision."""
    rate = None
    if delay.late:
        rate = ctx.value(country, "late_payment_penalty_multiple", delay.until)
    return Penalty(delay, rate)


def settle(
    ctx: Context,
    result: dict[str, Any],
    country: str,
    due: dt.date,
    paid_on: dt.date | None,
    on: dt.date,
    paid_late: str,
    unpaid_late: str,
) -> Delay:
    """Count the delay of a payment due on ``due``, add the penalty's answer fields and say how late it is.

    ``paid_late`` (fields ``day``, ``late``, ``rate``) and ``unpaid_late`` (``on``, ``late``, ``start``,
    ``rate``) are the rule's sentences, translated; a payment on time is said here. A late payment is
    always one to complain about, so the answer's ``complain_to`` and its explanation are added here too
    (last, after the delay). Returns the delay, so the rule can add what is its own (a payment not due yet).
    """
    penalty = late_payment_penalty(ctx, country, count_delay(due, paid_on, on))
    delay = penalty.delay
    result.update(penalty.answer_fields())
    rate = number(penalty.rate_multiple, 2) if penalty.rate_multiple is not None else "?"
    if delay.paid and delay.late:
        ctx.explain(paid_late.format(day=paid_on, late=days(delay.days), rate=rate))
    elif delay.paid:
        ctx.explain(_("Paid on {day}: on time.").format(day=paid_on))
    elif delay.late:
        ctx.explain(
            unpaid_late.format(on=on, late=days(delay.days), start=due + dt.timedelta(days=1), rate=rate)
        )
    if delay.late:
        result["complain_to"] = complaint_routes(ctx, country)
    return delay
