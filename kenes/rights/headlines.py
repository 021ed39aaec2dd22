"""The answer in a few plain sentences, most important first: what a person reads before the explanation.

Narration only: each function reads the fields a rule computed (its JSON answer) and words them in the
current language (:func:`kenes.rights.i18n.language`), with dates and numbers as that language writes
them. A rule registers its headline in its :class:`~kenes.rights.rule.Rule`; the pages, the API and the
CLI all show the same sentences.
"""

from __future__ import annotations

from typing import Any

from kenes.rights.i18n import _, amount, day, days, gettext_noop, month, number

#: Permit codes of the permit rule, as a person would name them.
_PERMIT_NAMES: dict[str, Any] = {
    "employer_permit": gettext_noop("the employer's permit to attract foreign labour"),
    "self_employment_certificate": gettext_noop("a certificate of qualification for self-employment"),
    "labour_immigrant_permit": gettext_noop("a labour-immigrant permit (domestic work for private persons)"),
    "seasonal_employer_permit": gettext_noop("the employer's permit to attract seasonal foreign workers"),
    "intra_corporate_transfer_permit": gettext_noop(
        "a permit to attract foreign labour for an intra-corporate transfer"
    ),
}


def _broken(a: dict[str, Any], which: str | None) -> str:
    """The limit a violation broke, named: "90 days within any 180 days" or the single-stay cap."""
    if which == "single_stay":
        return _("%(cap)s of one continuous stay") % {"cap": days(a["single_stay_limit_days"])}
    return _("%(limit)s within any %(window)s") % {
        "limit": days(a["limit_days"]),
        "window": days(a["window_days"]),
    }


def stay(a: dict[str, Any]) -> list[str]:
    period = a.get("overstay_period")
    if not a.get("applies"):
        if period:
            return [
                _("Your document ended on %(day)s: you have stayed without it since %(start)s, %(n)s.")
                % {"day": day(a["lawful_until"]), "start": day(period["start"]), "n": days(period["days"])}
            ]
        if a.get("lawful_until"):
            return [_("Your stay follows your document: until %(day)s.") % {"day": day(a["lawful_until"])}]
        if a.get("refer_to_advisory_centre"):
            return [_("We hold no days-of-stay limit for your case: ask an advisory centre.")]
        return [_("No limit of days in a period applies to you: your stay follows your visa or permit.")]
    out = []
    if not a["days_over_window_limit"]:
        out.append(
            _(
                "On %(on)s you have used %(used)s out of %(limit)s allowed within any %(window)s; "
                "%(left)s remain."
            )
            % {
                "on": day(a["on"]),
                "used": a["days_used"],
                "limit": days(a["limit_days"]),
                "window": days(a["window_days"]),
                "left": days(a["days_remaining"]),
            }
        )
    else:
        out.append(
            _("You are over the limit of %(rule)s: on %(on)s you have used %(used)s.")
            % {"rule": _broken(a, "window"), "on": day(a["on"]), "used": days(a["days_used"])}
        )
    if a["first_violation_day"]:
        out.append(
            _("The limit of %(rule)s was first broken on %(day)s.")
            % {"rule": _broken(a, a.get("first_violation_limit")), "day": day(a["first_violation_day"])}
        )
    if period:
        out.append(
            _("You have been over the limit since %(start)s: %(n)s by %(on)s.")
            % {"start": day(period["start"]), "n": days(period["days"]), "on": day(a["on"])}
        )
    elif a.get("open_stay_latest_exit") and not a.get("plan_entry"):
        out.append(
            _("Your current stay may last until %(day)s at the latest.")
            % {"day": day(a["open_stay_latest_exit"])}
        )
    if a.get("plan_entry"):
        if a.get("max_stay_days"):
            out.append(
                _("Entering on %(entry)s, you may stay up to %(n)s, until %(exit)s.")
                % {
                    "entry": day(a["plan_entry"]),
                    "n": days(a["max_stay_days"]),
                    "exit": day(a["latest_exit"]),
                }
            )
        else:
            out.append(
                _("Entering on %(entry)s, no day of stay is allowed.") % {"entry": day(a["plan_entry"])}
            )
    if a.get("stay_length"):
        if a.get("next_possible_entry"):
            out.append(
                _("A stay of %(n)s is possible from %(day)s.")
                % {"n": days(a["stay_length"]), "day": day(a["next_possible_entry"])}
            )
        else:
            out.append(_("A stay of %(n)s in a row is never allowed.") % {"n": days(a["stay_length"])})
    if a.get("first_future_violation_day"):
        out.append(
            _("The trips you have booked would break the limit of %(rule)s on %(day)s.")
            % {
                "rule": _broken(a, a.get("first_future_violation_limit")),
                "day": day(a["first_future_violation_day"]),
            }
        )
    return out


def permit(a: dict[str, Any]) -> list[str]:
    if a["permit_required"] is True:
        name = _(_PERMIT_NAMES.get(a.get("permit") or "", a.get("permit_name_en") or ""))
        who = (
            _("Your employer must obtain it before hiring you.")
            if a.get("obtained_by") == "employer"
            else _("You must obtain it yourself.")
        )
        return [_("A permit is needed before you start work: %(name)s.") % {"name": name}, who]
    if a["permit_required"] is False:
        return [_("No work permit is needed.")]
    return [_("We cannot say for certain whether a permit is needed: ask an advisory centre.")]


#: The other days a registration answer may give, each with its sentence (in this order).
_REGISTRATION_DATES = {
    "registration_exempt_until": gettext_noop(
        "As an EAEU citizen you are exempt from registration until %(day)s."
    ),
    "host_notice_deadline": gettext_noop("The person who houses you must notify the police by %(day)s."),
    "address_change_deadline": gettext_noop("After moving, register at the new address by %(day)s."),
}


def registration(a: dict[str, Any]) -> list[str]:
    out = []
    if a["registration_required"] is True:
        out.append(_("You must register by %(day)s.") % {"day": day(a["registration_deadline"])})
    elif a["registration_required"] is False:
        out.append(_("For a stay this short no registration is needed."))
    elif a["registration_deadline"]:
        out.append(
            _("If you stay longer than the threshold, you must register by %(day)s.")
            % {"day": day(a["registration_deadline"])}
        )
    out += [_(sentence) % {"day": day(a[key])} for key, sentence in _REGISTRATION_DATES.items() if a.get(key)]
    return out


def minimum_wage(a: dict[str, Any]) -> list[str]:
    out = []
    if a["minimum_wage"] is None:
        return out
    money = {"currency": a.get("currency") or ""}
    if a["below_minimum"] is True:
        out.append(
            _("Your wage is below the minimum by %(gap)s %(currency)s.")
            % {"gap": amount(a["shortfall"]), **money}
        )
    elif a["below_minimum"] is False:
        out.append(_("Your wage is not below the minimum."))
    out.append(
        _("The minimum for your working time is %(min)s %(currency)s a month.")
        % {"min": amount(a["minimum_wage_for_hours"]), **money}
    )
    if a.get("minimum_to_median") is not None:
        out.append(
            _("The minimum wage is %(share)s%% of the median wage.")
            % {"share": number(a["minimum_to_median"] * 100, 1)}
        )
    return out


def _late(a: dict[str, Any]) -> list[str]:
    if a.get("late") is True:
        return [_("The payment was late: the penalty runs for %(n)s.") % {"n": days(a["penalty_days"])}]
    if a.get("late") is False:
        return [_("The payment was on time.")]
    return []


def _unpaid(a: dict[str, Any]) -> list[str]:
    """Not paid and past due: how late today, what the employer owes, where to complain."""
    out = [
        _("Not paid: on %(on)s the payment is %(n)s late.") % {"on": day(a["on"]), "n": days(a["days_late"])}
    ]
    if a.get("penalty_rate_multiple") is not None:
        out.append(
            _(
                "The employer owes the sum and a penalty for every day of delay: %(rate)s times the National "
                "Bank's base rate."
            )
            % {"rate": number(a["penalty_rate_multiple"], 2)}
        )
    routes = a.get("complain_to") or []
    if "labour_inspectorate" in routes:
        out.append(
            _(
                "You can complain to the labour inspectorate, take the dispute to the conciliation "
                "commission or to court, and get help from the union's advisory centre."
            )
        )
    return out


def _payment(a: dict[str, Any]) -> list[str]:
    if a.get("late") is True and a.get("paid") is False:
        return _unpaid(a)
    return _late(a)


def wage_payment(a: dict[str, Any]) -> list[str]:
    if not a.get("payment_due"):
        return []
    due = _("Wages for %(month)s must be paid by %(day)s.") % {
        "month": month(a["month"]),
        "day": day(a["payment_due"]),
    }
    return [due, *_payment(a)]


def final_settlement(a: dict[str, Any]) -> list[str]:
    if not a.get("settlement_deadline"):
        return []
    return [
        _("Everything owed must be paid by %(day)s.") % {"day": day(a["settlement_deadline"])}
    ] + _payment(a)


def leave(a: dict[str, Any]) -> list[str]:
    if a.get("days_earned") is None:
        return []
    out = [
        _("By %(day)s you have earned %(earned)s of paid leave; %(unused)s not used.")
        % {"day": day(a["as_of"]), "earned": days(a["days_earned"]), "unused": days(a["days_unused"])}
    ]
    if a.get("compensation_days"):
        out.append(
            _("On dismissal, %(n)s must be compensated in money.") % {"n": days(a["compensation_days"])}
        )
    if a.get("leave_pay_deadline"):
        out.append(_("Your leave must be paid by %(day)s.") % {"day": day(a["leave_pay_deadline"])})
    return out
