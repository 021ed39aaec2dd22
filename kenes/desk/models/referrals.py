"""Referrals between organisations, with their whole trail; and portal help-request throttling."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..crypto import EncryptedTextField
from .cases import ORGANISATION, Case
from .choices import ReferralState


class Referral(models.Model):
    """A case handed to a partner: a sealed copy of what the consent covers, never a live view of the case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.SET_NULL, null=True, related_name="referrals_out")
    from_organisation = models.ForeignKey(ORGANISATION, on_delete=models.PROTECT, related_name="+")
    to_organisation = models.ForeignKey(ORGANISATION, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=10, choices=ReferralState.choices, default=ReferralState.SENT)
    #: JSON of the shared fields, sealed; only what the consent covers
    payload = EncryptedTextField()
    shared_fields = models.CharField(max_length=200, blank=True)
    consent = models.ForeignKey(
        "desk.Consent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    urgent_override = models.BooleanField(default=False)
    #: came as a signed file from another Kenes (the sender checked consent there; the signature shows it)
    imported = models.BooleanField(default=False)
    note = EncryptedTextField(_("note"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"referral {self.pk} ({self.state})"


class ReferralEvent(models.Model):
    """One step of a referral's trail (sent, accepted, declined with reason, revoked, edited)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.state} at {self.at:%Y-%m-%d %H:%M}"


class HelpRequestMark(models.Model):
    """When an address last asked for help from the portal (an HMAC of the address, never the address)."""

    client = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"help request at {self.at}"


class ApiToken(models.Model):
    """A personal API token for scripts; only its SHA-256 is stored (shown once, at creation)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=80, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"token {self.name or self.pk}"


class PartnerKey(models.Model):
    """An organisation's public keys for referral files (its private keys stay in its own key directory)."""

    organisation = models.OneToOneField(ORGANISATION, on_delete=models.CASCADE, related_name="+")
    box_public = models.CharField(max_length=64)
    verify_public = models.CharField(max_length=64)
    added_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"keys of {self.organisation_id}"
