"""The legal database: works, their language expressions, provisions, amendments, ratifications, topics."""

from .amendments import Amendment, AmendmentEffect
from .places import Jurisdiction
from .provisions import EditorialNote, Provision, Reference
from .ratifications import Ratification
from .topics import Topic, TopicLabel
from .works import CollectiveAgreement, CollectiveAgreementParty, Expression, Work, WorkType

__all__ = [
    "Amendment",
    "AmendmentEffect",
    "CollectiveAgreement",
    "CollectiveAgreementParty",
    "EditorialNote",
    "Expression",
    "Jurisdiction",
    "Provision",
    "Ratification",
    "Reference",
    "Topic",
    "TopicLabel",
    "Work",
    "WorkType",
]
