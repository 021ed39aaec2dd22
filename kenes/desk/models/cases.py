"""The person, the case and what hangs off it. Every personal field is an :class:`EncryptedTextField`."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..crypto import EncryptedTextField, blind_index, normalise_document, normalise_phone
from . import choices as vocab

ORGANISATION = "accounts.Organisation"


def new_reference() -> str:
    """What a person quotes on the phone: short, unambiguous, not derived from anything about them."""
    alphabet = "ACDEFGHJKLMNPQRTUVWXY3479"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(2))


#: The case list's filters besides the category, in the order an index carries those it does not lead with.
_CASE_LIST_FILTERS = ("status", "urgency", "consultant")


def _case_list_index(lead: str | None, name: str) -> models.Index:
    """The case list's index for the filter ``lead`` (``None``: no filter), newest first, carrying the other
    filters and the id (see ``Case.Meta``): one rule, so a new filter reaches every index alike."""
    led = [lead] if lead else []
    carried = [f for f in _CASE_LIST_FILTERS if f != lead]
    return models.Index(fields=["organisation", *led, "-opened_at", *carried, "id"], name=name)


class Person(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.PROTECT, related_name="+")
    full_name = EncryptedTextField(_("full name"))
    document_number = EncryptedTextField(_("document number"))
    phone = EncryptedTextField(_("phone"))
    messenger = EncryptedTextField(_("messenger"))
    address = EncryptedTextField(_("address"))
    birth_date = EncryptedTextField(_("date of birth"))
    employer = EncryptedTextField(_("employer"))
    sex = models.CharField(_("sex"), max_length=1, choices=vocab.Sex.choices, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=2, blank=True)
    languages = models.CharField(_("languages"), max_length=40, blank=True)
    document_status = models.CharField(
        _("document status"), max_length=20, choices=vocab.DocumentStatus.choices, blank=True
    )
    host_region = models.CharField(_("region"), max_length=80, blank=True)
    sector = models.CharField(_("sector"), max_length=80, blank=True)
    arrival_date = models.DateField(_("arrival date"), null=True, blank=True)
    #: keyed blind indexes (HMAC of the normalised value) for duplicate checks; never the value itself
    document_index = models.CharField(max_length=64, blank=True)
    phone_index = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["organisation", "document_index"]),
            models.Index(fields=["organisation", "phone_index"]),
        ]

    def __str__(self) -> str:
        return f"person {self.id}"

    def save(self, *args, **kwargs):
        self.document_index = blind_index("document", normalise_document(self.document_number or ""))
        self.phone_index = blind_index("phone", normalise_phone(self.phone or ""))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "document_index", "phone_index"}
        super().save(*args, **kwargs)


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    organisation = models.ForeignKey(ORGANISATION, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cases")
    host_country = models.CharField(_("host country"), max_length=2, blank=True)
    summary = EncryptedTextField(_("summary"))
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=vocab.Urgency.choices, default=vocab.Urgency.NORMAL
    )
    channel = models.CharField(
        _("channel"), max_length=12, choices=vocab.Channel.choices, default=vocab.Channel.VISIT
    )
    status = models.CharField(
        _("status"), max_length=12, choices=vocab.Status.choices, default=vocab.Status.NEW
    )
    outcome = models.CharField(_("outcome"), max_length=24, choices=vocab.Outcome.choices, blank=True)
    outcome_amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    outcome_currency = models.CharField(_("currency"), max_length=3, blank=True)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    possible_duplicate = models.BooleanField(default=False)
    #: the referral this case was created from, on the receiving side
    received_from = models.OneToOneField(
        "desk.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="received_case"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        # The case list (page and API) filters an organisation's cases by status, urgency, consultant and
        # category, newest first, and counts them. Each index leads with one filter and carries the others
        # and the id, so the count and the page are read from the index alone (no row is fetched but the 30
        # shown); the last one serves the category filter, which arrives as a list of case ids.
        # bench/desk.py measures it at 100,000 cases.
        indexes = [
            _case_list_index("status", "desk_case_list_status"),
            _case_list_index("consultant", "desk_case_list_consultant"),
            _case_list_index(None, "desk_case_list_newest"),
            _case_list_index("urgency", "desk_case_list_urgency"),
            models.Index(
                fields=["id", "organisation", "opened_at", "status", "urgency", "consultant"],
                name="desk_case_list_by_id",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def categories(self) -> list[str]:
        return [c.code for c in self.category_rows.all()]


class CaseCategory(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="category_rows")
    code = models.CharField(max_length=32, choices=vocab.Category.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="desk_case_category_once")]
        indexes = [models.Index(fields=["code", "case"])]

    def __str__(self) -> str:
        return self.code


class Consent(models.Model):
    """A consent as given: what, to whom, how, recorded by whom; withdrawn by setting ``withdrawn_at``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("consent to"), max_length=12, choices=vocab.ConsentKind.choices)
    partner = models.ForeignKey(
        ORGANISATION, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    #: what a share consent covers (field names of the person and case)
    covers = models.CharField(max_length=200, blank=True)
    given_on = models.DateField(_("date"))
    method = models.CharField(_("method"), max_length=12, choices=vocab.ConsentMethod.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.kind} consent {self.pk}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None

    @property
    def covered_fields(self) -> list[str]:
        return [f for f in self.covers.split(",") if f]


class Consultation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consultations")
    held_on = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=12, choices=vocab.Channel.choices)
    language = models.CharField(_("language"), max_length=8)
    advice = EncryptedTextField(_("advice"))
    minutes = models.PositiveIntegerField(_("time spent (minutes)"), default=0)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-created_at"]

    def __str__(self) -> str:
        return f"consultation {self.pk}"


class Citation(models.Model):
    """A provision cited in a consultation, by identity (work URI + eId + expression date), not by row."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="citations")
    work_uri = models.CharField(max_length=200)
    eid = models.CharField(max_length=200)
    expression_date = models.DateField()
    lang = models.CharField(max_length=3, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.uri

    @property
    def uri(self) -> str:
        lang = f"/{self.lang}@{self.expression_date.isoformat()}" if self.lang else ""
        return f"{self.work_uri}{lang}/~{self.eid}"


class FollowUp(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("due"))
    note = EncryptedTextField(_("note"))
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        indexes = [models.Index(fields=["done_at", "due_on"])]

    def __str__(self) -> str:
        return f"follow-up {self.pk} due {self.due_on}"


class Attachment(models.Model):
    """A file kept encrypted outside static files; the row holds its (encrypted) name and type."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    filename = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    key_id = models.CharField(max_length=40)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"attachment {self.pk}"
