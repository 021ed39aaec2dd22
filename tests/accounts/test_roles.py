"""The role API the desk builds on: one organisation and one role per staff member."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from kenes.accounts.models import Organisation, Role
from kenes.accounts.roles import has_role, is_editor, membership_of, organisation_of, set_membership

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def centre():
    return Organisation.objects.create(slug="centre-kz", name="Centre", country="kz")


def test_a_consultant_has_the_consultant_role_and_no_other(centre):
    user = User.objects.create_user("dana")
    set_membership(user, centre, Role.CONSULTANT)
    assert organisation_of(user) == centre
    assert has_role(user)
    assert has_role(user, Role.CONSULTANT, Role.HEAD)
    assert not has_role(user, Role.HEAD)
    assert not has_role(user, "analyst")


def test_moving_a_user_to_another_organisation_replaces_the_membership(centre):
    other = Organisation.objects.create(slug="centre-uz", name="Other", country="uz")
    user = User.objects.create_user("dana")
    set_membership(user, centre, Role.CONSULTANT)
    assert organisation_of(user) == centre
    set_membership(user, other, "head")
    assert organisation_of(user) == other
    assert has_role(user, Role.HEAD)
    assert user.membership.organisation == other


def test_anonymous_inactive_and_unaffiliated_users_have_no_role(centre):
    assert membership_of(AnonymousUser()) is None
    outsider = User.objects.create_user("outsider")
    assert membership_of(outsider) is None and not has_role(outsider)
    gone = User.objects.create_user("gone", is_active=False)
    set_membership(gone, centre, Role.ADMIN)
    assert membership_of(gone) is None
    assert not has_role(gone, Role.ADMIN)


def test_an_unknown_role_is_refused(centre):
    with pytest.raises(ValueError):
        set_membership(User.objects.create_user("dana"), centre, "boss")


def test_staff_roles_do_not_make_an_editor(centre):
    user = User.objects.create_user("dana")
    set_membership(user, centre, Role.ADMIN)
    assert not is_editor(user)


def test_an_organisation_cannot_be_its_own_ancestor(centre):
    child = Organisation.objects.create(slug="child", name="Child", country="kz", parent=centre)
    centre.parent = child
    with pytest.raises(ValidationError) as refused:
        centre.full_clean()
    assert list(refused.value.message_dict) == ["parent"]


def test_organisations_and_memberships_have_uuid_keys(centre):
    user = User.objects.create_user("dana")
    membership = set_membership(user, centre, Role.LAWYER)
    assert len(str(centre.pk)) == 36 and len(str(membership.pk)) == 36
