"""The desk's closed vocabularies (stored codes; labels translated)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    UNPAID_WAGES = "unpaid-wages", _("Unpaid wages")
    DISMISSAL = "dismissal", _("Dismissal")
    NO_CONTRACT = "no-contract", _("No written contract")
    DOCUMENTS_CONFISCATED = "documents-confiscated", _("Document confiscation")
    INJURY = "injury", _("Injury at work")
    STAY_REGISTRATION = "stay-registration", _("Stay and registration")
    WORK_PERMIT = "work-permit", _("Work permit")
    SOCIAL_SECURITY = "social-security", _("Social security and pension")
    RECRUITMENT_DEBT = "recruitment-debt", _("Recruitment fees and debt")
    VIOLENCE = "violence", _("Violence and harassment")
    # The ILO indicators of forced labour (ILO 2012); any of them makes a case urgent.
    ILO_VULNERABILITY = "ilo-abuse-of-vulnerability", _("Forced labour: abuse of vulnerability")
    ILO_DECEPTION = "ilo-deception", _("Forced labour: deception")
    ILO_MOVEMENT = "ilo-restriction-of-movement", _("Forced labour: restriction of movement")
    ILO_ISOLATION = "ilo-isolation", _("Forced labour: isolation")
    ILO_VIOLENCE = "ilo-physical-sexual-violence", _("Forced labour: physical and sexual violence")
    ILO_THREATS = "ilo-intimidation-threats", _("Forced labour: intimidation and threats")
    ILO_DOCUMENTS = "ilo-retention-of-documents", _("Forced labour: retention of identity documents")
    ILO_WAGES = "ilo-withholding-of-wages", _("Forced labour: withholding of wages")
    ILO_DEBT = "ilo-debt-bondage", _("Forced labour: debt bondage")
    ILO_CONDITIONS = "ilo-abusive-conditions", _("Forced labour: abusive working and living conditions")
    ILO_OVERTIME = "ilo-excessive-overtime", _("Forced labour: excessive overtime")
    TRAFFICKING = "trafficking-suspicion", _("Suspicion of trafficking")


URGENT_CATEGORIES = frozenset(c.value for c in Category if c.value.startswith("ilo-")) | {
    Category.TRAFFICKING.value
}


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent")


class Channel(models.TextChoices):
    VISIT = "visit", _("Visit")
    PHONE = "phone", _("Phone")
    MESSENGER = "messenger", _("WhatsApp/Telegram")
    EMAIL = "email", _("E-mail")
    PORTAL = "portal", _("Portal form")
    REFERRAL = "referral", _("Referral from a partner")


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in-progress", _("In progress")
    REFERRED = "referred", _("Referred")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


#: Allowed status changes; "reopen" is resolved/closed → in progress.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.IN_PROGRESS, Status.REFERRED, Status.RESOLVED, Status.CLOSED}),
    Status.IN_PROGRESS: frozenset({Status.REFERRED, Status.RESOLVED, Status.CLOSED}),
    Status.REFERRED: frozenset({Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED}),
    Status.RESOLVED: frozenset({Status.CLOSED, Status.IN_PROGRESS}),
    Status.CLOSED: frozenset({Status.IN_PROGRESS}),
}


class Outcome(models.TextChoices):
    WAGES_RECOVERED = "wages-recovered", _("Wages recovered")
    REINSTATED = "reinstated", _("Reinstated")
    DOCUMENTS_RETURNED = "documents-returned", _("Documents returned")
    ADVICE_ONLY = "advice-only", _("Advice only")
    INSPECTORATE = "inspectorate-complaint", _("Complaint to the labour inspectorate")
    COURT = "court", _("Court")


class DocumentStatus(models.TextChoices):
    HELD = "held", _("Holds own documents")
    EMPLOYER = "held-by-employer", _("Passport held by the employer")
    LOST = "lost", _("Lost or stolen")
    EXPIRED = "expired", _("Expired")
    NONE = "none", _("No documents")
    UNKNOWN = "", _("Not known")


class Sex(models.TextChoices):
    FEMALE = "f", _("Female")
    MALE = "m", _("Male")
    OTHER = "x", _("Other / not said")


class ConsentKind(models.TextChoices):
    KEEP = "keep", _("Keep the data")
    SHARE = "share", _("Share with a partner organisation")
    STATISTICS = "statistics", _("Use anonymised in statistics")


class ConsentMethod(models.TextChoices):
    ORAL = "oral", _("Oral")
    WRITTEN = "written", _("Written")
    ELECTRONIC = "electronic", _("Electronic")


class ReferralState(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Revoked")


#: what a referral can carry (the consent says which of these)
SHAREABLE_FIELDS = (
    "full_name",
    "document_number",
    "phone",
    "messenger",
    "citizenship",
    "languages",
    "birth_date",
    "employer",
    "host_region",
    "sector",
    "document_status",
    "summary",
    "categories",
    "host_country",
)
DEFAULT_SHARED = ("full_name", "phone", "citizenship", "languages", "summary", "categories", "host_country")
