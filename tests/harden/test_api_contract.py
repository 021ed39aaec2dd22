"""The API keeps its own OpenAPI document: schemathesis (pinned) generates requests from it, valid and
invalid, and checks every answer against it — status codes documented, bodies and headers as documented,
content types, no server error, invalid data refused, a deleted resource gone, wrong credentials refused.

Every router is held to it: the legal database, rights and search as an editor (HTTP Basic); the
observatory's series as anyone; the advisory desk as a consultant of a ``kenes demo`` centre, by the API
token ``kenes desk token`` issues, with the generated ids sometimes replaced by the centre's own rows (hooks
below), so its 200s, 201s and 409s are checked as well as its 404s.

One check is left out, ``positive_data_acceptance`` (every schema-valid request answered 2xx): several
operations refuse schema-valid input on grounds a schema cannot state — a file that is not a law, an AKN URI
naming a country we do not hold, a stay whose exit precedes its entry — always with a documented 400 and the
reason. ``bench/api_contract.py`` runs the full set, that check included, against the live service.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import re
import uuid

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from kenes.lex.importing import import_document
from kenes.search.index import rebuild
from tests import factories as f

PASSWORD = "pw-Editor-123-contract"
AUTH = {
    "Authorization": "Basic " + base64.b64encode(f"contract:{PASSWORD}".encode()).decode(),
    "Accept-Encoding": "identity",  # the WSGI client hands back gzip undecoded
}

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.use_after_free,
    schemathesis.checks.ignored_auth,
]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: a request must not close the connection the test's transaction is on
    (schemathesis calls the WSGI application directly)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def library(db, tmp_path, settings):
    """An editor, a jurisdiction and a code with one expression, so reads find something."""
    from django.contrib.auth.models import User

    from kenes.accounts.roles import editor_group

    settings.KENES_SEARCH_INDEX = tmp_path / "index"
    user = User.objects.create_user("contract", password=PASSWORD)
    user.groups.add(editor_group())
    f.jurisdiction("kz")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY)
    rebuild()  # the search index (the import's own update waits for a commit that a test never makes)


#: Rows the generated requests may name, filled by the fixtures. A generated UUID only ever reaches the 404
#: of an unknown row, so the hooks below sometimes put a real one in its place: the operations' 200s, 201s
#: and 409s are walked as well as their refusals. Each entry of ``KNOWN`` is a coherent set (a case of the
#: consultant's centre, one of its consents, a referral the centre sent or received).
KNOWN: list[dict[str, str]] = []
#: Organisations a desk body may name (a referral's receiver, a share consent's partner).
PARTNERS: list[str] = []
#: A country with statistics (a generated two-letter code almost never has any).
COUNTRY_WITH_SERIES = "mn"


def _is_uuid(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _sometimes(value: dict, *replacements: dict) -> st.SearchStrategy[dict]:
    """The generated value, or it updated by one of the replacements (read when drawn: fixtures fill them)."""
    return st.integers(min_value=0, max_value=len(replacements)).map(
        lambda i: value if i == 0 else {**value, **replacements[i - 1]}
    )


@schema.hook("flatmap_path_parameters")
def _real_ids_sometimes(context, path_parameters):
    """Only a set of valid UUIDs is replaced, so a negative case (a malformed id) stays negative."""
    ids = {k: v for k, v in (path_parameters or {}).items() if k.endswith("_id")}
    if not ids or not all(_is_uuid(v) for v in ids.values()):
        return st.just(path_parameters)
    return _sometimes(path_parameters, *({k: v for k, v in row.items() if k in ids} for row in KNOWN))


@schema.hook("flatmap_body")
def _real_partners_sometimes(context, body):
    """A referral's receiver or a consent's partner: generated, or the demo's other centre, so a referral
    may be refused for want of consent (409) or sent (201)."""
    names = [k for k in ("to_organisation", "partner") if isinstance(body, dict) and _is_uuid(body.get(k))]
    if not names:
        return st.just(body)
    return _sometimes(body, *(dict.fromkeys(names, org) for org in PARTNERS))


@schema.hook("flatmap_query")
def _a_country_with_series_sometimes(context, query):
    """Only a valid code is replaced, so a negative case stays negative."""
    if not isinstance(query, dict) or not re.fullmatch(r"[A-Za-z]{2}", str(query.get("country", ""))):
        return st.just(query)
    return _sometimes(query, {"country": COUNTRY_WITH_SERIES})


@pytest.fixture(autouse=True)
def _no_lockout_for_the_checks_wrong_logins(settings):
    """``ignored_auth`` sends wrong credentials to every operation and expects 401; after five of them the
    login policy would lock the address out (429, documented; the lockout is tested in tests/accounts)."""
    settings.AXES_FAILURE_LIMIT = 1_000_000


@pytest.fixture
def statistics(db, tmp_path):
    """Two series of Mongolia with values and a dated source, so the series API has something to answer."""
    from kenes.observatory.importing import SourceInfo, import_stats

    path = tmp_path / "wages.csv"
    path.write_text(
        "indicator,country,breakdown,period,value,notes\n"
        f"ear_inee_noc_nb,{COUNTRY_WITH_SERIES},,2022,420000,\n"
        f"ear_inee_noc_nb,{COUNTRY_WITH_SERIES},,2023,550000,\n"
        f"ear_emta_sex_cur_nb,{COUNTRY_WITH_SERIES},cur_type_usd,2023,490,a note\n",
        encoding="utf-8",
    )
    import_stats(path, SourceInfo("Contract test source", dt.date(2026, 2, 14)))


@pytest.fixture
def desk(db, monkeypatch, settings) -> dict[str, str]:
    """The desk as ``kenes demo`` sets it up, and the headers of its Almaty consultant's API token (from
    ``kenes desk token``). The Tashkent centre refers a case of its own to Almaty, so there is a referral to
    accept or decline besides the one Almaty sent (to revoke)."""
    from django.contrib.auth import get_user_model

    from kenes.cli import main
    from kenes.desk import consents, demo, referrals
    from kenes.desk.models import Case, Referral
    from kenes.desk.scope import staff_of

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the demo's 8 users
    monkeypatch.setenv("KENES_DEMO_PASSWORD", "demo-Contract-password-2026")
    demo.load(cases_per_centre=2)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["desk", "token", "demo-consultant-kz", "--name", "contract test"]) == 0
    staff = {
        country: staff_of(get_user_model().objects.get(username=f"demo-consultant-{country}"))
        for country in ("kz", "uz")
    }
    almaty, tashkent = staff["kz"], staff["uz"]
    theirs = Case.objects.filter(organisation_id=tashkent.organisation_id).first()
    consents.record_consent(tashkent, theirs, "share", "written", partner=almaty.organisation)
    incoming = referrals.send(tashkent, theirs, almaty.organisation, "Please see them in Almaty")
    outgoing = Referral.objects.get(from_organisation_id=almaty.organisation_id)
    KNOWN[:] = [
        {
            "case_id": str(case.pk),
            "consent_id": str(case.consents.first().pk),
            "referral_id": str(referral.pk),
        }
        for case in Case.objects.filter(organisation_id=almaty.organisation_id)
        for referral in (outgoing, incoming)
    ]
    PARTNERS[:] = [str(tashkent.organisation_id)]
    yield {"Authorization": f"Bearer {printed.getvalue().strip()}", "Accept-Encoding": "identity"}
    KNOWN.clear()
    PARTNERS.clear()


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_openapi_document_says(case, library, statistics, desk):
    """The desk's operations as a consultant of a demo centre (by API token), the others as the editor."""
    headers = desk if case.operation.path.startswith("/api/desk/") else AUTH
    case.call_and_validate(headers=headers, checks=CHECKS)


def test_a_patch_whose_body_is_json_null_is_refused(client, library):
    response = client.patch(
        f"/api/works?work={f.LC_URI}", "null", content_type="application/json", headers=AUTH
    )
    assert response.status_code == 422
    assert "the body must be a JSON object" in response.json()["error"]["message"]


def test_a_search_on_a_date_the_index_cannot_hold_is_a_400(client, library):
    response = client.get("/api/search", {"q": "оплата", "date": "1200-12-17"}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "the date must be between 1678-01-01 and 2261-12-31"


WRONG_BASIC = "Basic " + base64.b64encode(b"nobody:wrong").decode()


@pytest.mark.parametrize(
    ("path", "cookies", "authorization"),
    [
        ("/api/desk/cases", {"sessionid": "unknown", "csrftoken": "x" * 32}, None),
        ("/api/desk/cases", {}, WRONG_BASIC),
        ("/api/works", {}, WRONG_BASIC),
        ("/api/works", {"sessionid": "unknown"}, AUTH["Authorization"]),
    ],
)
def test_a_multipart_body_without_a_boundary_is_a_400_whoever_sends_it(
    path, cookies, authorization, library, desk
):
    """Found by schemathesis' content-type probe: the CSRF check of a session cookie and the login policy's
    record of an HTTP Basic login read the form before the view, and Django's parse error was a 500."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.cookies.load(cookies)
    headers = {"Authorization": authorization} if authorization else {}
    response = client.post(path, "{}", content_type="multipart/form-data", headers=headers)
    assert response.status_code == 400, response.content
    assert response.json()["error"]["message"].startswith("the multipart body cannot be read")


def test_every_operation_that_takes_http_basic_documents_the_lockout(client, db):
    document = client.get("/api/openapi.json").json()
    basic = [
        (method, path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if any("BasicAuth" in requirement for requirement in operation.get("security", []))
    ]
    assert ("post", "/api/desk/cases") in basic and ("post", "/api/works") in basic
    for method, path in basic:
        locked = document["paths"][path][method]["responses"]["429"]
        assert locked["headers"]["Retry-After"]["required"] is True, (method, path)
