"""The desk's forms: small, phone-sized, every label translatable."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import choices as vocab

LANGUAGE_CHOICES = [
    ("ru", "Русский"),
    ("kk", "Қазақша"),
    ("en", "English"),
    ("uz", "Oʻzbekcha"),
    ("ky", "Кыргызча"),
    ("tg", "Тоҷикӣ"),
]


class IntakeForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=300)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=64,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    messenger = forms.CharField(label=_("WhatsApp/Telegram"), max_length=120, required=False)
    document_number = forms.CharField(
        label=_("Document number"),
        max_length=64,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    document_status = forms.ChoiceField(
        label=_("Documents"), choices=vocab.DocumentStatus.choices, required=False
    )
    citizenship = forms.CharField(label=_("Citizenship (country code)"), max_length=2, required=False)
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *vocab.Sex.choices], required=False)
    languages = forms.CharField(label=_("Languages"), max_length=40, required=False)
    host_country = forms.CharField(label=_("Host country (code)"), max_length=2, required=False)
    host_region = forms.CharField(label=_("Region"), max_length=80, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=300, required=False)
    sector = forms.CharField(label=_("Sector"), max_length=80, required=False)
    arrival_date = forms.DateField(
        label=_("Arrival date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    categories = forms.MultipleChoiceField(
        label=_("Problem"), choices=vocab.Category.choices, widget=forms.CheckboxSelectMultiple
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=vocab.Urgency.choices, initial=vocab.Urgency.NORMAL
    )
    channel = forms.ChoiceField(
        label=_("How they reached us"), choices=vocab.Channel.choices, initial=vocab.Channel.VISIT
    )
    summary = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    PERSON = (
        "full_name",
        "phone",
        "messenger",
        "document_number",
        "document_status",
        "citizenship",
        "birth_date",
        "sex",
        "languages",
        "host_region",
        "employer",
        "sector",
        "arrival_date",
    )


class CaseStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=vocab.Status.choices)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *vocab.Outcome.choices], required=False
    )
    outcome_amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2, required=False)
    outcome_currency = forms.CharField(label=_("Currency"), max_length=3, required=False)


#: how the shareable fields are named on the page (a referral carries only those the consent covers)
SHARED_FIELD_LABELS = {
    "full_name": _("full name"),
    "document_number": _("document number"),
    "phone": _("phone"),
    "messenger": _("messenger"),
    "citizenship": _("citizenship"),
    "languages": _("languages"),
    "birth_date": _("date of birth"),
    "employer": _("employer"),
    "host_region": _("region"),
    "sector": _("sector"),
    "document_status": _("document status"),
    "summary": _("summary"),
    "categories": _("Problem"),
    "host_country": _("host country"),
}


class ConsentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Consent to"), choices=vocab.ConsentKind.choices)
    method = forms.ChoiceField(label=_("Given"), choices=vocab.ConsentMethod.choices)
    given_on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    partner = forms.ChoiceField(label=_("Partner organisation"), required=False)
    covers = forms.MultipleChoiceField(
        label=_("What may be shared"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(name, SHARED_FIELD_LABELS[name]) for name in vocab.SHAREABLE_FIELDS],
        initial=list(vocab.DEFAULT_SHARED),
    )


class ConsultationForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=vocab.Channel.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    advice = forms.CharField(label=_("Advice given"), widget=forms.Textarea(attrs={"rows": 6}))
    minutes = forms.IntegerField(label=_("Time spent (minutes)"), min_value=0, max_value=24 * 60, initial=15)


class FollowUpForm(forms.Form):
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("What to do"), max_length=500, required=False)


class ReferralForm(forms.Form):
    to_organisation = forms.ChoiceField(label=_("Refer to"))
    note = forms.CharField(
        label=_("Note for the partner"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    urgent_override = forms.BooleanField(
        label=_("Urgent: refer without consent (centre head only)"), required=False
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, JPEG or PNG)"))


class ReferralFileForm(forms.Form):
    file = forms.FileField(label=_("Referral file (.kenes)"))


class HelpForm(forms.Form):
    """The portal's "ask for help": phone first, nothing else required, a honeypot and a time check."""

    phone = forms.CharField(
        label=_("Your phone or WhatsApp/Telegram number"),
        max_length=64,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    problem = forms.CharField(
        label=_("What happened? (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    centre = forms.ChoiceField(label=_("Which centre"))
    language = forms.ChoiceField(label=_("Language to talk in"), choices=LANGUAGE_CHOICES)
    #: honeypot: hidden from people, filled by bots
    website = forms.CharField(required=False, label=_("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)
