from .competitions import Assignment, Criterion, Edition, Nomination, Score
from .disputes import Dispute, DisputeStage
from .stats import Indicator, Series, Source, TreatyStatus, Value, citations
from .treaties import Commitment, CommitmentProgress, ImplementationLink
from .version import DataVersion

__all__ = [
    "Assignment",
    "Commitment",
    "CommitmentProgress",
    "Criterion",
    "DataVersion",
    "Dispute",
    "DisputeStage",
    "Edition",
    "ImplementationLink",
    "Indicator",
    "Nomination",
    "Score",
    "Series",
    "Source",
    "TreatyStatus",
    "Value",
    "citations",
]
