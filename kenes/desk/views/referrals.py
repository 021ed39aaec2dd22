"""Referrals in and out: the list, one referral with its trail, and the receiver's accept/decline."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import referrals, scope
from ..forms import SHARED_FIELD_LABELS, DeclineForm, ReferralForm
from ..models import AuditAction, Category
from .common import desk_page, log, organisation, partner_choices


def _labelled(payload: dict) -> list[tuple[str, str]]:
    """The shared fields as the page names them, lists joined."""
    labels = {**SHARED_FIELD_LABELS}
    out = []
    for name, value in payload.items():
        if name == "categories":
            codes = dict(Category.choices)
            value = ", ".join(str(codes.get(code, code)) for code in value)
        out.append((str(labels.get(name, name)), str(value)))
    return out


@desk_page()
def referral_list(request: HttpRequest, staff) -> HttpResponse:
    rows = scope.referrals_for(request.user).select_related("from_organisation", "to_organisation")
    log(staff, AuditAction.LIST, request, object_type="referral")
    return render(
        request,
        "desk/referral_list.html",
        {
            "incoming": [r for r in rows if r.to_organisation_id == staff.organisation_id][:100],
            "outgoing": [r for r in rows if r.from_organisation_id == staff.organisation_id][:100],
        },
    )


@desk_page()
def referral_page(request: HttpRequest, staff, referral_id) -> HttpResponse:
    referral = scope.referral_or_404(request.user, referral_id)
    log(staff, AuditAction.VIEW, request, obj=referral)
    visible = scope.referral_payload_visible(request.user, referral)
    receiver = referral.to_organisation_id == staff.organisation_id
    return render(
        request,
        "desk/referral.html",
        {
            "referral": referral,
            "receiver": receiver,
            "payload": _labelled(json.loads(referral.payload or "{}")) if visible else None,
            "events": referral.events.select_related("organisation"),
            "decline_form": DeclineForm(),
            "staff": staff,
            "received_case": getattr(referral, "received_case", None) if receiver else None,
        },
    )


@desk_page(post_only=True)
def referral_send(request: HttpRequest, staff, case_id) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    form = ReferralForm(request.POST)
    form.fields["to_organisation"].choices = partner_choices(staff)
    if not form.is_valid():
        messages.error(request, _("Choose the organisation to refer to."))
        return redirect("desk:case", case_id=case.pk)
    data = form.cleaned_data
    try:
        referral = referrals.send(
            staff,
            case,
            organisation(data["to_organisation"]),
            data["note"],
            urgent_override=data["urgent_override"],
            request=request,
        )
    except referrals.ReferralRefused as exc:
        messages.error(request, str(exc))
        return redirect("desk:case", case_id=case.pk)
    messages.success(request, _("Referral sent."))
    return redirect("desk:referral", referral_id=referral.pk)


@desk_page(post_only=True)
def referral_step(request: HttpRequest, staff, referral_id, step) -> HttpResponse:
    referral = scope.referral_or_404(request.user, referral_id)
    try:
        if step == "accept":
            case = referrals.accept(staff, referral, request=request)
            messages.success(request, _("Referral accepted: the case is now in your list."))
            return redirect("desk:case", case_id=case.pk)
        if step == "decline":
            referrals.decline(staff, referral, request.POST.get("reason", ""), request=request)
        elif step == "revoke":
            referrals.revoke(staff, referral, request.POST.get("reason", ""), request=request)
    except referrals.ReferralRefused as exc:
        messages.error(request, str(exc))
    return redirect("desk:referral", referral_id=referral.pk)
