"""The register of collective labour disputes, entered by editors (forms or CSV).

A dispute passes through the stages of the Labour Code — conciliation commission, mediation, labour
arbitration, strike — each dated, and ends in an outcome. "Settled without a strike" is computed from these
rows (see ``figures/disputes.py``), never typed in, so the share always comes with its denominator.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dispute(models.Model):
    class Outcome(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement")
        PARTIAL = "partial", _("Partial agreement")
        STRIKE = "strike", _("Strike")
        COURT = "court", _("Court")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    reference = models.CharField(
        _("reference"), max_length=64, unique=True, help_text=_("the editors' register number; CSV key")
    )
    country = models.CharField(_("country"), max_length=8, db_index=True)
    employer = models.CharField(_("employer"), max_length=300)
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=200, blank=True)
    union = models.CharField(_("union"), max_length=300, blank=True)
    workers_involved = models.PositiveIntegerField(_("workers involved"), null=True, blank=True)
    demands = models.TextField(_("demands"), blank=True)
    started_on = models.DateField(_("start date"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(_("outcome date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-started_on", "reference"]
        verbose_name = _("collective labour dispute")
        verbose_name_plural = _("collective labour disputes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="", outcome_on__isnull=True)
                | (~models.Q(outcome="") & models.Q(outcome_on__isnull=False)),
                name="outcome_has_its_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.employer}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if bool(self.outcome) != bool(self.outcome_on):
            raise ValidationError(_("An outcome needs its date, and a date needs an outcome."))
        if self.outcome_on and self.outcome_on < self.started_on:
            raise ValidationError(_("The outcome cannot precede the start of the dispute."))


class DisputeStage(models.Model):
    """One stage the dispute went through, in the Labour Code's order."""

    class Kind(models.TextChoices):
        CONCILIATION = "conciliation", _("Conciliation commission")
        MEDIATION = "mediation", _("Mediation")
        ARBITRATION = "arbitration", _("Labour arbitration")
        STRIKE = "strike", _("Strike")

    ORDER = [Kind.CONCILIATION, Kind.MEDIATION, Kind.ARBITRATION, Kind.STRIKE]

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="stages")
    kind = models.CharField(_("stage"), max_length=16, choices=Kind.choices)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["dispute", "started_on"]
        verbose_name = _("dispute stage")
        verbose_name_plural = _("dispute stages")
        constraints = [models.UniqueConstraint(fields=["dispute", "kind"], name="one_stage_of_each_kind")]

    def __str__(self) -> str:
        return f"{self.dispute.reference}: {self.kind} {self.started_on}"
