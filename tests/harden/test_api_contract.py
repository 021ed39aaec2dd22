"""The API keeps its own OpenAPI document: schemathesis (pinned) generates requests from it, valid and
invalid, and checks every answer against it — status codes documented, bodies and headers as documented,
content types, no server error, invalid data refused, a deleted resource gone.

One check is left out, ``positive_data_acceptance`` (every schema-valid request answered 2xx): several
operations refuse schema-valid input on grounds a schema cannot state — a file that is not a law, an AKN URI
naming a country we do not hold, a stay whose exit precedes its entry — always with a documented 400 and the
reason. ``bench/api_contract.py`` runs the full set, that check included, against the live service.
"""

from __future__ import annotations

import base64

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from kenes.lex.importing import import_document
from kenes.search.index import rebuild
from tests import factories as f

PASSWORD = "pw-Editor-123-contract"
AUTH = {
    "Authorization": "Basic " + base64.b64encode(f"contract:{PASSWORD}".encode()).decode(),
    "Accept-Encoding": "identity",  # the WSGI client hands back gzip undecoded
}

#: The advisory desk's and the observatory's routers (landed at 23:00) are not yet held to the document:
#: their statuses are undocumented (bench/api_contract.py lists them). Every other operation is.
NOT_YET = r"^/api/(desk|observatory)/"
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application()).exclude(
    path_regex=NOT_YET
)
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.use_after_free,
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


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_openapi_document_says(case, library):
    case.call_and_validate(headers=AUTH, checks=CHECKS)


def test_a_patch_whose_body_is_json_null_is_refused(client, library):
    response = client.patch(
        f"/api/works?work={f.LC_URI}", "null", content_type="application/json", headers=AUTH
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "the body must be a JSON object of the fields to change"


def test_a_search_on_a_date_the_index_cannot_hold_is_a_400(client, library):
    response = client.get("/api/search", {"q": "оплата", "date": "1200-12-17"}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "the date must be between 1678-01-01 and 2261-12-31"
