"""Organisation A's staff, holding organisation B's ids, find nothing: 404 on every desk route, no B data.

The routes are read from the OpenAPI document (every operation under ``/api/desk/``, each closed path value
such as a referral's step) and the desk's URL patterns, so a new endpoint is walked the day it is added.
"""

from __future__ import annotations

import base64
import json
import re
import uuid

import pytest
from django.utils import timezone

from kenes.desk import casework, consents, referrals
from kenes.desk.scope import staff_of

from .conftest import make_case, make_org, make_staff

PASSWORD = "correct horse battery staple"
B_NAME = "Bakhrom Secretov"
B_DOCUMENT = "FA9988776"


def basic(user) -> dict:
    raw = base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {raw}"}


@pytest.fixture
def world(db, org_a, org_b, head_a, consultant_a, head_b):
    org_c = make_org("partner-c", "ru", kind="partner")
    make_staff(org_c, "consultant", "cons_c")
    case_b = make_case(
        head_b,
        person={"full_name": B_NAME, "document_number": B_DOCUMENT},
        categories=["trafficking-suspicion"],
        summary="B's secret summary",
    )
    staff_b = staff_of(head_b)
    consent_b = consents.record_consent(staff_b, case_b, "share", "written", partner=org_c)
    consultation_b = casework.add_consultation(
        staff_b,
        case_b,
        held_on=timezone.localdate(),
        channel="visit",
        language="ru",
        advice="B's advice",
        minutes=10,
        citations=[
            {
                "work_uri": "/akn/kz/act/code/2015-11-23/414-v",
                "eid": "art_113",
                "expression_date": "2024-01-01",
            }
        ],
    )
    referral_b = referrals.send(staff_b, case_b, org_c, "B's note")
    follow_up_b = casework.add_follow_up(staff_b, case_b, timezone.localdate(), "B's follow-up")
    ids = {
        "case_id": case_b.pk,
        "consent_id": consent_b.pk,
        "consultation_id": consultation_b.pk,
        "referral_id": referral_b.pk,
        "follow_up_id": follow_up_b.pk,
        "attachment_id": case_b.pk,
    }
    secrets = [
        B_NAME,
        B_DOCUMENT,
        case_b.reference,
        "B's secret summary",
        "B's advice",
        "B's note",
        *(str(v) for v in ids.values()),
    ]
    return {"ids": ids, "secrets": secrets, "a": head_a, "a_consultant": consultant_a, "org_a": org_a}


def _api_operations() -> list[tuple[str, str, dict]]:
    """Every operation of ``/api/desk/`` in the OpenAPI document: (method, path template, its path
    parameters' schemas by name)."""
    from kenes.api import api

    operations = []
    for path, item in api.get_openapi_schema()["paths"].items():
        if not path.startswith("/api/desk/"):
            continue
        for method, operation in item.items():
            if method in ("get", "post", "patch", "put", "delete"):
                parameters = {
                    p["name"]: p["schema"] for p in operation.get("parameters", []) if p["in"] == "path"
                }
                operations.append((method.upper(), path, parameters))
    return operations


def _fill(path: str, parameters: dict, ids: dict) -> list[str]:
    """The template with the ids, once per documented value of a closed parameter (a referral's step); an
    id parameter this test does not know fails here, so a new kind of id is not skipped."""
    filled = [path]
    for name, schema in parameters.items():
        values = schema.get("enum") or [str(ids[name])]
        filled = [p.replace("{" + name + "}", str(v)) for p in filled for v in values]
    return filled


def _body(world) -> str:
    return json.dumps(
        {
            "status": "closed",
            "summary": "overwritten",
            "reason": "x",
            "kind": "keep",
            "method": "oral",
            "to_organisation": str(world["org_a"].pk),
            "advice": "x",
            "person": {"full_name": "x"},
            "host_country": "kz",
            "categories": [],
        }
    )


def _walk(client, world, ids: dict) -> set[tuple[str, str]]:
    """Every desk API operation as A's head and consultant: with an id in its path it must be a 404 (never a
    403, a 500 or B's data); without one (the lists, an intake) it must answer without B's data. Returns the
    operations walked."""
    walked = set()
    for method, template, parameters in _api_operations():
        for path in _fill(template, parameters, ids):
            for user in (world["a"], world["a_consultant"]):
                response = client.generic(
                    method, path, _body(world), content_type="application/json", **basic(user)
                )
                expected = (404,) if parameters else (200, 201)
                assert response.status_code in expected, (
                    method,
                    path,
                    response.status_code,
                    response.content[:200],
                )
                text = response.content.decode()
                assert not any(secret in text for secret in world["secrets"]), (method, path)
                walked.add((method, template))
    return walked


def test_every_desk_api_operation_answers_404_for_another_organisations_ids(client, world):
    operations = {(method, path) for method, path, _ in _api_operations()}
    assert len(operations) >= 14, operations
    assert _walk(client, world, world["ids"]) == operations


def test_every_desk_api_operation_answers_404_for_ids_that_exist_nowhere(client, world):
    unknown = {name: uuid.uuid4() for name in world["ids"]}
    assert _walk(client, world, unknown) == {(method, path) for method, path, _ in _api_operations()}


def test_b_case_is_unchanged_after_a_walked_every_route(client, world):
    from kenes.desk.models import Case, Referral, ReferralState

    _walk(client, world, world["ids"])
    case = Case.objects.get(pk=world["ids"]["case_id"])
    assert case.summary == "B's secret summary" and case.status != "closed"
    assert Referral.objects.get(pk=world["ids"]["referral_id"]).state == ReferralState.SENT


def _page_routes() -> list[tuple[str, str]]:
    from kenes.desk.urls import urlpatterns

    return [(p.name, str(p.pattern)) for p in urlpatterns]


def test_every_desk_page_answers_404_for_another_organisations_ids(client, world):
    walked = 0
    for user in (world["a"], world["a_consultant"]):
        client.force_login(user)
        for name, pattern in _page_routes():
            if "<" not in pattern:
                continue
            steps = ["accept", "decline", "revoke"] if "<str:step>" in pattern else [None]
            for step in steps:
                path = "/" + re.sub(
                    r"<(?:\w+:)?(\w+)>",
                    lambda m, s=step: s if m.group(1) == "step" else str(world["ids"][m.group(1)]),
                    pattern,
                )
                for method in ("get", "post"):
                    response = getattr(client, method)(
                        path, {"reason": "x", "confirm": "x", "status": "closed"}
                    )
                    walked += 1
                    assert response.status_code == 404, (name, method, path, response.status_code)
                    text = response.content.decode().replace(path, "")  # the 404 page may echo the path asked
                    assert not any(secret in text for secret in world["secrets"]), (name, path)
    assert walked >= 40


def test_desk_lists_and_pages_without_ids_show_nothing_of_another_organisation(client, world):
    client.force_login(world["a"])
    for name, pattern in _page_routes():
        if "<" in pattern:
            continue
        response = client.get("/" + pattern)
        assert response.status_code == 200, name
        text = response.content.decode()
        assert not any(secret in text for secret in world["secrets"]), name
    response = client.get("/desk/statistics/?format=csv")
    assert not any(secret in response.content.decode() for secret in world["secrets"])


def test_desk_pages_send_the_anonymous_to_the_login_and_others_to_404(client, world):
    from .conftest import make_staff

    response = client.get(f"/desk/cases/{world['ids']['case_id']}/")
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(make_staff(world["org_a"], "admin", "org_admin_a"))
    assert client.get("/desk/").status_code == 404


def test_the_admin_does_not_list_case_data(client, world):
    from django.contrib import admin

    from kenes.desk import models

    registered = {m for m in admin.site._registry if m._meta.app_label == "desk"}
    assert registered <= {models.AuditEntry}, registered
