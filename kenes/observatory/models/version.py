"""The observatory's data version: one row whose token changes with every write to what its summary pages
show, so those pages can be kept in a cache until the data changes (``kenes.observatory.freshness``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """A single row (pk 1). A random token rather than a counter: a rolled-back write puts the old token
    back, and a counter would then hand out numbers already used for other data."""

    token = models.CharField(_("token"), max_length=32)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return self.token
