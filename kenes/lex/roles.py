"""Who may change the legal database: superusers and members of the editor group."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group


def is_editor(user: object) -> bool:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    return user.groups.filter(name=settings.KENES_EDITOR_GROUP).exists()  # type: ignore[attr-defined]


def editor_group() -> Group:
    """The editor group, created with the model permissions of the legal database on first use."""
    from django.contrib.auth.models import Permission

    group, created = Group.objects.get_or_create(name=settings.KENES_EDITOR_GROUP)
    if created:
        group.permissions.set(Permission.objects.filter(content_type__app_label="lex"))
    return group
