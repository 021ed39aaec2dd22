"""`kenes org create`, `kenes user create`, `kenes editor`: set-up from a terminal; weak passwords refused."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from kenes.accounts import cli as accounts_cli
from kenes.accounts.models import Organisation, OrganisationKind, Role, StaffMembership
from kenes.cli import main

pytestmark = pytest.mark.django_db
User = get_user_model()
GOOD = "correct-horse-battery-7"


def _validator_messages(password: str, username: str) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, User(username=username))
    return refused.value.messages


def test_org_create_makes_a_national_centre_and_an_advisory_centre_inside_it(capsys):
    assert (
        main(["org", "create", "fprk", "--name", "ФПРК", "--country", "KZ", "--kind", "national_centre"]) == 0
    )
    assert (
        main(
            [
                "org",
                "create",
                "fprk-almaty",
                "--name",
                "Центр в Алматы",
                "--country",
                "kz",
                "--parent",
                "fprk",
            ]
        )
        == 0
    )
    centre = Organisation.objects.get(slug="fprk-almaty")
    assert centre.kind == OrganisationKind.ADVISORY_CENTRE
    assert centre.country == "kz"
    assert centre.parent.slug == "fprk"
    assert centre.parent.kind == OrganisationKind.NATIONAL_CENTRE
    assert str(centre.pk) in capsys.readouterr().out


def test_org_create_refuses_an_unknown_parent_a_bad_country_and_a_taken_slug(capsys):
    assert main(["org", "create", "a", "--name", "A", "--country", "kz", "--parent", "nowhere"]) == 2
    assert "no organisation 'nowhere'" in capsys.readouterr().err
    assert main(["org", "create", "a", "--name", "A", "--country", "kaz"]) == 2
    assert "country" in capsys.readouterr().err
    assert not Organisation.objects.exists()
    assert main(["org", "create", "a", "--name", "A", "--country", "kz"]) == 0
    assert main(["org", "create", "a", "--name", "Other", "--country", "uz"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert Organisation.objects.get(slug="a").name == "A"


def test_user_create_puts_a_consultant_in_the_organisation(monkeypatch, client):
    Organisation.objects.create(slug="centre", name="Centre", country="kz")
    monkeypatch.setenv("KENES_PASSWORD", GOOD)
    assert main(["user", "create", "dana", "--org", "centre", "--role", "consultant"]) == 0
    membership = StaffMembership.objects.get(user__username="dana")
    assert membership.role == Role.CONSULTANT
    assert membership.organisation.slug == "centre"
    assert User.objects.get(username="dana").password.startswith("argon2$argon2id$")
    assert client.login(username="dana", password=GOOD)


@pytest.mark.parametrize("weak", ["", "1"])
def test_user_create_refuses_a_weak_password_with_the_validators_message(monkeypatch, capsys, weak):
    Organisation.objects.create(slug="centre", name="Centre", country="kz")
    monkeypatch.setenv("KENES_PASSWORD", weak)
    assert main(["user", "create", "dana", "--org", "centre", "--role", "head"]) == 2
    err = capsys.readouterr().err
    for message in _validator_messages(weak, "dana"):
        assert message in err
    assert not User.objects.filter(username="dana").exists()
    assert not StaffMembership.objects.exists()


def test_user_create_refuses_an_unknown_organisation_and_an_unknown_role(monkeypatch, capsys):
    monkeypatch.setenv("KENES_PASSWORD", GOOD)
    assert main(["user", "create", "dana", "--org", "nowhere", "--role", "lawyer"]) == 2
    assert "no organisation 'nowhere'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["user", "create", "dana", "--org", "nowhere", "--role", "boss"])
    assert not User.objects.exists()


@pytest.mark.parametrize("weak", ["", "1"])
def test_kenes_editor_refuses_a_weak_password_with_the_validators_message(monkeypatch, capsys, weak):
    monkeypatch.setenv("KENES_PASSWORD", weak)
    assert main(["editor", "aigerim"]) == 2
    err = capsys.readouterr().err
    for message in _validator_messages(weak, "aigerim"):
        assert message in err
    assert not User.objects.filter(username="aigerim").exists()


def test_kenes_editor_keeps_the_old_password_when_the_new_one_is_refused(monkeypatch):
    monkeypatch.setenv("KENES_PASSWORD", GOOD)
    assert main(["editor", "aigerim"]) == 0
    monkeypatch.setenv("KENES_PASSWORD", "1")
    assert main(["editor", "aigerim"]) == 2
    assert User.objects.get(username="aigerim").check_password(GOOD)


def test_the_parsers_choices_are_the_models_choices():
    assert set(accounts_cli.KINDS) == set(OrganisationKind.values)
    assert set(accounts_cli.ROLES) == set(Role.values)
