from .competitions import Assignment, Criterion, Edition, Nomination, Score
from .disputes import Dispute, DisputeStage
from .stats import Indicator, Series, Source, TreatyStatus, Value
from .treaties import Commitment, CommitmentProgress, ImplementationLink

__all__ = [
    "Assignment",
    "Commitment",
    "CommitmentProgress",
    "Criterion",
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
]
