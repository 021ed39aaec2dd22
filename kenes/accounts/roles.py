"""Who may do what: the editor role of the legal database and the staff roles of the desk.

The roles are defined here, in code, so every installation gives its union lawyers and consultants the same
rights, and ``kenes editor`` repairs a group whose permissions were changed by hand. This module names the
legal database's models by their app label only: ``accounts`` is a kernel app and imports nothing of ``lex``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group

from .models import Organisation, Role, StaffMembership

#: Model permissions of the editor group, per model of the ``lex`` app.
#:
#: Editors add and correct; they do not delete the law itself. Deleting a Work, Expression or Provision
#: cascades through its history (every point in time, provision, note and reference) and breaks the URIs
#: that advisory cases, rights answers and shared links cite, so that stays with superusers; a wrong text is
#: corrected by importing it again with "replace". Provisions and references are derived from the imported
#: file: editors may tag a provision with topics (the admin keeps its text read-only) but not write one by
#: hand, or the stored text would drift from its content hash. Rows that record an editor's own judgement
#: about the law (amendment effects, ratification facts, labels, parties) can be deleted, because a mistake
#: there must be removable and nothing cites them.
EDITOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "work": ("view", "add", "change"),
    "expression": ("view", "add", "change"),  # "add" is the import view: an expression comes with its text
    "provision": ("view", "change"),
    "editorialnote": ("view",),
    "reference": ("view",),
    "amendment": ("view", "add", "change", "delete"),
    "amendmenteffect": ("view", "add", "change", "delete"),
    "ratification": ("view", "add", "change", "delete"),
    "topic": ("view", "add", "change"),
    "topiclabel": ("view", "add", "change", "delete"),
    "jurisdiction": ("view", "add", "change"),
    "collectiveagreement": ("view", "add", "change"),
    "collectiveagreementparty": ("view", "add", "change", "delete"),
}

#: Editors also keep the public centre directory (``accounts`` app): the contacts shown on country pages and
#: under rights answers. They see organisations but cannot change them, nor staff, nor retention periods.
DIRECTORY_EDITOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "organisation": ("view",),
    "centrecontact": ("view", "add", "change"),
}

#: Editors keep the observatory's registers too (``observatory`` app): disputes, competitions (not the jurors'
#: scores, which are the jurors' own), curated implementation links and commitments. Statistics come in by
#: import (``kenes stats import``); editors may correct an indicator's or a source's description only.
OBSERVATORY_EDITOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "dispute": ("view", "add", "change", "delete"),
    "disputestage": ("view", "add", "change", "delete"),
    "edition": ("view", "add", "change"),
    "criterion": ("view", "add", "change", "delete"),
    "nomination": ("view", "add", "change", "delete"),
    "assignment": ("view", "add", "change", "delete"),
    "implementationlink": ("view", "add", "change", "delete"),
    "commitment": ("view", "add", "change", "delete"),
    "commitmentprogress": ("view", "add", "change", "delete"),
    "indicator": ("view", "change"),
    "source": ("view", "change"),
    "treatystatus": ("view",),
}


def is_editor(user: object) -> bool:
    """True for active superusers and members of the editor group."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    return user.groups.filter(name=settings.KENES_EDITOR_GROUP).exists()  # type: ignore[attr-defined]


def editor_group() -> Group:
    """The editor group, with exactly the permissions of the tables above (set on every call)."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    group, _created = Group.objects.get_or_create(name=settings.KENES_EDITOR_GROUP)
    wanted = Q(pk__in=[])
    for app_label, table in (
        ("lex", EDITOR_PERMISSIONS),
        ("accounts", DIRECTORY_EDITOR_PERMISSIONS),
        ("observatory", OBSERVATORY_EDITOR_PERMISSIONS),
    ):
        codenames = [f"{action}_{model}" for model, actions in table.items() for action in actions]
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    group.permissions.set(Permission.objects.filter(wanted))
    return group


# ---------------------------------------------------------------- staff roles (read by the desk)


def membership_of(user: object) -> StaffMembership | None:
    """The active user's staff membership (organisation and role), or None for everyone else.

    Cached on the user object for the request, since every scoped query of the desk asks for it.
    """
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    cached = getattr(user, "_kenes_membership", False)
    if cached is not False:
        return cached
    membership = StaffMembership.objects.select_related("organisation").filter(user=user).first()
    user._kenes_membership = membership  # type: ignore[attr-defined]
    return membership


def organisation_of(user: object) -> Organisation | None:
    membership = membership_of(user)
    return membership.organisation if membership else None


def has_role(user: object, *roles: Role | str) -> bool:
    """True when the user is staff of an organisation with one of ``roles`` (any role when none are given)."""
    membership = membership_of(user)
    if membership is None:
        return False
    return not roles or membership.role in {str(r) for r in roles}


def set_membership(user: object, organisation: Organisation, role: Role | str) -> StaffMembership:
    """Put a user in an organisation with a role (a user has one organisation: this moves them)."""
    role = Role(role)
    membership, _created = StaffMembership.objects.update_or_create(
        user=user, defaults={"organisation": organisation, "role": role}
    )
    user.membership = membership  # type: ignore[attr-defined]  # refreshes the reverse one-to-one cache
    if hasattr(user, "_kenes_membership"):
        del user._kenes_membership  # type: ignore[attr-defined]
    return membership
