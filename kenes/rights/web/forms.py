"""One short form per rule, asking only what that rule needs, in the reader's language.

Each form turns its cleaned fields into the library's situation (:meth:`RuleForm.situation`) and knows
which of its fields a library error path names (:meth:`RuleForm.field_for`), so a refusal from the engine
is shown next to the box it is about. Nothing typed is stored: the forms are read from the query string.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kenes.kernel import countries
from kenes.rights import Rule
from kenes.rights.rules import leave, payment, permit, registration, stay, termination, wages

#: Stay rows shown by default, and the most a page offers (the API takes up to the library's 1000).
DEFAULT_ROWS = 3
MAX_ROWS = 30

#: Countries a person is likely to come from or go to in the region (the kernel's table); labels in the
#: reader's language.
COUNTRY_NAMES: dict[str, Any] = {c.code: _(c.name) for c in countries.COUNTRIES} | {
    "stateless": _("No citizenship (stateless)")
}
HOSTS = countries.HOSTS
CITIZENSHIPS = tuple(COUNTRY_NAMES)


def _choices(codes: tuple[str, ...]) -> list[tuple[str, Any]]:
    return [(code, COUNTRY_NAMES[code]) for code in codes]


#: The hint beside every date box. A native picker shows the browser's own order (which follows the
#: browser's locale, not the page), so the hint names the order a person types in a plain text box.
DATE_HINT = _("Format: dd.mm.yyyy.")
#: What a date box accepts when typed: the reader's dd.mm.yyyy, or the ISO date a native picker sends.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class DateInput(forms.DateInput):
    """A native date picker on phones; browsers without one show a text box that takes dd.mm.yyyy."""

    input_type = "date"

    def __init__(self) -> None:
        # The value stays ISO: it is the only one a native picker reads back.
        super().__init__(format="%Y-%m-%d", attrs={"placeholder": _("dd.mm.yyyy")})


def date_field(label: Any, *, required: bool = False, help_text: Any = "") -> forms.DateField:
    """A date box whose help text ends with the format hint (so it is also read out with the box)."""
    hint = format_lazy("{} {}", help_text, DATE_HINT) if help_text else DATE_HINT
    return forms.DateField(
        label=label, required=required, help_text=hint, widget=DateInput(), input_formats=DATE_INPUT_FORMATS
    )


HOST_LABEL = _("Country you are in (or going to)")


def host_field(label: Any = HOST_LABEL) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=_choices(HOSTS), initial="kz")


def citizenship_field() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Your citizenship"), choices=_choices(CITIZENSHIPS), initial="uz")


def count_field(rule: Rule, name: str, label: Any, *, help_text: Any = "") -> forms.IntegerField:
    """An optional box for a whole number, bounded as ``rule``'s input schema bounds ``name``.

    The page then refuses, next to the box, what the engine would refuse, and the form's bounds cannot
    drift from the schema's.
    """
    schema = rule.inputs["properties"][name]
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=schema["minimum"],
        max_value=schema["maximum"],
        help_text=help_text,
    )


def enum_field(rule: Rule, name: str, label: Any, labels: dict[str, Any], **kwargs: Any) -> forms.ChoiceField:
    """A choice among values ``rule``'s input schema allows for ``name``, preset to the schema's default.

    ``labels`` words the values the page offers, in the order shown (it may leave some out); one the schema
    does not allow is refused when the form is defined, so the page cannot offer what the engine would
    refuse, and its preset choice is the one the engine assumes when the field is left out.
    """
    schema = rule.inputs["properties"][name]
    unknown = set(labels) - set(schema["enum"])
    if unknown:
        raise ValueError(f"{rule.name}.{name} allows no {sorted(unknown)}")
    return forms.ChoiceField(label=label, choices=list(labels.items()), initial=schema["default"], **kwargs)


class RuleForm(forms.Form):
    """What every rule form shares: fields map one-to-one to situation fields unless a form says so."""

    #: The rule this form asks for (its one registration: :class:`kenes.rights.Rule`).
    rule: Rule

    def situation(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            out[name] = value.isoformat() if isinstance(value, dt.date) else value
        return out

    def field_for(self, path: str | None) -> str | None:
        """The form field an engine error path (``on``, ``stays[2].exit``) names; None: the whole form."""
        if path and path in self.fields:
            return path
        return None


_STAY_PATH = re.compile(r"^stays\[(\d+)\](?:\.(entry|exit))?$")


class StayForm(RuleForm):
    rule = stay.RULE
    on = date_field(_("Control date"), help_text=_("The day to count to. Leave empty for today."))
    plan_entry = date_field(
        _("Planned entry"), help_text=_("If you plan to enter again: how long may that stay last?")
    )
    stay_length = count_field(
        stay.RULE,
        "stay_length",
        _("Wished-for stay length, days"),
        help_text=_("From what date is a stay this long possible?"),
    )
    host = host_field()
    citizenship = citizenship_field()
    status = enum_field(
        stay.RULE,
        "status",
        _("How you stay"),
        {
            "visa_free": _("Without a visa"),
            "visa": _("With a visa"),
            "residence_permit": _("With a residence permit"),
        },
    )
    work = enum_field(
        stay.RULE,
        "work",
        _("Do you work there?"),
        {
            "none": _("No, or not under a permit or contract"),
            "work_permit": _("Yes, with a work permit (labour-immigrant permit)"),
            "employment_contract": _("Yes, under an employment contract (citizens of EAEU countries)"),
        },
        required=False,
    )
    document_until = date_field(
        _("Your visa, permit or contract is valid until"),
        help_text=_("Only if you stay with a visa, a permit or under a contract."),
    )

    def __init__(self, *args: Any, rows: int = DEFAULT_ROWS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        stay_fields = {}
        for i in range(rows):
            # Each box is named with its row ("Stay 2: exit"), so a screen reader's list of fields tells
            # the rows apart; the visible label is that same name (what is seen is what is read out).
            stay_fields[f"entry_{i}"] = date_field(_("Stay %(n)s: entry") % {"n": i + 1})
            stay_fields[f"exit_{i}"] = date_field(
                _("Stay %(n)s: exit") % {"n": i + 1}, help_text=_("Empty if you are still there.")
            )
        # Stays come first: they are what the question is about.
        self.fields = {**stay_fields, **self.fields}

    @property
    def stay_rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(i + 1, self[f"entry_{i}"], self[f"exit_{i}"]) for i in range(self.rows)]

    @property
    def other_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not re.match(r"^(entry|exit)_\d+$", name)]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        filled = 0
        for i in range(self.rows):
            entry, exit_ = data.get(f"entry_{i}"), data.get(f"exit_{i}")
            if entry:
                filled += 1
            if exit_ and not entry and f"entry_{i}" not in self.errors:
                self.add_error(f"entry_{i}", _("Give the day you entered."))
            if entry and exit_ and exit_ < entry:
                self.add_error(f"exit_{i}", _("The exit is before the entry."))
        if not filled and not self.errors:
            self.add_error("entry_0", _("Give at least one stay: the day you entered."))
        return data

    def situation(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        stays = []
        self._row_of: list[int] = []
        for i in range(self.rows):
            entry, exit_ = data.pop(f"entry_{i}", None), data.pop(f"exit_{i}", None)
            if entry:
                stay = {"entry": entry.isoformat()}
                if exit_:
                    stay["exit"] = exit_.isoformat()
                stays.append(stay)
                self._row_of.append(i)
        out = {
            k: (v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in data.items()
            if v not in (None, "")
        }
        return {"stays": stays, **out}

    def field_for(self, path: str | None) -> str | None:
        m = _STAY_PATH.match(path or "")
        if m:
            index = int(m[1])
            rows = getattr(self, "_row_of", [])
            if index < len(rows):
                return f"{m[2] or 'entry'}_{rows[index]}"
            return None
        return super().field_for(path)


class PermitForm(RuleForm):
    rule = permit.RULE
    host = host_field(_("Country where you want to work"))
    citizenship = citizenship_field()
    residence = enum_field(
        permit.RULE,
        "residence",
        _("Your residence"),
        {"temporary": _("Staying temporarily"), "permanent": _("Permanent residence permit")},
        widget=forms.RadioSelect,
    )
    on = date_field(_("Date the question is about"), help_text=_("Leave empty for today."))
    work = enum_field(
        permit.RULE,
        "work",
        _("Kind of work"),
        {
            "employer": _("For an employer (company, organisation)"),
            "domestic": _("Domestic work for a private person"),
            "seasonal": _("Seasonal work (agriculture)"),
            "self_employed": _("On my own, in a profession in demand"),
            "intra_corporate": _("Transfer within my company"),
        },
    )


class RegistrationForm(RuleForm):
    rule = registration.RULE
    host = host_field()
    citizenship = citizenship_field()
    entry = date_field(_("Day you crossed the border"), required=True)
    planned_exit = date_field(_("Day you plan to leave"), help_text=_("If you know it."))
    intended_days = count_field(registration.RULE, "intended_days", _("Or: how many days you plan to stay"))
    address_changed_on = date_field(_("Day you moved to a new address"), help_text=_("Only if you moved."))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("planned_exit") and data.get("intended_days"):
            self.add_error("intended_days", _("Give the day you leave or the number of days, not both."))
        return data


class MinimumWageForm(RuleForm):
    rule = wages.RULE
    country = forms.ChoiceField(label=_("Country"), choices=_choices(("kz", "ru")), initial="kz")
    monthly_wage = forms.DecimalField(
        label=_("Your wage for the month, before deductions"),
        min_value=0,
        max_value=10**12,
        decimal_places=2,
        help_text=_("In the national currency (tenge in Kazakhstan)."),
    )
    weekly_hours = forms.DecimalField(
        label=_("Hours you work a week"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=168,
        decimal_places=2,
        help_text=_("Only if you work part time. Full time is 40 hours."),
    )
    on = date_field(_("Month in question (any day of it)"), help_text=_("Leave empty for this month."))

    def situation(self) -> dict[str, Any]:
        out = super().situation()
        for key in ("monthly_wage", "weekly_hours"):
            if key in out:
                out[key] = float(out[key])
        return out


class WagePaymentForm(RuleForm):
    rule = payment.RULE
    month = forms.CharField(
        label=_("Month worked"),
        max_length=7,
        help_text=_("As YYYY-MM, for example 2026-05."),
        # an example, the same in every language: "YYYY-MM" stood beside a hint saying "ГГГГ-ММ"
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-05", "inputmode": "numeric"}),
    )
    pay_day = count_field(
        payment.RULE,
        "pay_day",
        _("Pay day in your contract"),
        help_text=_("The day of the following month, if the contract names one."),
    )
    paid_on = date_field(_("Day the wages were actually paid"), help_text=_("Empty if not paid yet."))
    on = date_field(_("Count the delay to"), help_text=_("If not paid yet. Leave empty for today."))

    def clean_month(self) -> str:
        value = self.cleaned_data["month"].strip()
        if not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", value):
            raise forms.ValidationError(_("Write the month as YYYY-MM, for example 2026-05."))
        return value


class FinalSettlementForm(RuleForm):
    rule = termination.RULE
    terminated_on = date_field(_("Last day of your employment contract"), required=True)
    paid_on = date_field(_("Day you were paid everything owed"), help_text=_("Empty if not paid yet."))
    on = date_field(_("Count the delay to"), help_text=_("If not paid yet. Leave empty for today."))
    unused_leave_days = count_field(
        termination.RULE, "unused_leave_days", _("Days of paid leave you did not use")
    )


class LeaveForm(RuleForm):
    rule = leave.RULE
    employment_start = date_field(_("First day of work"), required=True)
    on = date_field(_("Count to"), help_text=_("Leave empty for today."))
    terminated_on = date_field(_("Day the contract ended"), help_text=_("Only if it has ended."))
    leave_taken_days = count_field(
        leave.RULE, "leave_taken_days", _("Days of paid annual leave already taken")
    )
    additional_leave_days = count_field(
        leave.RULE,
        "additional_leave_days",
        _("Additional leave days a year"),
        help_text=_("For example for hazardous work, if your contract gives them."),
    )
    leave_start = date_field(_("First day of a planned leave"), help_text=_("When must it be paid?"))


FORMS: dict[str, type[RuleForm]] = {
    form.rule.name: form
    for form in (
        StayForm,
        PermitForm,
        RegistrationForm,
        MinimumWageForm,
        WagePaymentForm,
        FinalSettlementForm,
        LeaveForm,
    )
}
