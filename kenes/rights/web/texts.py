"""What the pages and the API say in the reader's language: rule titles, one-line questions, headlines.

The library translates its own explanation, warnings and messages (``evaluate(..., lang=)``, see
:mod:`kenes.rights.i18n`); the sentences a migrant reads first — what each check answers and the answer
itself — are built here from the answer's fields, through gettext, so they come out in Russian, Kazakh or
English like the rest of the portal.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import formats
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

#: Per rule: (title, the question it answers in one line).
RULE_TEXTS: dict[str, tuple[Any, Any]] = {
    "stay": (
        gettext_lazy("Days of stay"),
        gettext_lazy("How many days may I still stay, and have I gone over the 90-in-180-days limit?"),
    ),
    "permit": (
        gettext_lazy("Work permit"),
        gettext_lazy("Do I need a permit to work in this country, and which one?"),
    ),
    "registration": (
        gettext_lazy("Registration after arrival"),
        gettext_lazy("Must I register after entering the country, and by what date?"),
    ),
    "minimum-wage": (
        gettext_lazy("Minimum wage"),
        gettext_lazy("Is my monthly wage below the minimum wage?"),
    ),
    "wage-payment": (
        gettext_lazy("Wage payment deadline"),
        gettext_lazy("By what day must my wages for a month be paid, and how late are they?"),
    ),
    "final-settlement": (
        gettext_lazy("Final settlement on dismissal"),
        gettext_lazy("By what day must the employer pay everything owed when my job ends?"),
    ),
    "leave": (
        gettext_lazy("Paid annual leave"),
        gettext_lazy("How many days of paid annual leave have I earned and not used?"),
    ),
}

#: Permit codes of the permit rule, as a person would name them.
PERMIT_NAMES: dict[str, Any] = {
    "employer_permit": gettext_lazy("the employer's permit to attract foreign labour"),
    "self_employment_certificate": gettext_lazy("a certificate of qualification for self-employment"),
    "labour_immigrant_permit": gettext_lazy("a labour-immigrant permit (domestic work for private persons)"),
    "seasonal_employer_permit": gettext_lazy("the employer's permit to attract seasonal foreign workers"),
    "intra_corporate_transfer_permit": gettext_lazy(
        "a permit to attract foreign labour for an intra-corporate transfer"
    ),
}


def title(rule: str) -> str:
    return str(RULE_TEXTS[rule][0]) if rule in RULE_TEXTS else rule


def question(rule: str) -> str:
    return str(RULE_TEXTS[rule][1]) if rule in RULE_TEXTS else ""


def day(value: Any) -> str:
    """A date as the pages write it: ``09.02.2024`` in Russian and Kazakh, ``9 February 2024`` in English.

    One numeric form for ru/kk rather than "9 февраля 2024 г.": Django has no Kazakh date format, the
    digits need no case endings, and it is the form on documents and in migration cards.
    """
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(value, dt.date):
        return str(value)
    if (get_language() or "").startswith("en"):
        return formats.date_format(value, "j F Y")
    return value.strftime("%d.%m.%Y")


#: An ISO date standing alone in a sentence, not part of a URI (``/2015-11-23/``, ``rus@2024-01-01``).
_ISO_DATE = re.compile(r"(?<![\w/@.-])\d{4}-\d{2}-\d{2}(?![\w/@-])")


def dates_in(sentence: str) -> str:
    """The library's sentences (explanation steps, warnings, refusals) with their ISO dates written as
    :func:`day` writes them. The library keeps ISO so the CLI and the API stay unambiguous; a page is
    read by a person."""
    return _ISO_DATE.sub(lambda m: day(m.group(0)), sentence)


def amount(value: Any) -> str:
    return formats.number_format(
        value, decimal_pos=0 if float(value).is_integer() else 2, force_grouping=True
    )


def days(n: Any) -> str:
    n = int(n) if float(n).is_integer() else n
    if isinstance(n, int):
        return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}
    return _("%(n)s days") % {"n": formats.number_format(n, decimal_pos=2)}


def headline(rule: str, a: dict[str, Any]) -> list[str]:
    """The answer in a few plain sentences, most important first; empty when the rule could not answer."""
    build = _HEADLINES.get(rule)
    return build(a) if build else []


def _broken(a: dict[str, Any], which: str | None) -> str:
    """The limit a violation broke, named: "90 days within any 180 days" or the single-stay cap."""
    if which == "single_stay":
        return _("%(cap)s of one continuous stay") % {"cap": days(a["single_stay_limit_days"])}
    return _("%(limit)s within any %(window)s") % {
        "limit": days(a["limit_days"]),
        "window": days(a["window_days"]),
    }


def _stay(a: dict[str, Any]) -> list[str]:
    if not a.get("applies"):
        if a.get("refer_to_advisory_centre"):
            return [_("We hold no days-of-stay limit for your case: ask an advisory centre.")]
        return [_("No limit of days in a period applies to you: your stay follows your visa or permit.")]
    out = []
    if not a["overstay_days"]:
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
    if a.get("open_stay_latest_exit") and not a.get("plan_entry"):
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


def _permit(a: dict[str, Any]) -> list[str]:
    if a["permit_required"] is True:
        name = PERMIT_NAMES.get(a.get("permit") or "", a.get("permit_name_en") or "")
        who = (
            _("Your employer must obtain it before hiring you.")
            if a.get("obtained_by") == "employer"
            else _("You must obtain it yourself.")
        )
        return [_("A permit is needed before you start work: %(name)s.") % {"name": name}, who]
    if a["permit_required"] is False:
        return [_("No work permit is needed.")]
    return [_("We cannot say for certain whether a permit is needed: ask an advisory centre.")]


def _registration(a: dict[str, Any]) -> list[str]:
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
    if a.get("registration_exempt_until"):
        out.append(
            _("As an EAEU citizen you are exempt from registration until %(day)s.")
            % {"day": day(a["registration_exempt_until"])}
        )
    if a.get("host_notice_deadline"):
        out.append(
            _("The person who houses you must notify the police by %(day)s.")
            % {"day": day(a["host_notice_deadline"])}
        )
    if a.get("address_change_deadline"):
        out.append(
            _("After moving, register at the new address by %(day)s.")
            % {"day": day(a["address_change_deadline"])}
        )
    return out


def _minimum_wage(a: dict[str, Any]) -> list[str]:
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
            % {"share": formats.number_format(a["minimum_to_median"] * 100, decimal_pos=1)}
        )
    return out


def _late(a: dict[str, Any]) -> list[str]:
    if a.get("late") is True:
        return [_("The payment was late: the penalty runs for %(n)s.") % {"n": days(a["penalty_days"])}]
    if a.get("late") is False:
        return [_("The payment was on time.")]
    return []


def _wage_payment(a: dict[str, Any]) -> list[str]:
    if not a.get("payment_due"):
        return []
    due = _("Wages for %(month)s must be paid by %(day)s.") % {
        "month": a["month"],
        "day": day(a["payment_due"]),
    }
    return [due, *_late(a)]


def _final_settlement(a: dict[str, Any]) -> list[str]:
    if not a.get("settlement_deadline"):
        return []
    return [_("Everything owed must be paid by %(day)s.") % {"day": day(a["settlement_deadline"])}] + _late(a)


def _leave(a: dict[str, Any]) -> list[str]:
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


_HEADLINES = {
    "stay": _stay,
    "permit": _permit,
    "registration": _registration,
    "minimum-wage": _minimum_wage,
    "wage-payment": _wage_payment,
    "final-settlement": _final_settlement,
    "leave": _leave,
}
