"""Jurisdictions: the countries and the international bodies whose law Kenes holds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Jurisdiction(models.Model):
    """A place in the AKN sense: an ISO country (``kz``) or an international body (``aa-ilo``).

    The code is exactly the country part of AKN URIs, so a URI names its jurisdiction without a lookup
    table. International bodies use the ``aa-`` prefix, as Laws.Africa does for the African Union.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        INTERNATIONAL = "international", _("International organisation")
        REGIONAL = "regional", _("Regional organisation")

    code = models.CharField(_("code"), max_length=32, primary_key=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.COUNTRY)
    name = models.CharField(_("name"), max_length=200, help_text=_("English name; translated in the UI"))
    official_languages = models.CharField(
        _("official languages"),
        max_length=64,
        blank=True,
        help_text=_("AKN three-letter codes, comma-separated"),
    )
    members = models.ManyToManyField("self", blank=True, symmetrical=False, related_name="memberships")

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"
