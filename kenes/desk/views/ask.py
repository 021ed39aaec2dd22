"""The public "ask for help" page (no account): phone first, in the reader's language."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import helpdesk
from ..audit import client_ip
from ..forms import LANGUAGE_CHOICES, HelpForm


def _centres():
    from kenes.accounts.models import Organisation

    return (
        Organisation.objects.filter(kind="advisory_centre")
        .select_related("contact")
        .order_by("country", "name")
    )


@never_cache
def ask_for_help(request: HttpRequest) -> HttpResponse:
    centres = {str(c.pk): c for c in _centres()}
    form = HelpForm(
        request.POST or None,
        initial={
            "started": helpdesk.form_stamp(),
            "language": translation.get_language()[:2],
            "centre": request.GET.get("centre", ""),
        },
    )
    form.fields["centre"].choices = [(pk, str(c)) for pk, c in centres.items()]
    form.fields["language"].choices = LANGUAGE_CHOICES
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        centre = centres.get(data["centre"])
        try:
            if data["website"]:
                raise helpdesk.HelpRefused("honeypot")
            helpdesk.check_stamp(data["started"])
            case = helpdesk.take_request(
                centre,
                phone=data["phone"],
                name=data["name"],
                problem=data["problem"],
                language=data["language"],
                ip=client_ip(request),
            )
        except helpdesk.HelpRefused:
            form.add_error(
                None,
                _(
                    "Your request could not be sent. Please wait a minute and try again, or "
                    "call the centre directly."
                ),
            )
        else:
            return render(
                request,
                "desk/help_sent.html",
                {
                    "reference": case.reference,
                    "centre": centre,
                    "contact": getattr(centre, "contact", None),
                },
            )
        form.data = form.data.copy()
        form.data["started"] = helpdesk.form_stamp()
    return render(request, "desk/help.html", {"form": form, "centres": centres.values()})
