"""Competition results, and who may see which scores.

A juror's ballot for a nomination counts when it scores every criterion and no conflict of interest was
declared; its value is Σ weight × score ÷ Σ weight × highest score, on a 0–100 scale. A nomination's result
is the mean of its counted ballots. Results are compared exactly (fractions), so equal results share a
place and the next place is skipped ("1, 1, 3"), as in sport.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from ..models import Assignment, Criterion, Edition


@dataclass(frozen=True)
class Result:
    nomination_id: int
    enterprise: str
    agreement_uri: str
    score: Fraction | None  # None: no counted ballot
    ballots: int
    excluded: int  # jurors excluded by a declared conflict
    place: int | None
    tied: bool

    @property
    def score_display(self) -> str:
        return "—" if self.score is None else f"{float(self.score):.2f}"


def ballot_value(scores: dict[int, int], criteria: list[Criterion]) -> Fraction | None:
    """One juror's weighted score for one nomination (0–100), or None if a criterion is unscored."""
    if not criteria or any(c.pk not in scores for c in criteria):
        return None
    top = sum(Fraction(c.weight) * c.max_score for c in criteria)
    got = sum(Fraction(c.weight) * scores[c.pk] for c in criteria)
    return got * 100 / top


def results(edition: Edition) -> list[Result]:
    from ..models import Assignment, Score

    criteria = list(edition.criteria.all())
    scores: dict[int, dict[int, int]] = {}
    for assignment_id, criterion_id, score in Score.objects.filter(
        assignment__nomination__edition=edition
    ).values_list("assignment_id", "criterion_id", "score"):
        scores.setdefault(assignment_id, {})[criterion_id] = score
    ballots: dict[int, list[Fraction]] = {}
    excluded: dict[int, int] = {}
    for a in Assignment.objects.filter(nomination__edition=edition):
        if a.conflict_declared:
            excluded[a.nomination_id] = excluded.get(a.nomination_id, 0) + 1
            continue
        value = ballot_value(scores.get(a.pk, {}), criteria)
        if value is not None:
            ballots.setdefault(a.nomination_id, []).append(value)
    rows = []
    for n in edition.nominations.all():
        counted = ballots.get(n.pk, [])
        mean = sum(counted) / len(counted) if counted else None
        rows.append((n, mean, len(counted), excluded.get(n.pk, 0)))
    rows.sort(key=lambda r: (r[1] is None, -(r[1] or 0), r[0].enterprise))
    out: list[Result] = []
    for index, (n, mean, count, skipped) in enumerate(rows):
        if mean is None:
            place = None
        elif out and out[-1].score == mean:
            place = out[-1].place
        else:
            place = index + 1
        out.append(Result(n.pk, n.enterprise, n.agreement_uri, mean, count, skipped, place, False))
    places = [r.place for r in out if r.place is not None]
    return [Result(**{**r.__dict__, "tied": r.place is not None and places.count(r.place) > 1}) for r in out]


# ---------------------------------------------------------------- the jury's actions


def assignments_of(user: object) -> QuerySet[Assignment]:
    """The nominations a juror was asked to score: the only ones they see."""
    from ..models import Assignment

    return Assignment.objects.filter(juror=user).select_related("nomination__edition")


def assignment_for(user: object, pk: int) -> Assignment:
    """The juror's own assignment; another juror's is as absent as a missing one."""
    from django.http import Http404

    found = assignments_of(user).filter(pk=pk).first()
    if found is None:
        raise Http404("no such assignment")
    return found


def visible_scores(user: object, assignment: Assignment) -> dict[str, list[tuple[str, int]]]:
    """Scores the user may see on a nomination: their own while the jury sits; everyone's after it closed."""
    from ..models import Score

    edition = assignment.nomination.edition
    scores = Score.objects.filter(assignment__nomination=assignment.nomination).select_related(
        "criterion", "assignment__juror"
    )
    if edition.jury_open:
        scores = scores.filter(assignment__juror=user)
    out: dict[str, list[tuple[str, int]]] = {}
    for s in scores.order_by("assignment__juror__username", "criterion_id"):
        out.setdefault(s.assignment.juror.get_username(), []).append((s.criterion.name, s.score))
    return out


def record_scores(assignment: Assignment, scores: dict[int, int]) -> None:
    """Save a juror's scores for one nomination (all criteria at once); refused once the jury closed."""
    from ..models import Score

    edition = assignment.nomination.edition
    if not edition.jury_open:
        raise PermissionDenied(_("The jury has closed: scores can no longer change."))
    if assignment.conflict_declared:
        raise PermissionDenied(_("You declared a conflict of interest on this nomination."))
    criteria = {c.pk: c for c in edition.criteria.all()}
    for criterion_id, score in scores.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise ValidationError(_("Unknown criterion."))
        if not 0 <= score <= criterion.max_score:
            raise ValidationError(
                _("%(name)s: a score from 0 to %(max)s.")
                % {"name": criterion.name, "max": criterion.max_score}
            )
    with transaction.atomic():
        for criterion_id, score in scores.items():
            Score.objects.update_or_create(
                assignment=assignment, criterion_id=criterion_id, defaults={"score": score}
            )


def declare_conflict(assignment: Assignment, reason: str) -> None:
    """Excludes the juror from this nomination; their scores for it are removed."""
    if not assignment.nomination.edition.jury_open:
        raise PermissionDenied(_("The jury has closed."))
    with transaction.atomic():
        assignment.conflict_declared = True
        assignment.conflict_reason = reason
        assignment.save(update_fields=["conflict_declared", "conflict_reason"])
        assignment.scores.all().delete()


def close_jury(edition: Edition) -> None:
    if edition.jury_closed_at is None:
        edition.jury_closed_at = timezone.now()
        edition.save(update_fields=["jury_closed_at"])


def publish(edition: Edition) -> None:
    if edition.jury_closed_at is None:
        raise ValidationError(_("Results can be published only after the jury has closed."))
    if edition.published_at is None:
        edition.published_at = timezone.now()
        edition.save(update_fields=["published_at"])
