from .audit import AuditAction, AuditEntry, AuditHead, AuditRefused
from .cases import (
    Attachment,
    Case,
    CaseCategory,
    Citation,
    Consent,
    Consultation,
    FollowUp,
    Person,
)
from .choices import (
    URGENT_CATEGORIES as URGENT_CATEGORIES_SET,
)
from .choices import (
    Category,
    Channel,
    ConsentKind,
    ConsentMethod,
    DocumentStatus,
    Outcome,
    ReferralState,
    Sex,
    Status,
    Urgency,
)
from .referrals import ApiToken, HelpRequestMark, PartnerKey, Referral, ReferralEvent

__all__ = [
    "ApiToken",
    "Attachment",
    "AuditAction",
    "AuditEntry",
    "AuditHead",
    "AuditRefused",
    "Case",
    "CaseCategory",
    "Category",
    "Channel",
    "Citation",
    "Consent",
    "ConsentKind",
    "ConsentMethod",
    "Consultation",
    "DocumentStatus",
    "FollowUp",
    "HelpRequestMark",
    "Outcome",
    "PartnerKey",
    "Person",
    "Referral",
    "ReferralEvent",
    "ReferralState",
    "Sex",
    "Status",
    "Urgency",
    "URGENT_CATEGORIES_SET",
]
