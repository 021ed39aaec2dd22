"""Statistics with provenance: an indicator × a country (or a corridor origin → destination) × a period.

Every value names its source and the source's date, so a figure on a page can always say where it comes
from. Codes of countries are ISO 3166-1 alpha-2 in lower case (``kz``), the same as jurisdiction codes and
AKN URIs, so a statistic and a law of one country meet without a lookup table. A partner country of a
corridor (Angola → Russia) need not be a jurisdiction of the legal database, hence plain codes, not keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.Model):
    """What is measured: ``ear_inee_noc_nb`` — statutory minimum wage, local currency per month."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=300, help_text=_("English; translated in the interface"))
    unit = models.CharField(_("unit"), max_length=100)
    definition = models.TextField(_("definition"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Source(models.Model):
    """A publication values were taken from, as of a date (a later release of the same data is a new row)."""

    name = models.CharField(_("name"), max_length=300)
    dated = models.DateField(
        _("source date"), null=True, blank=True, help_text=_("release or retrieval date")
    )
    url = models.CharField(_("address"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name", "dated"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [models.UniqueConstraint(fields=["name", "dated"], name="one_source_per_release")]

    def __str__(self) -> str:
        return f"{self.name} ({self.dated})" if self.dated else self.name


def citations(source_ids: Iterable[int]) -> dict[int, tuple[str, dt.date | None]]:
    """{source id: (name, date)} for the sources of some values: one query of the few sources.

    Pages read values with their ``source_id`` and name the sources from here rather than joining them in:
    with the join, PostgreSQL planned a parallel scan of the values for a chart's eight series, and starting
    its workers cost more than reading the rows (bench/observatory.py).
    """
    wanted = set(source_ids)
    if not wanted:
        return {}
    rows = Source.objects.filter(pk__in=wanted).order_by().values_list("pk", "name", "dated")
    return {pk: (name, dated) for pk, name, dated in rows}


class Series(models.Model):
    """One line of a chart: an indicator for a country, a corridor or a breakdown (currency, sector)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="series")
    country = models.CharField(_("country"), max_length=8, db_index=True, help_text=_("reporting country"))
    origin = models.CharField(_("origin"), max_length=8, blank=True, db_index=True)
    destination = models.CharField(_("destination"), max_length=8, blank=True, db_index=True)
    breakdown = models.CharField(
        _("breakdown"), max_length=64, blank=True, help_text=_("e.g. cur_type_usd, eco_sector_total")
    )
    last_period = models.CharField(
        _("latest period"),
        max_length=10,
        blank=True,
        editable=False,
        help_text=_(
            "kept by the importer, so a page finds each series' latest value without scanning values"
        ),
    )

    class Meta:
        ordering = ["indicator__code", "country", "origin", "destination", "breakdown"]
        verbose_name = _("series")
        verbose_name_plural = _("series")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "country", "origin", "destination", "breakdown"],
                name="one_series_per_key",
            )
        ]
        # a country's corridors, from either end (a country page lists both)
        indexes = [
            models.Index(fields=["origin", "indicator"], name="series_origin_indicator"),
            models.Index(fields=["destination", "indicator"], name="series_destination_indicator"),
        ]

    def __str__(self) -> str:
        corridor = f" {self.origin}→{self.destination}" if self.origin or self.destination else ""
        extra = f" [{self.breakdown}]" if self.breakdown else ""
        return f"{self.indicator.code} {self.country}{corridor}{extra}"

    @property
    def is_corridor(self) -> bool:
        return bool(self.origin or self.destination)


class Value(models.Model):
    """One published number, as published: no rounding, with where it comes from."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(_("period"), max_length=10, help_text=_("2024, 2024-03 or 2024-Q1"))
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=8)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="values")
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["series", "period"]
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [models.UniqueConstraint(fields=["series", "period"], name="one_value_per_period")]

    def __str__(self) -> str:
        return f"{self.series} {self.period} = {self.value}"


class TreatyStatus(models.Model):
    """A treaty's status for a country as a statistics source states it (e.g. the UN Migrant Workers
    Convention from the UN Treaty Collection), kept beside the legal database's own ratification records so
    the tracker can show where the two agree, and where only one of them knows something."""

    class Status(models.TextChoices):
        PARTY = "party", _("State party")
        SIGNATORY = "signatory", _("Signatory")
        NO_ACTION = "no-action", _("No action")

    treaty = models.CharField(_("treaty"), max_length=32, help_text=_("short code, e.g. ICRMW"))
    country = models.CharField(_("country"), max_length=8)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    year = models.PositiveSmallIntegerField(_("year of ratification or accession"), null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="treaty_statuses")
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["treaty", "country"]
        verbose_name = _("treaty status (statistics)")
        verbose_name_plural = _("treaty statuses (statistics)")
        constraints = [models.UniqueConstraint(fields=["treaty", "country"], name="one_status_per_treaty")]

    def __str__(self) -> str:
        return f"{self.treaty} {self.country}: {self.status}"
