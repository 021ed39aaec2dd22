"""The audit log: append-only, each entry chained to the one before by an HMAC under a key outside the DB."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("viewed")
    LIST = "list", _("listed")
    EXPORT = "export", _("exported")
    CREATE = "create", _("created")
    EDIT = "edit", _("edited")
    REFERRAL = "referral", _("referral")
    CONSENT = "consent", _("consent")
    ERASE = "erase", _("erased")
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login-failed", _("failed login")
    OVERRIDE = "override", _("urgent override")
    DOWNLOAD = "download", _("downloaded")


class AuditRefused(Exception):
    """Audit entries are never changed or deleted."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditRefused("audit entries are append-only")

    def delete(self):
        raise AuditRefused("audit entries are append-only")


class AuditEntry(models.Model):
    """Who did what to which object, when and from where. Never personal data: ids and field names only."""

    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    actor = models.CharField(max_length=150, blank=True)
    organisation_id = models.UUIDField(null=True, db_index=True)
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(max_length=32, blank=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    ip = models.GenericIPAddressField(null=True)
    detail = models.CharField(max_length=300, blank=True)
    prev = models.CharField(max_length=64)
    digest = models.CharField(max_length=64)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"#{self.seq} {self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditRefused("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditRefused("audit entries are append-only")


class AuditHead(models.Model):
    """The chain's last link (one row): appenders lock it, so entries are numbered without gaps or forks."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    digest = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit head #{self.seq}"
