"""Ratifications: which country is bound by which international instrument, since when, with what reserve."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .places import Jurisdiction
from .works import Work


class Ratification(models.Model):
    class Status(models.TextChoices):
        IN_FORCE = "in-force", _("In force")
        NOT_IN_FORCE = "not-in-force", _("Not in force")
        DENOUNCED = "denounced", _("Denounced")
        PENDING = "pending", _("Pending (committed, not yet ratified)")

    country = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="ratifications")
    instrument = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="ratifications")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    ratified_on = models.DateField(_("ratified (registered) on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force for the country from"), null=True, blank=True)
    denounced_on = models.DateField(_("denounced on"), null=True, blank=True)
    accepted_parts = models.CharField(
        _("accepted parts"), max_length=200, blank=True, help_text=_('For C102 and the like: "II, III, V"')
    )
    declarations = models.TextField(_("declarations"), blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    verified_on = models.DateField(_("last verified"), null=True, blank=True)

    class Meta:
        ordering = ["country", "instrument__frbr_uri"]
        verbose_name = _("ratification")
        verbose_name_plural = _("ratifications")
        constraints = [
            models.UniqueConstraint(fields=["country", "instrument"], name="one_ratification_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.country_id} × {self.instrument.short_title or self.instrument.frbr_uri}: {self.status}"

    @property
    def parts(self) -> list[str]:
        return [p.strip() for p in self.accepted_parts.split(",") if p.strip()]
