"""Two organisations with staff of every role, and a case factory; real database, real crypto."""

from __future__ import annotations

import itertools

import pytest

from kenes.desk import casework
from kenes.desk.scope import staff_of

_names = itertools.count(1)


def make_org(slug: str, country: str = "kz", kind: str = "advisory_centre"):
    from kenes.accounts.models import Organisation

    return Organisation.objects.create(slug=slug, name=f"Centre {slug}", country=country, kind=kind)


def make_staff(org, role: str, username: str | None = None):
    from django.contrib.auth import get_user_model

    from kenes.accounts.roles import set_membership

    user = get_user_model().objects.create_user(
        username=username or f"{role}{next(_names)}", password="correct horse battery staple"
    )
    set_membership(user, org, role)
    return user


def make_case(user, **overrides):
    person = {
        "full_name": "Zarina Testova",
        "document_number": "N 1234 5678",
        "phone": "+7 701 555 01 02",
        "citizenship": "uz",
    }
    person.update(overrides.pop("person", {}))
    intake = casework.Intake(
        person=person,
        host_country=overrides.pop("host_country", "kz"),
        categories=overrides.pop("categories", ["unpaid-wages"]),
        summary=overrides.pop("summary", "Employer has not paid for three months"),
    )
    return casework.open_case(staff_of(user), intake)


@pytest.fixture
def org_a(db):
    return make_org("centre-a", "kz")


@pytest.fixture
def org_b(db):
    return make_org("centre-b", "uz")


@pytest.fixture
def consultant_a(org_a):
    return make_staff(org_a, "consultant", "cons_a")


@pytest.fixture
def head_a(org_a):
    return make_staff(org_a, "head", "head_a")


@pytest.fixture
def analyst_a(org_a):
    return make_staff(org_a, "analyst", "analyst_a")


@pytest.fixture
def consultant_b(org_b):
    return make_staff(org_b, "consultant", "cons_b")


@pytest.fixture
def head_b(org_b):
    return make_staff(org_b, "head", "head_b")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every API call in these tests checks a password: a cheap hasher keeps the suite quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client(client):
    """The test client reads pages in English unless a test asks for another language."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
