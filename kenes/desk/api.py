"""``/api/desk/``: the advisory desk for scripts and apps (token, HTTP Basic or session).

Every handler asks :mod:`kenes.desk.scope` for what the caller may see and writes through ``casework``,
``consents`` and ``referrals``; another organisation's id is a 404 like an unknown one. Each read of case data
is audited (a list once per page, a case once per view).
"""

from __future__ import annotations

import json
import uuid
from typing import Literal

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from kenes.site.errors import ApiError

from . import audit, casework, consents, referrals, scope
from .api_auth import DESK_AUTH
from .api_schemas import (
    CaseCreated,
    CaseIn,
    CaseList,
    CaseOut,
    CasePatch,
    ConsentIn,
    ConsentOut,
    ConsultationIn,
    ConsultationOut,
    ReferralDecision,
    ReferralIn,
    ReferralOut,
)
from .filters import CaseFilters, filtered_cases
from .models import AuditAction, Case, CaseCategory, Consultation, Referral

router = Router(tags=["desk"], auth=DESK_AUTH)


def _staff(request: HttpRequest) -> scope.Staff:
    """The caller as case worker; anyone else finds nothing here (404, as for an unknown path)."""
    return scope.require_casework(request.auth)


def _row(case: Case) -> dict:
    return {
        "id": case.id,
        "reference": case.reference,
        "status": case.status,
        "urgency": case.urgency,
        "host_country": case.host_country,
        "categories": sorted(c.code for c in case.category_rows.all()),
        "opened_at": case.opened_at,
        "possible_duplicate": case.possible_duplicate,
    }


def _detail(case: Case) -> dict:
    person = case.person
    out = _row(case)
    out.update(
        person={
            name: getattr(person, name) or ""
            for name in (
                "full_name",
                "document_number",
                "phone",
                "citizenship",
                "messenger",
                "languages",
                "employer",
                "address",
                "sex",
                "document_status",
                "host_region",
                "sector",
            )
        },
        summary=case.summary,
        channel=case.channel,
        outcome=case.outcome,
        outcome_amount=case.outcome_amount,
        outcome_currency=case.outcome_currency,
        received_from_referral=case.received_from_id,
    )
    return out


class ListParams(Schema):
    status: str = ""
    category: str = ""
    urgency: str = ""
    mine: bool = False
    reference: str = Field("", max_length=12)
    limit: int = Field(50, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)


@router.post("/desk/cases", response={201: CaseCreated}, summary="Open a case (intake)")
def create_case(request: HttpRequest, body: CaseIn):
    staff = _staff(request)
    intake = casework.Intake(
        person=body.person.dict(),
        host_country=body.host_country,
        categories=body.categories,
        summary=body.summary,
        urgency=body.urgency,
        channel=body.channel,
    )
    case = casework.open_case(staff, intake, request=request)
    return 201, {"id": case.id, "reference": case.reference, "possible_duplicate": case.possible_duplicate}


@router.get("/desk/cases", response=CaseList, summary="The organisation's cases, newest first, filtered")
def list_cases(request: HttpRequest, params: Query[ListParams]):
    staff = _staff(request)
    filters = CaseFilters(
        status=params.status,
        category=params.category,
        urgency=params.urgency,
        consultant=staff.user if params.mine else None,
        reference=params.reference,
    )
    cases = filtered_cases(scope.cases_for(request.auth), filters).only(
        "reference", "status", "urgency", "host_country", "opened_at", "possible_duplicate"
    )
    page = list(
        cases.prefetch_related(Prefetch("category_rows", queryset=CaseCategory.objects.order_by("code")))[
            params.offset : params.offset + params.limit
        ]
    )
    audit.by_staff(
        staff,
        AuditAction.LIST,
        request,
        object_type="case",
        detail=f"{filters.describe()} offset={params.offset} rows={len(page)}",
    )
    return {"items": [_row(c) for c in page], "count": cases.count()}


def _case(request: HttpRequest, case_id: uuid.UUID) -> tuple[scope.Staff, Case]:
    staff = _staff(request)
    return staff, scope.case_or_404(request.auth, case_id)


@router.get("/desk/cases/{case_id}", response=CaseOut, summary="One case with the person's details")
def get_case(request: HttpRequest, case_id: uuid.UUID):
    staff, case = _case(request, case_id)
    audit.by_staff(staff, AuditAction.VIEW, request, case)
    return _detail(case)


@router.patch("/desk/cases/{case_id}", response=CaseOut, summary="Change a case (status, outcome, person …)")
def patch_case(request: HttpRequest, case_id: uuid.UUID, body: CasePatch):
    staff, case = _case(request, case_id)
    changes = body.dict(exclude_unset=True)
    if changes.get("person") is not None:
        changes["person"] = {k: v for k, v in changes["person"].items() if v is not None}
    case = casework.update_case(staff, case, changes, request=request)
    return _detail(scope.case_or_404(request.auth, case.pk))


def _consultation(c: Consultation) -> dict:
    return {
        "id": c.id,
        "held_on": c.held_on,
        "channel": c.channel,
        "language": c.language,
        "advice": c.advice,
        "minutes": c.minutes,
        "citations": [
            {"work_uri": x.work_uri, "eid": x.eid, "expression_date": x.expression_date, "lang": x.lang}
            for x in c.citations.all()
        ],
    }


@router.get("/desk/cases/{case_id}/consultations", response=list[ConsultationOut], summary="Consultations")
def list_consultations(request: HttpRequest, case_id: uuid.UUID):
    staff, case = _case(request, case_id)
    rows = case.consultations.prefetch_related("citations")
    audit.by_staff(staff, AuditAction.VIEW, request, case, detail="consultations")
    return [_consultation(c) for c in rows]


@router.post(
    "/desk/cases/{case_id}/consultations",
    response={201: ConsultationOut},
    summary="Record a consultation, with the provisions cited (work URI + eId + expression date)",
)
def add_consultation(request: HttpRequest, case_id: uuid.UUID, body: ConsultationIn):
    from django.utils import timezone

    staff, case = _case(request, case_id)
    consultation = casework.add_consultation(
        staff,
        case,
        held_on=body.held_on or timezone.localdate(),
        channel=body.channel,
        language=body.language,
        advice=body.advice,
        minutes=body.minutes,
        citations=[c.dict() for c in body.citations],
        request=request,
    )
    return 201, _consultation(consultation)


def _consent(c) -> dict:
    return {
        "id": c.id,
        "kind": c.kind,
        "method": c.method,
        "given_on": c.given_on,
        "partner": c.partner_id,
        "covers": c.covered_fields,
        "withdrawn_at": c.withdrawn_at,
    }


def _organisation(org_id: uuid.UUID):
    from kenes.accounts.models import Organisation

    org = Organisation.objects.filter(pk=org_id).first()
    if org is None:
        raise ApiError(400, "no such organisation", "invalid")
    return org


@router.get("/desk/cases/{case_id}/consents", response=list[ConsentOut], summary="Consents of a case")
def list_consents(request: HttpRequest, case_id: uuid.UUID):
    staff, case = _case(request, case_id)
    audit.by_staff(staff, AuditAction.VIEW, request, case, detail="consents")
    return [_consent(c) for c in case.consents.order_by("given_on")]


@router.post("/desk/cases/{case_id}/consents", response={201: ConsentOut}, summary="Record a consent")
def add_consent(request: HttpRequest, case_id: uuid.UUID, body: ConsentIn):
    staff, case = _case(request, case_id)
    partner = _organisation(body.partner) if body.partner else None
    consent = consents.record_consent(
        staff,
        case,
        body.kind,
        body.method,
        body.given_on,
        partner=partner,
        covers=body.covers or None,
        request=request,
    )
    return 201, _consent(consent)


@router.post(
    "/desk/cases/{case_id}/consents/{consent_id}/withdraw",
    response=ConsentOut,
    summary="Withdraw a consent (pending referrals resting on it are revoked at once)",
)
def withdraw_consent(request: HttpRequest, case_id: uuid.UUID, consent_id: uuid.UUID):
    staff, case = _case(request, case_id)
    consent = scope.one_or_404(case.consents, consent_id)
    return _consent(consents.withdraw_consent(staff, consent, request=request))


def _referral(request: HttpRequest, r: Referral) -> dict:
    staff = scope.staff_of(request.auth)
    visible = scope.referral_payload_visible(request.auth, r)
    receiver = r.to_organisation_id == staff.organisation_id
    received = getattr(r, "received_case", None) if receiver else None
    return {
        "id": r.id,
        "state": r.state,
        "direction": "in" if receiver else "out",
        "from_organisation": r.from_organisation_id,
        "to_organisation": r.to_organisation_id,
        "urgent_override": r.urgent_override,
        "shared_fields": [f for f in r.shared_fields.split(",") if f],
        "payload": json.loads(r.payload or "{}") if visible else None,
        "received_case": received.pk if received else None,
        "created_at": r.created_at,
        "trail": [
            {"state": e.state, "at": e.at.isoformat(), "organisation": str(e.organisation_id)}
            for e in r.events.all()
        ],
    }


def _refused(exc: referrals.ReferralRefused) -> ApiError:
    return ApiError(409, str(exc), exc.code)


@router.get("/desk/cases/{case_id}/referrals", response=list[ReferralOut], summary="Referrals of a case")
def list_case_referrals(request: HttpRequest, case_id: uuid.UUID):
    staff, case = _case(request, case_id)
    audit.by_staff(staff, AuditAction.VIEW, request, case, detail="referrals")
    return [_referral(request, r) for r in case.referrals_out.all()]


@router.post(
    "/desk/cases/{case_id}/referrals",
    response={201: ReferralOut},
    summary="Refer a case (needs consent to share with that organisation, or a head's urgent override)",
)
def send_referral(request: HttpRequest, case_id: uuid.UUID, body: ReferralIn):
    staff, case = _case(request, case_id)
    try:
        referral = referrals.send(
            staff,
            case,
            _organisation(body.to_organisation),
            body.note,
            urgent_override=body.urgent_override,
            request=request,
        )
    except referrals.ReferralRefused as exc:
        raise _refused(exc) from None
    return 201, _referral(request, referral)


@router.get("/desk/referrals", response=list[ReferralOut], summary="Referrals sent and received")
def list_referrals(request: HttpRequest, direction: str = ""):
    staff = _staff(request)
    rows = scope.referrals_for(request.auth).prefetch_related("events")
    if direction == "in":
        rows = rows.filter(to_organisation_id=staff.organisation_id)
    elif direction == "out":
        rows = rows.filter(from_organisation_id=staff.organisation_id)
    audit.by_staff(
        staff, AuditAction.LIST, request, object_type="referral", detail=f"direction={direction or 'all'}"
    )
    return [_referral(request, r) for r in rows[:200]]


@router.get("/desk/referrals/{referral_id}", response=ReferralOut, summary="One referral and its trail")
def get_referral(request: HttpRequest, referral_id: uuid.UUID):
    staff = _staff(request)
    referral = scope.referral_or_404(request.auth, referral_id)
    audit.by_staff(staff, AuditAction.VIEW, request, referral)
    return _referral(request, referral)


@router.post(
    "/desk/referrals/{referral_id}/{step}",
    response=ReferralOut,
    summary="accept | decline (with reason) | revoke a referral",
)
def step_referral(
    request: HttpRequest,
    referral_id: uuid.UUID,
    step: Literal["accept", "decline", "revoke"],
    body: ReferralDecision,
):
    staff = _staff(request)
    referral = scope.referral_or_404(request.auth, referral_id)
    try:
        if step == "accept":
            referrals.accept(staff, referral, request=request)
        elif step == "decline":
            referrals.decline(staff, referral, body.reason, request=request)
        else:
            referrals.revoke(staff, referral, body.reason, request=request)
    except referrals.ReferralRefused as exc:
        raise _refused(exc) from None
    return _referral(request, scope.referral_or_404(request.auth, referral_id))


#: Operations whose refusals are a state of the referral or of its consent, not the request (409).
_CONFLICTS = {
    ("post", "/api/desk/cases/{case_id}/referrals"),
    ("post", "/api/desk/referrals/{referral_id}/{step}"),
}

#: For the OpenAPI document (kenes.api.KenesAPI), derived from the routes so a new one is documented too:
#: every operation answers 404, since the desk does not exist for anyone but a case worker (an analyst, an
#: admin) and another organisation's id is not found, exactly like an unknown one.
OPENAPI_ERRORS: dict[tuple[str, str], tuple[int, ...]] = {
    (method.lower(), "/api" + path): (404, 409) if (method.lower(), "/api" + path) in _CONFLICTS else (404,)
    for path, view in router.path_operations.items()
    for operation in view.operations
    for method in operation.methods
}
