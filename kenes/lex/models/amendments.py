"""Amendments as effects, after legislation.gov.uk: which act changed which provision, from when."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .works import Work


class Amendment(models.Model):
    """An amending act as it touches one amended work."""

    amended_work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="amendments")
    amending_work = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.SET_NULL, related_name="amendments_made"
    )
    amending_title = models.CharField(
        _("amending act"), max_length=500, help_text=_("As cited, e.g. Закон РК от …")
    )
    amending_number = models.CharField(_("number"), max_length=64, blank=True)
    date = models.DateField(_("date of the amending act"), null=True, blank=True)
    source = models.CharField(_("where this was learned"), max_length=32, default="editor")

    class Meta:
        ordering = ["amended_work", "date"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        constraints = [
            models.UniqueConstraint(
                fields=["amended_work", "amending_number", "date"], name="amendment_once_per_act"
            )
        ]

    def __str__(self) -> str:
        return self.amending_title


class AmendmentEffect(models.Model):
    class Effect(models.TextChoices):
        AMENDED = "amended", _("amended")
        SUBSTITUTED = "substituted", _("substituted (new wording)")
        INSERTED = "inserted", _("inserted")
        REPEALED = "repealed", _("repealed")

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="effects")
    eid = models.CharField(_("affected eId"), max_length=255)
    effect = models.CharField(_("effect"), max_length=16, choices=Effect.choices)
    in_force_on = models.DateField(_("in force from"), null=True, blank=True)
    in_force_text = models.CharField(
        _("commencement as written"), max_length=300, blank=True, help_text=_("When no exact date is given")
    )
    applied = models.BooleanField(_("applied to the text"), default=True)

    class Meta:
        ordering = ["amendment", "eid"]
        verbose_name = _("effect")
        verbose_name_plural = _("effects")
        constraints = [
            models.UniqueConstraint(fields=["amendment", "eid", "effect"], name="effect_once_per_provision")
        ]

    def __str__(self) -> str:
        return f"{self.eid} {self.effect}"
