"""The optional TOTP second factor, and how long a staff session lives."""

from __future__ import annotations

import base64
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kenes.accounts.signals import LOGIN_AT
from kenes.cli import main

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def _login(client, path: str, **extra: str):
    data = {"username": "dana", "password": PASSWORD, **extra}
    return client.post(path, data, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_a_password_alone_is_not_enough_when_the_second_factor_is_on(client, device, path):
    response = _login(client, path)
    assert response.status_code == 200
    assert "enter the code from your authenticator app" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_a_wrong_code_is_refused(client, device, path):
    right = _code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = _login(client, path, otp_token=wrong)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_right_code_logs_in_and_the_admin_opens(client, device):
    assert _login(client, "/admin/login/", otp_token=_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_admin_session_without_the_code_is_not_let_in(client, staff, device):
    client.force_login(staff)  # a session that never checked the code
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_without_a_device_the_password_is_enough(client, staff):
    assert _login(client, "/accounts/login/").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_http_basic_is_refused_to_an_account_with_a_second_factor(client, device):
    auth = "Basic " + base64.b64encode(f"dana:{PASSWORD}".encode()).decode()
    response = client.post(
        "/api/works", {}, content_type="application/json", HTTP_AUTHORIZATION=auth, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "second-factor-required"


def test_kenes_user_totp_turns_the_second_factor_on(staff, capsys, client):
    assert main(["user", "totp", "dana"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("otpauth://totp/")
    assert _login(client, "/accounts/login/").status_code == 200  # now the code is needed


def test_the_session_cookie_expires_after_the_idle_timeout_and_is_renewed_on_each_request(client, staff):
    assert _login(client, "/accounts/login/").status_code == 302
    response = client.get("/")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE
    assert settings.SESSION_COOKIE_AGE <= 60 * 60


def test_an_idle_session_no_longer_authenticates(client, staff):
    assert _login(client, "/accounts/login/").status_code == 302
    # the idle timeout elapsed: the stored session has expired
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get("/accounts/login/")
    assert response.status_code == 200  # the form, not the redirect a logged-in user gets
    assert "_auth_user_id" not in client.session


def test_a_busy_session_ends_at_the_maximum_lifetime(client, staff):
    assert _login(client, "/accounts/login/").status_code == 302
    assert client.get("/accounts/login/").status_code == 302  # logged in: sent on
    session = client.session
    session[LOGIN_AT] = int(time.time()) - settings.KENES_SESSION_MAX_AGE - 1
    session.save()
    assert client.get("/accounts/login/").status_code == 200
    assert "_auth_user_id" not in client.session


def test_passwords_are_stored_with_argon2id(staff):
    assert staff.password.startswith("argon2$argon2id$")
    assert get_user_model().objects.get(pk=staff.pk).check_password(PASSWORD)


def test_the_admin_refuses_a_weak_password_for_a_new_user(client):
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    response = client.post(
        "/admin/auth/user/add/",
        {"username": "newbie", "usable_password": "true", "password1": "1", "password2": "1"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    assert not get_user_model().objects.filter(username="newbie").exists()
