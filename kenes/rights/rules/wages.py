"""Minimum wage: is a monthly wage below the minimum in force, and how does it compare with the median?

Kazakhstan's Labour Code defines the minimum monthly wage (art. 1 para 1 point 3), forbids paying less for a
full month at the full norm of hours (art. 103 para 2), applies it pro rata to the time worked (art. 104
para 1-1) and leaves its amount to the annual budget law (art. 104 para 1-2), which is not in our corpus.
The unions' benchmark — the minimum as a share of the median wage, against a target of 50% — follows ILO
C131 art. 3(a): the general level of wages is one of the elements in fixing the minimum.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kenes import quantities
from kenes.rights import countries
from kenes.rights.answer import Context
from kenes.rights.errors import InvalidSituation
from kenes.rights.i18n import _, gettext_noop, number
from kenes.rights.rule import COUNTRY, DATE, declare, out

MONEY = {"type": "number", "minimum": 0, "maximum": 1e12}

INPUTS: dict[str, Any] = {
    "type": "object",
    "properties": {
        "country": {**COUNTRY, "default": "kz"},
        "on": {**DATE, "description": "Date of the month in question (default: today)"},
        "monthly_wage": {
            **MONEY,
            "description": "Wage for the month, before deductions, in national currency",
        },
        "weekly_hours": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 168,
            "description": "Hours worked a week, for part time (the full-time norm is 40)",
        },
        "part_time_share": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Or: share of full time worked (0.5 for half time)",
        },
        "minimum_wage": {
            **MONEY,
            "exclusiveMinimum": 0,
            "description": "Use this minimum wage instead of ours",
        },
        "median_wage": {
            **MONEY,
            "minimum": 1,  # a median under one unit is a typo, and divided by it the share overflows
            "description": "Use this median wage instead of ours",
        },
        "target_share": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1,
            "description": "Target minimum-to-median share (default: the unions' 0.5)",
        },
    },
}

OUTPUTS: dict[str, Any] = {
    "country": out("string", "Country", null=False),
    "on": out("string", "Date", format="date", null=False),
    "currency": out("string", "Currency of the amounts"),
    "minimum_wage": out("number", "Minimum monthly wage in force (full time)"),
    "hours_share": out("number", "Share of full time worked", null=False),
    "minimum_wage_for_hours": out("number", "Minimum for the time worked (pro rata)"),
    "monthly_wage": out("number", "The wage asked about"),
    "below_minimum": out("boolean", "Whether the wage is below the minimum for the time worked"),
    "shortfall": out("number", "How much is missing to reach that minimum"),
    "median_wage": out("number", "Median monthly wage"),
    "minimum_to_median": out("number", "Minimum wage as a share of the median"),
    "target_share": out("number", "Target share of the median"),
    "target_minimum_wage": out("number", "Minimum wage at the target share of the median"),
    "gap_to_target": out("number", "Target minimum wage minus the minimum wage in force"),
}


def _money(x: float) -> float:
    return round(x + 0.0, 2)


def _share(x: float) -> str:
    """A share of full time as the current language writes decimals (``0.5`` / ``0,5``)."""
    return f"{x:.4g}" if "." in number(0.5, 1) else f"{x:.4g}".replace(".", ",")


def compute(s: dict[str, Any], ctx: Context) -> dict[str, Any]:
    on: dt.date = s["on"] or ctx.today
    country = s["country"]
    result: dict[str, Any] = dict.fromkeys(OUTPUTS)
    result.update(country=country, on=on, monthly_wage=s["monthly_wage"], hours_share=1.0)

    if s["weekly_hours"] is not None and s["part_time_share"] is not None:
        raise InvalidSituation(_("give weekly_hours or part_time_share, not both"), "part_time_share")

    # The minimum wage in force.
    if s["minimum_wage"] is not None:
        mw = float(s["minimum_wage"])
        ctx.explain(_("Minimum wage as given: {amount}.").format(amount=number(mw)))
        ctx.warn(_("The minimum wage was supplied with the question and was not checked by us."))
    else:
        found = ctx.optional_param(country, "minimum_wage", on)
        mw = None if found is None or found.value is None else float(found.value)
        if found is not None:
            result["currency"] = found.unit
        if mw is not None:
            where = {"country": countries.name(country), "day": on, "amount": number(mw), "unit": found.unit}
            if found.reference:
                ctx.explain(
                    _("Minimum monthly wage in {country} on {day}: {amount} {unit} ({source}).").format(
                        source=found.reference.label, **where
                    )
                )
            else:
                ctx.explain(
                    _(
                        "Minimum monthly wage in {country} on {day}: {amount} {unit}, a figure of the annual "
                        "budget law."
                    ).format(**where)
                )
        else:
            where = {"country": countries.name(country), "day": on}
            ctx.explain(_("We hold no minimum wage for {country} on {day}.").format(**where))
            if found is None:
                ctx.refer(_("No minimum wage for {country} on {day} is recorded.").format(**where))
    ctx.cite_for(country, "defined")
    if result["currency"] is None and quantities.exists(country, "minimum_wage"):
        result["currency"] = quantities.get(country, "minimum_wage").unit
    result["minimum_wage"] = None if mw is None else _money(mw)

    # Part time: pro rata.
    share = 1.0
    if s["part_time_share"] is not None:
        share = float(s["part_time_share"])
    elif s["weekly_hours"] is not None:
        norm = ctx.value(country, "normal_weekly_hours", on)
        if norm is None:
            raise InvalidSituation(
                _("we hold no normal working week for {country}: give part_time_share").format(
                    country=countries.name(country)
                ),
                "weekly_hours",
            )
        share = min(1.0, float(s["weekly_hours"]) / norm)
        ctx.explain(
            _("{hours} hours a week against the normal {norm} is a share of {share}.").format(
                hours=f"{s['weekly_hours']:g}", norm=norm, share=_share(share)
            )
        )
        if s["weekly_hours"] > norm:
            ctx.warn(
                _(
                    "More than the normal {norm} hours a week: the hours beyond it are overtime, paid extra."
                ).format(norm=norm)
            )
    result["hours_share"] = round(share, 4)
    if mw is not None:
        floor = _money(mw * share)
        result["minimum_wage_for_hours"] = floor
        ctx.cite_for(country, "not_below_for_full_month")
        if share < 1:
            ctx.cite_for(country, "pro_rata")
        if share < 1:
            ctx.explain(
                _(
                    "The minimum applies in proportion to the time worked: {minimum} × {share} = {floor}."
                ).format(minimum=number(mw), share=_share(share), floor=number(floor, 2))
            )
        if s["monthly_wage"] is not None:
            wage = float(s["monthly_wage"])
            result["below_minimum"] = wage < floor
            result["shortfall"] = _money(max(0.0, floor - wage))
            if wage < floor:
                ctx.explain(
                    _(
                        "A wage of {wage} is below the minimum of {floor} for the time worked by {gap}: the "
                        "employer may not pay less (art. 103 para 2 of the Labour Code)."
                    ).format(wage=number(wage, 2), floor=number(floor, 2), gap=number(result["shortfall"], 2))
                )
            else:
                ctx.explain(
                    _("A wage of {wage} is not below the minimum of {floor} for the time worked.").format(
                        wage=number(wage, 2), floor=number(floor, 2)
                    )
                )

    # The minimum against the median.
    if s["median_wage"] is not None:
        median = float(s["median_wage"])
        ctx.warn(_("The median wage was supplied with the question and was not checked by us."))
    else:
        median = ctx.value(country, "median_wage", on)
        median = None if median is None else float(median)
    result["median_wage"] = None if median is None else _money(median)
    if s["target_share"] is not None:
        target = float(s["target_share"])
    else:
        target = ctx.value(country, "minimum_wage_target_share", on)
    result["target_share"] = target
    if median is None:
        ctx.explain(
            _("The median wage for that date is not known to us: the comparison with it cannot be made.")
        )
    elif mw is not None:
        result["minimum_to_median"] = round(mw / median, 4)
        ctx.explain(
            _("The minimum wage is {share} of the median wage of {median}.").format(
                share=number(mw / median * 100, 1) + "%", median=number(median)
            )
        )
        if target is not None:
            result["target_minimum_wage"] = _money(target * median)
            result["gap_to_target"] = _money(target * median - mw)
            if target * median >= mw:
                at_target = _(
                    "At the target of {target} of the median, the minimum would be {amount}: "
                    "{gap} more than now."
                )
            else:
                at_target = _(
                    "At the target of {target} of the median, the minimum would be {amount}: "
                    "{gap} less than now."
                )
            ctx.explain(
                at_target.format(
                    target=number(target * 100) + "%",
                    amount=number(target * median),
                    gap=number(abs(target * median - mw)),
                )
            )
    return result


RULE = declare(
    __name__,
    name="minimum-wage",
    title="Minimum wage",
    description=(
        "Whether a monthly wage is below the minimum wage in force on a date (pro rata for part time), and "
        "the minimum wage as a share of the median wage with the gap to a target share (the unions propose "
        "50%)."
    ),
    heading=gettext_noop("Minimum wage"),
    question=gettext_noop("Is my monthly wage below the minimum wage?"),
    quantities=(
        "median_wage",
        "minimum_wage",
        "minimum_wage_target_share",
        "normal_weekly_hours",
    ),
    example={"country": "kz", "on": "2025-03-01", "monthly_wage": 60000, "part_time_share": 0.5},
)
