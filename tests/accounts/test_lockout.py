"""Lockout after repeated failed logins, per account and per address, on every login path.

The admin login, the staff login page and HTTP Basic on the API share one policy: after
``AXES_FAILURE_LIMIT`` failures the account (from any address) and the address (for any account) are refused
with a 429, ``Retry-After`` and a message, before any password hash is computed.
"""

from __future__ import annotations

import base64

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from kenes.accounts.signals import login_attempt

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
LIMIT = settings.AXES_FAILURE_LIMIT


def _form_login(client, path: str, username: str, password: str, ip: str):
    return client.post(
        path, {"username": username, "password": password}, REMOTE_ADDR=ip, HTTP_ACCEPT_LANGUAGE="en"
    )


def _basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def _basic_write(client, username: str, password: str, ip: str):
    """An editor-only write; authentication is judged before the body."""
    return client.post(
        "/api/works",
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION=_basic(username, password),
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE="en",
    )


@pytest.fixture
def events():
    seen: list[dict] = []

    def record(sender, **kwargs):
        seen.append(kwargs)

    login_attempt.connect(record)
    yield seen
    login_attempt.disconnect(record)


@pytest.mark.parametrize("path", ["/admin/login/", "/accounts/login/"])
def test_a_login_page_locks_the_account_after_repeated_failures_from_many_addresses(
    client, staff, hash_count, path
):
    for i in range(LIMIT):
        response = _form_login(client, path, "dana", f"wrong-{i}", ip=f"10.0.0.{i + 1}")
        # the form again with its error, until the failure that reaches the limit says "locked"
        assert response.status_code == (200 if i < LIMIT - 1 else 429)
    hash_count["n"] = 0
    response = _form_login(client, path, "dana", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "Too many failed logins for this account or from this address" in response.content.decode()
    assert hash_count["n"] == 0  # refused before the password was hashed
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/admin/login/", "/accounts/login/"])
def test_a_login_page_locks_the_address_after_failures_on_many_accounts(client, staff, path):
    for i in range(LIMIT):
        _form_login(client, path, f"guess-{i}", "wrong", ip="10.0.0.66")
    assert _form_login(client, path, "dana", PASSWORD, ip="10.0.0.66").status_code == 429
    assert _form_login(client, path, "dana", PASSWORD, ip="10.0.0.7").status_code == 302  # another address


def test_fewer_failures_than_the_limit_do_not_lock(client, staff):
    for i in range(LIMIT - 1):
        _form_login(client, "/accounts/login/", "dana", f"wrong-{i}", ip="10.0.0.1")
    assert _form_login(client, "/accounts/login/", "dana", PASSWORD, ip="10.0.0.1").status_code == 302


def test_http_basic_locks_the_account_and_answers_json_without_hashing(client, staff, hash_count):
    for i in range(LIMIT - 1):
        response = _basic_write(client, "dana", f"wrong-{i}", ip=f"10.0.1.{i + 1}")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthenticated"
    assert _basic_write(client, "dana", "wrong-last", ip="10.0.1.99").status_code == 429
    hash_count["n"] = 0
    response = _basic_write(client, "dana", PASSWORD, ip="10.0.1.200")
    assert response.status_code == 429
    error = response.json()["error"]
    assert error["status"] == 429 and error["code"] == "locked-out"
    assert "Too many failed logins" in error["message"]
    assert response["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    assert hash_count["n"] == 0


def test_http_basic_locks_the_address_for_every_account(client, staff):
    for i in range(LIMIT):
        _basic_write(client, f"guess-{i}", "wrong", ip="10.0.2.1")
    assert _basic_write(client, "dana", PASSWORD, ip="10.0.2.1").status_code == 429
    # the right password from elsewhere passes authentication (then the empty body is what is refused)
    assert _basic_write(client, "dana", PASSWORD, ip="10.0.2.2").status_code not in {401, 429}


def test_a_rejection_while_locked_writes_nothing(client, staff, django_assert_max_num_queries):
    for i in range(LIMIT):
        _basic_write(client, "dana", f"wrong-{i}", ip="10.0.3.1")
    before = list(AccessAttempt.objects.values_list("failures_since_start", "attempt_time"))
    with django_assert_max_num_queries(1):  # one read, refused at the top of the stack
        assert _basic_write(client, "dana", "wrong-again", ip="10.0.3.1").status_code == 429
    assert list(AccessAttempt.objects.values_list("failures_since_start", "attempt_time")) == before


def test_the_lockout_lives_in_the_database_shared_by_all_workers(client, staff):
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    for i in range(LIMIT):
        _form_login(client, "/accounts/login/", "dana", f"wrong-{i}", ip="10.0.4.1")
    assert AccessAttempt.objects.filter(username="dana").exists()
    assert _form_login(client, "/accounts/login/", "dana", PASSWORD, ip="10.0.4.2").status_code == 429
    AccessAttempt.objects.all().delete()  # what `axes_reset` does for an admin: the only state there is
    assert _form_login(client, "/accounts/login/", "dana", PASSWORD, ip="10.0.4.2").status_code == 302


def test_every_attempt_is_announced_for_the_audit_log_without_the_password(client, staff, events):
    _form_login(client, "/accounts/login/", "dana", "wrong-1", ip="10.0.5.1")
    _form_login(client, "/accounts/login/", "dana", PASSWORD, ip="10.0.5.1")
    _basic_write(client, "dana", PASSWORD, ip="10.0.5.2")
    outcomes = [(e["outcome"], e["channel"], e["username"], e["ip_address"]) for e in events]
    assert outcomes == [
        ("failed", "form", "dana", "10.0.5.1"),
        ("succeeded", "form", "dana", "10.0.5.1"),
        ("succeeded", "basic", "dana", "10.0.5.2"),
    ]
    assert events[1]["user"] == staff and events[0]["user"] is None
    for event in events:
        assert PASSWORD not in repr(event) and "wrong-1" not in repr(event)


def test_a_locked_out_attempt_is_announced_as_such(client, staff, events):
    for i in range(LIMIT + 1):
        _form_login(client, "/accounts/login/", "dana", f"wrong-{i}", ip="10.0.6.1")
    assert [e["outcome"] for e in events].count("locked_out") >= 1
    assert events[-1]["outcome"] in {"locked_out", "failed"}


def test_behind_a_trusted_proxy_the_forwarded_address_is_locked_not_the_proxy(client, staff, settings):
    settings.KENES_PROXY_COUNT = 1
    for i in range(LIMIT):
        client.post(
            "/accounts/login/",
            {"username": f"guess-{i}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    locked = client.post(
        "/accounts/login/",
        {"username": "dana", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert locked.status_code == 429
    other_client = client.post(
        "/accounts/login/",
        {"username": "dana", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20",  # spoofed left part ignored
    )
    assert other_client.status_code == 302


def test_a_locked_out_login_page_answers_in_the_browsers_language(client, staff):
    for i in range(LIMIT):
        _form_login(client, "/accounts/login/", "dana", f"wrong-{i}", ip="10.0.7.1")
    response = client.post(
        "/accounts/login/",
        {"username": "dana", "password": PASSWORD},
        REMOTE_ADDR="10.0.7.1",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_malformed_basic_credentials_get_the_apis_own_answer(client):
    response = client.post(
        "/api/works",
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic %%%not-base64",
        REMOTE_ADDR="10.0.8.1",
    )
    assert response.status_code == 401
    assert response.json()["error"]["status"] == 401
