"""Case list, intake and the case page with its small forms (status, consent, follow-up, attachments)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import casework, consents, retention, rules, scope
from ..filters import CaseFilters, filtered_cases
from ..forms import CaseStatusForm, ConsentForm, FollowUpForm, IntakeForm, ReferralForm
from ..models import AuditAction, Category, Status, Urgency
from . import listing
from .common import desk_page, log, organisation, partner_choices


@desk_page()
def case_list(request: HttpRequest, staff) -> HttpResponse:
    filters = CaseFilters(
        status=request.GET.get("status", ""),
        category=request.GET.get("category", ""),
        urgency=request.GET.get("urgency", ""),
        consultant=staff.user if request.GET.get("mine") else None,
        reference=request.GET.get("reference", "")[:12],
    )
    cases = (
        filtered_cases(scope.cases_for(request.user), filters)
        .select_related("person")
        .only(
            "reference", "status", "urgency", "possible_duplicate", "opened_at", "person", "person__full_name"
        )
    )
    page = Paginator(cases, 30).get_page(request.GET.get("page"))
    log(
        staff,
        AuditAction.LIST,
        request,
        object_type="case",
        detail=f"{filters.describe()} page={page.number}",
    )
    return render(
        request,
        "desk/case_list.html",
        {
            "page": page,
            "rows": listing.case_rows(page),
            "filters": filters,
            "statuses": listing.options(Status.choices, filters.status),
            "categories": listing.options(Category.choices, filters.category),
            "urgencies": listing.options(Urgency.choices, filters.urgency),
            "staff": staff,
        },
    )


@desk_page()
def intake(request: HttpRequest, staff) -> HttpResponse:
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = {k: data[k] for k in IntakeForm.PERSON if data.get(k) not in (None, "")}
        try:
            case = casework.open_case(
                staff,
                casework.Intake(
                    person=person,
                    host_country=data["host_country"],
                    categories=data["categories"],
                    summary=data["summary"],
                    urgency=data["urgency"],
                    channel=data["channel"],
                ),
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if case.possible_duplicate:
                messages.warning(
                    request,
                    _(
                        "Possible duplicate: a case with the same document number or "
                        "phone exists in this centre."
                    ),
                )
            return redirect("desk:case", case_id=case.pk)
    return render(request, "desk/intake.html", {"form": form})


@desk_page()
def case_page(request: HttpRequest, staff, case_id) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    log(staff, AuditAction.VIEW, request, obj=case)
    duplicates = casework.duplicates_of(staff, case.person.document_number, case.person.phone, exclude=case)
    consent_form = ConsentForm(auto_id="consent_%s")
    consent_form.fields["partner"].choices = [("", "—"), *partner_choices(staff)]
    referral_form = ReferralForm(auto_id="referral_%s")
    referral_form.fields["to_organisation"].choices = partner_choices(staff)
    return render(
        request,
        "desk/case.html",
        {
            "case": case,
            "person": case.person,
            "staff": staff,
            "duplicates": duplicates,
            "consents": case.consents.select_related("partner").order_by("given_on"),
            "consultations": case.consultations.prefetch_related("citations"),
            "follow_ups": case.follow_ups.all(),
            "attachments": case.attachments.all(),
            "referrals": case.referrals_out.select_related("to_organisation"),
            "status_form": CaseStatusForm(
                initial={
                    "status": case.status,
                    "outcome": case.outcome,
                    "outcome_amount": case.outcome_amount,
                    "outcome_currency": case.outcome_currency,
                }
            ),
            "consent_form": consent_form,
            "follow_up_form": FollowUpForm(auto_id="followup_%s"),
            "referral_form": referral_form,
            "today": timezone.localdate(),
            "consent_law": rules.CONSENT,
            "transfer_law": rules.CROSS_BORDER,
        },
    )


@desk_page(post_only=True)
def case_status(request: HttpRequest, staff, case_id) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    form = CaseStatusForm(request.POST)
    if form.is_valid():
        try:
            casework.update_case(staff, case, dict(form.cleaned_data), request=request)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
    else:
        messages.error(request, _("Check the status form."))
    return redirect("desk:case", case_id=case.pk)


@desk_page(post_only=True)
def consent_add(request: HttpRequest, staff, case_id) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    form = ConsentForm(request.POST)
    form.fields["partner"].choices = [("", "—"), *partner_choices(staff)]
    if form.is_valid():
        data = form.cleaned_data
        try:
            consents.record_consent(
                staff,
                case,
                data["kind"],
                data["method"],
                data["given_on"],
                partner=organisation(data["partner"]) if data["partner"] else None,
                covers=data["covers"] or None,
                request=request,
            )
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
    return redirect("desk:case", case_id=case.pk)


@desk_page(post_only=True)
def consent_withdraw(request: HttpRequest, staff, case_id, consent_id) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    consent = scope.one_or_404(case.consents, consent_id)
    consents.withdraw_consent(staff, consent, request=request)
    messages.success(request, _("Consent withdrawn; sharing stopped."))
    return redirect("desk:case", case_id=case.pk)


@desk_page(post_only=True)
def follow_up_add(request: HttpRequest, staff, case_id) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        casework.add_follow_up(
            staff, case, form.cleaned_data["due_on"], form.cleaned_data["note"], request=request
        )
    return redirect("desk:case", case_id=case.pk)


@desk_page(post_only=True)
def follow_up_done(request: HttpRequest, staff, case_id, follow_up_id) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    follow_up = scope.one_or_404(case.follow_ups, follow_up_id)
    follow_up.done_at = timezone.now()
    follow_up.save(update_fields=["done_at"])
    log(staff, AuditAction.EDIT, request, obj=case, detail=f"follow-up {follow_up.pk} done")
    return redirect("desk:case", case_id=case.pk)


@desk_page(frozenset({"head"}), post_only=True)
def case_erase(request: HttpRequest, staff, case_id) -> HttpResponse:
    """Erasure on request (centre head): the audit keeps that it happened."""
    case = scope.case_or_404(request.user, case_id)
    if request.POST.get("confirm") != case.reference:
        messages.error(request, _("Type the case reference to confirm the erasure."))
        return redirect("desk:case", case_id=case.pk)
    retention.erase(case, user=staff.user, request=request, why="on request")
    messages.success(request, _("The case was erased."))
    return redirect("desk:cases")
