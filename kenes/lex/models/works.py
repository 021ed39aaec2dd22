"""Works (acts, conventions, agreements) and their expressions (one language, in force from one date)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..akn.uri import expression_uri
from .places import Jurisdiction
from .topics import Topic


class WorkType(models.TextChoices):
    CONSTITUTION = "constitution", _("Constitution")
    CODE = "code", _("Code")
    LAW = "law", _("Law")
    BYLAW = "bylaw", _("By-law")
    ILO_CONVENTION = "ilo-convention", _("ILO convention")
    ILO_PROTOCOL = "ilo-protocol", _("ILO protocol")
    ILO_RECOMMENDATION = "ilo-recommendation", _("ILO recommendation")
    REGIONAL_TREATY = "regional-treaty", _("Regional treaty")
    REGIONAL_AGREEMENT = "regional-agreement", _("Regional agreement")
    BILATERAL_AGREEMENT = "bilateral-agreement", _("Bilateral agreement")
    COLLECTIVE_AGREEMENT = "collective-agreement", _("Collective agreement")
    OTHER = "other", _("Other")


class Work(models.Model):
    """One act in the FRBR sense, whatever its languages and editions, named by its AKN work URI."""

    frbr_uri = models.CharField(_("FRBR URI"), max_length=255, unique=True)
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="works")
    work_type = models.CharField(_("type"), max_length=32, choices=WorkType.choices, db_index=True)
    doctype = models.CharField(_("AKN document type"), max_length=32, default="act")
    subtype = models.CharField(_("AKN subtype"), max_length=64, blank=True)
    actor = models.CharField(_("AKN actor"), max_length=64, blank=True)
    date = models.DateField(_("date"), help_text=_("Date of adoption or signature, as in the URI"))
    number = models.CharField(_("number"), max_length=64)
    title = models.CharField(_("title"), max_length=500, help_text=_("Title in the original language"))
    short_title = models.CharField(
        _("short title"), max_length=100, blank=True, help_text=_('How lawyers cite it: "ТК РК", "C097"')
    )
    original_lang = models.CharField(_("original language"), max_length=3, default="rus")
    commenced_on = models.DateField(_("in force from"), null=True, blank=True)
    repealed_on = models.DateField(_("repealed on"), null=True, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="works")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["jurisdiction", "-date", "number"]
        verbose_name = _("work")
        verbose_name_plural = _("works")
        indexes = [models.Index(fields=["jurisdiction", "work_type"])]

    def __str__(self) -> str:
        return f"{self.short_title or self.title} ({self.frbr_uri})"

    def in_force_on(self, date: dt.date) -> bool:
        started = self.commenced_on is None or self.commenced_on <= date
        return started and (self.repealed_on is None or date < self.repealed_on)

    def expression_at(self, lang: str | None, date: dt.date) -> Expression | None:
        """The expression in ``lang`` (default: the original) as it stood on ``date``: its point in time."""
        return (
            self.expressions.filter(lang=lang or self.original_lang, date__lte=date).order_by("-date").first()
        )


class Expression(models.Model):
    """A work in one language as in force from one date, with where its text came from."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="expressions")
    lang = models.CharField(
        _("language"), max_length=3, help_text=_("AKN three-letter code: rus, kaz, eng …")
    )
    date = models.DateField(_("in force from"))
    title = models.CharField(_("title"), max_length=500)
    preface = models.TextField(_("preface"), blank=True)
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.CharField(_("source URL or edition id"), max_length=500, blank=True)
    retrieved_on = models.DateField(_("retrieved on"), null=True, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, help_text=_("SHA-256 of the structure"))
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_from = models.CharField(_("imported from"), max_length=255, blank=True)

    class Meta:
        ordering = ["work", "lang", "-date"]
        verbose_name = _("expression")
        verbose_name_plural = _("expressions")
        constraints = [
            models.UniqueConstraint(fields=["work", "lang", "date"], name="one_expression_per_lang_and_date")
        ]

    def __str__(self) -> str:
        return self.uri

    @property
    def uri(self) -> str:
        return expression_uri(self.work.frbr_uri, self.lang, self.date)

    def provision_uri(self, eid: str) -> str:
        """``…/rus@2024-01-01/~art_113``: one provision of this expression."""
        return expression_uri(self.work.frbr_uri, self.lang, self.date, eid=eid)


class CollectiveAgreement(models.Model):
    """What a collective agreement adds to a work: its level, period and registration."""

    class Level(models.TextChoices):
        GENERAL = "general", _("General")
        SECTORAL = "sectoral", _("Sectoral")
        REGIONAL = "regional", _("Regional")
        ENTERPRISE = "enterprise", _("Enterprise")

    work = models.OneToOneField(Work, on_delete=models.CASCADE, related_name="collective_agreement")
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    sector = models.CharField(_("sector or enterprise"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=64, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("collective agreement")
        verbose_name_plural = _("collective agreements")

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.work.title}"


class CollectiveAgreementParty(models.Model):
    class Side(models.TextChoices):
        WORKERS = "workers", _("Workers")
        EMPLOYERS = "employers", _("Employers")
        GOVERNMENT = "government", _("Government")

    agreement = models.ForeignKey(CollectiveAgreement, on_delete=models.CASCADE, related_name="parties")
    side = models.CharField(_("side"), max_length=16, choices=Side.choices)
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.name}"
