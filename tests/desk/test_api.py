import base64
import json

import pytest

from kenes.desk.api_auth import issue_token
from kenes.desk.models import AuditEntry

PASSWORD = "correct horse battery staple"


def basic(user) -> dict:
    raw = base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {raw}"}


def post(client, path, body, user):
    return client.post(path, json.dumps(body), content_type="application/json", **basic(user))


INTAKE = {
    "person": {
        "full_name": "Dilnoza Example",
        "document_number": "AA 7654321",
        "phone": "+998 90 123 45 67",
        "citizenship": "uz",
    },
    "host_country": "kz",
    "categories": ["unpaid-wages", "documents-confiscated"],
    "summary": "Passport kept by the employer",
}


def test_intake_answers_201_with_the_new_case_id_and_flags_a_second_intake_as_duplicate(client, consultant_a):
    first = post(client, "/api/desk/cases", INTAKE, consultant_a)
    assert first.status_code == 201, first.content
    assert first.json()["possible_duplicate"] is False
    again = dict(INTAKE, person=dict(INTAKE["person"], document_number="aa-7654321", phone=""))
    second = post(client, "/api/desk/cases", again, consultant_a)
    assert second.json()["possible_duplicate"] is True
    got = client.get(f"/api/desk/cases/{first.json()['id']}", **basic(consultant_a)).json()
    assert got["person"]["full_name"] == "Dilnoza Example"
    assert got["categories"] == ["documents-confiscated", "unpaid-wages"]


def test_a_token_authenticates_and_a_wrong_one_is_401(client, consultant_a):
    token = issue_token(consultant_a)
    ok = client.get("/api/desk/cases", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert ok.status_code == 200
    bad = client.get("/api/desk/cases", HTTP_AUTHORIZATION="Bearer kd_wrong")
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "unauthenticated"


def test_an_analyst_finds_no_case_endpoint(client, consultant_a, analyst_a):
    case_id = post(client, "/api/desk/cases", INTAKE, consultant_a).json()["id"]
    assert client.get("/api/desk/cases", **basic(analyst_a)).status_code == 404
    assert client.get(f"/api/desk/cases/{case_id}", **basic(analyst_a)).status_code == 404


def test_unknown_category_is_a_400_saying_which(client, consultant_a):
    response = post(client, "/api/desk/cases", dict(INTAKE, categories=["aliens"]), consultant_a)
    assert response.status_code == 400
    assert "aliens" in response.json()["error"]["message"]


def test_status_follows_the_case_life_and_refuses_a_jump(client, consultant_a):
    case_id = post(client, "/api/desk/cases", INTAKE, consultant_a).json()["id"]

    def patch(body):
        return client.patch(
            f"/api/desk/cases/{case_id}",
            json.dumps(body),
            content_type="application/json",
            **basic(consultant_a),
        )

    assert (
        patch(
            {
                "status": "resolved",
                "outcome": "wages-recovered",
                "outcome_amount": "150000",
                "outcome_currency": "KZT",
            }
        ).status_code
        == 200
    )
    assert patch({"status": "in-progress"}).json()["status"] == "in-progress"  # reopened
    refused = patch({"status": "bogus"})
    assert refused.status_code == 400


def test_every_read_and_write_is_audited_without_personal_data(client, consultant_a):
    case_id = post(client, "/api/desk/cases", INTAKE, consultant_a).json()["id"]
    client.get("/api/desk/cases", **basic(consultant_a))
    client.get(f"/api/desk/cases/{case_id}", **basic(consultant_a))
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert [a for a in actions if a != "login"][-3:] == ["create", "list", "view"]
    assert "login" in actions  # every HTTP Basic request is a login, and audited as one
    dump = " ".join(str(v) for row in AuditEntry.objects.values_list() for v in row)
    assert "Dilnoza" not in dump and "7654321" not in dump


@pytest.mark.parametrize("step", ["accept", "decline", "revoke"])
def test_referral_steps_on_an_unknown_referral_are_404(client, consultant_a, step):
    response = post(
        client, f"/api/desk/referrals/00000000-0000-4000-8000-000000000000/{step}", {}, consultant_a
    )
    assert response.status_code == 404


def test_every_api_read_of_a_case_leaves_an_audit_entry(client, consultant_a):
    from kenes.api import api

    case_id = post(client, "/api/desk/cases", INTAKE, consultant_a).json()["id"]
    reads = [
        p
        for p, item in api.get_openapi_schema()["paths"].items()
        if p.startswith("/api/desk/cases/{case_id}") and "get" in item
    ]
    assert len(reads) >= 4
    for template in reads:
        before = AuditEntry.objects.exclude(action="login").count()
        response = client.get(template.replace("{case_id}", case_id), **basic(consultant_a))
        assert response.status_code == 200, template
        assert AuditEntry.objects.exclude(action="login").count() == before + 1, template


@pytest.mark.parametrize("body", ["0", "null", "[]", '"x"', "false"])
def test_a_body_that_is_not_a_json_object_is_a_422_not_a_change_of_nothing(client, consultant_a, body):
    """Found by the contract test: every field of these bodies has a default, and ninja read ``0`` as {}."""
    case_id = post(client, "/api/desk/cases", INTAKE, consultant_a).json()["id"]
    for method, path in (
        ("POST", f"/api/desk/cases/{case_id}/consultations"),
        ("PATCH", f"/api/desk/cases/{case_id}"),
    ):
        response = client.generic(method, path, body, content_type="application/json", **basic(consultant_a))
        assert response.status_code == 422, (method, body, response.content)
        assert "the body must be a JSON object" in response.json()["error"]["message"]
    assert client.get(f"/api/desk/cases/{case_id}/consultations", **basic(consultant_a)).json() == []


@pytest.mark.parametrize(
    "cited",
    [
        {"work_uri": "not a uri", "eid": "art_1"},
        {"work_uri": "/akn/kz/act/code/2015-11-23/414-v", "eid": "Art 1; drop"},
        {"work_uri": "/akn/kz/act/code/2015-11-23/414-v/rus@2025-01-01", "eid": "art_1"},
    ],
)
def test_a_citation_that_is_not_a_work_uri_and_an_eid_is_a_400_and_records_nothing(
    client, consultant_a, cited
):
    """With the person's consent to anonymised use the consultation teaches search; a bad citation must be
    refused before that (it was a 500 from search's own check), and the consultation not kept half-made."""
    case_id = post(client, "/api/desk/cases", INTAKE, consultant_a).json()["id"]
    given = post(
        client, f"/api/desk/cases/{case_id}/consents", {"kind": "statistics", "method": "oral"}, consultant_a
    )
    assert given.status_code == 201, given.content
    body = {"advice": "see the code", "citations": [dict(cited, expression_date="2025-01-01")]}
    answer = post(client, f"/api/desk/cases/{case_id}/consultations", body, consultant_a)
    assert answer.status_code == 400, answer.content
    assert "citation" in json.dumps(answer.json()).lower()
    assert client.get(f"/api/desk/cases/{case_id}/consultations", **basic(consultant_a)).json() == []


def test_a_consultation_date_given_as_a_number_is_refused_not_read_as_1970(client, consultant_a):
    case_id = post(client, "/api/desk/cases", INTAKE, consultant_a).json()["id"]
    answer = post(client, f"/api/desk/cases/{case_id}/consultations", {"held_on": 86400}, consultant_a)
    assert answer.status_code == 422, answer.content
    assert "YYYY-MM-DD" in answer.content.decode()
    assert client.get(f"/api/desk/cases/{case_id}/consultations", **basic(consultant_a)).json() == []
