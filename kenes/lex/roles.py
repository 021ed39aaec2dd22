"""Who may change the legal database: superusers and members of the editor group.

The editor role is defined here, in code, so every installation gives its union lawyers the same rights and
`kenes editor` repairs a group whose permissions were changed by hand.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group

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


def is_editor(user: object) -> bool:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    return user.groups.filter(name=settings.KENES_EDITOR_GROUP).exists()  # type: ignore[attr-defined]


def editor_group() -> Group:
    """The editor group, with exactly the permissions of :data:`EDITOR_PERMISSIONS` (set on every call)."""
    from django.contrib.auth.models import Permission

    group, _created = Group.objects.get_or_create(name=settings.KENES_EDITOR_GROUP)
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    group.permissions.set(Permission.objects.filter(content_type__app_label="lex", codename__in=codenames))
    return group
