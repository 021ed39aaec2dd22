"""Organisations (union centres, their advisory centres, partners), their public contacts, and staff.

Organisations and memberships have UUID keys: case data of the desk refers to them, and a UUID in a URL says
nothing about how many there are or lets anyone walk to the next one.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

#: ISO 3166-1 alpha-2, lower case, as the rest of Kenes writes countries ("kz", "uz").
country_code = RegexValidator(r"^[a-z]{2}$", _("Use the two-letter country code in lower case, e.g. kz."))

#: How long a closed case is kept unless the organisation says otherwise (three years: a wage claim's
#: limitation period in the region is one to three years, and a case may be reopened within it).
DEFAULT_RETENTION_DAYS = 3 * 365


class OrganisationKind(models.TextChoices):
    NATIONAL_CENTRE = "national_centre", _("National trade union centre")
    ADVISORY_CENTRE = "advisory_centre", _("Advisory centre for labour migrants")
    PARTNER = "partner", _("Partner organisation")


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("short name"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.ADVISORY_CENTRE
    )
    country = models.CharField(_("country"), max_length=2, validators=[country_code])
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    retention_days = models.PositiveIntegerField(
        _("case data kept for (days)"),
        default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(1)],
        help_text=_("Closed cases older than this are erased."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.country.upper()})"

    def clean(self) -> None:
        ancestor, seen = self.parent, {self.pk}
        while ancestor is not None:
            if ancestor.pk in seen:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class CentreContact(models.Model):
    """How the public reaches a centre: shown on country pages and under every rights answer.

    Kept apart from :class:`Organisation` so editors of the legal database may correct a phone number
    without being able to change who belongs to which organisation or how long case data is kept.
    A contact nobody has confirmed yet (``confirmed`` off) is shown as such, never as a real number.
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="contact", verbose_name=_("organisation")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    address = models.TextField(_("address"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=64, blank=True)
    telegram = models.CharField(_("Telegram"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_('Language codes, e.g. ["ru", "kk", "uz"].'),
    )
    confirmed = models.BooleanField(
        _("contact confirmed"),
        default=False,
        help_text=_("Leave off until the centre itself has confirmed these details: the page then says so."),
    )
    listed = models.BooleanField(_("shown on public pages"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("centre contact")
        verbose_name_plural = _("centre contacts")

    def __str__(self) -> str:
        return str(self.organisation)

    def clean(self) -> None:
        codes = self.languages
        if not isinstance(codes, list) or not all(
            isinstance(c, str) and 2 <= len(c) <= 3 and c.isalpha() and c.islower() for c in codes
        ):
            raise ValidationError({"languages": _('Give a list of language codes such as ["ru", "uz"].')})


class Role(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    HEAD = "head", _("Centre head")
    LAWYER = "lawyer", _("Lawyer")
    ANALYST = "analyst", _("Analyst (anonymised statistics only)")
    ADMIN = "admin", _("Organisation admin")


class StaffMembership(models.Model):
    """A staff member's one organisation and role: the desk scopes every case query by it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="staff", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.organisation.slug}"
