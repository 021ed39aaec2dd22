"""Curated links between convention articles and national provisions, and the General Agreement's
ratification commitments — the lawyers' judgement the ratification tracker and its gap report rest on.

Both sides of a link are (work URI, eId) pairs, the identity the legal database uses everywhere, so a link
survives re-imports and new editions of either text.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImplementationLink(models.Model):
    """ "Article 3 of C190 is implemented in Kazakhstan by art. 22 of the Labour Code" — curated."""

    convention = models.CharField(_("convention work URI"), max_length=200, db_index=True)
    convention_eid = models.CharField(_("convention article eId"), max_length=200)
    country = models.CharField(_("country"), max_length=8, db_index=True)
    national_work = models.CharField(_("national work URI"), max_length=200)
    national_eid = models.CharField(_("national provision eId"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    curated_by = models.CharField(_("curated by"), max_length=200, blank=True)
    curated_on = models.DateField(_("curated on"), null=True, blank=True)

    class Meta:
        ordering = ["convention", "country", "convention_eid"]
        verbose_name = _("implementation link")
        verbose_name_plural = _("implementation links")
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "convention_eid", "country", "national_work", "national_eid"],
                name="one_link_per_pair_of_provisions",
            )
        ]

    def __str__(self) -> str:
        return f"{self.convention}~{self.convention_eid} → {self.national_work}~{self.national_eid}"


class Commitment(models.Model):
    """One of the ratification commitments of an agreement (e.g. the General Agreement 2024–2026)."""

    agreement = models.CharField(_("agreement"), max_length=300)
    number = models.PositiveSmallIntegerField(_("number"))
    country = models.CharField(_("country"), max_length=8)
    instrument = models.CharField(
        _("instrument code"), max_length=32, blank=True, help_text=_("e.g. C190; empty when not sourced")
    )
    text = models.TextField(_("commitment as worded"), blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)

    class Meta:
        ordering = ["agreement", "country", "number"]
        verbose_name = _("ratification commitment")
        verbose_name_plural = _("ratification commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "country", "number"], name="one_commitment_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement} #{self.number} ({self.country}) {self.instrument}"


class CommitmentProgress(models.Model):
    """A dated, sourced step towards a commitment (draft law, parliament vote, registration with the ILO)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="progress")
    on = models.DateField(_("date"))
    step = models.CharField(_("step"), max_length=300)
    source = models.CharField(_("source"), max_length=500)

    class Meta:
        ordering = ["commitment", "on"]
        verbose_name = _("commitment progress")
        verbose_name_plural = _("commitment progress")

    def __str__(self) -> str:
        return f"{self.commitment}: {self.on} {self.step}"
