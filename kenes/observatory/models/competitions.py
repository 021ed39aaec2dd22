"""The unions' yearly competitions: "Best Collective Agreement" and "Best Social Partner".

Jurors score independently: until the edition's jury closes a juror sees only their own scores
(``figures/competitions.py`` decides what each person may see), and a juror who declares a conflict of
interest on a nomination is left out of that nomination's result.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Edition(models.Model):
    class Kind(models.TextChoices):
        AGREEMENT = "best-agreement", _("Best Collective Agreement")
        PARTNER = "best-partner", _("Best Social Partner")

    kind = models.CharField(_("competition"), max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    country = models.CharField(_("country"), max_length=8)
    organiser = models.CharField(_("organiser"), max_length=300, blank=True)
    jury_closed_at = models.DateTimeField(_("jury closed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("results published at"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "kind", "country"]
        verbose_name = _("competition edition")
        verbose_name_plural = _("competition editions")
        constraints = [models.UniqueConstraint(fields=["kind", "year", "country"], name="one_edition_a_year")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} ({self.country})"

    @property
    def jury_open(self) -> bool:
        return self.jury_closed_at is None

    def clean(self) -> None:
        if self.published_at and not self.jury_closed_at:
            raise ValidationError(_("Results can be published only after the jury has closed."))


class Criterion(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=300)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=3)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=10)

    class Meta:
        ordering = ["edition", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="criterion_weight_positive")
        ]

    def __str__(self) -> str:
        return f"{self.name} (×{self.weight})"


class Nomination(models.Model):
    """An enterprise nominated; for the agreement competition, the agreement itself as a work of lex."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="nominations")
    enterprise = models.CharField(_("enterprise"), max_length=300)
    agreement_uri = models.CharField(
        _("collective agreement (work URI)"),
        max_length=200,
        blank=True,
        help_text=_("required for the Best Collective Agreement competition"),
    )
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["edition", "enterprise"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [models.UniqueConstraint(fields=["edition", "enterprise"], name="one_nomination_each")]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.edition}"

    def clean(self) -> None:
        if self.edition_id and self.edition.kind == Edition.Kind.AGREEMENT:
            if not self.agreement_uri:
                raise ValidationError({"agreement_uri": _("Name the collective agreement (its work URI).")})
            from kenes.lex.models import Work

            work = Work.objects.filter(frbr_uri=self.agreement_uri).first()
            if work is None:
                raise ValidationError(
                    {"agreement_uri": _("No work with this URI in the legal database: import it first.")}
                )
            if work.work_type != "collective-agreement":
                raise ValidationError({"agreement_uri": _("This work is not a collective agreement.")})


class Assignment(models.Model):
    """A juror asked to score one nomination; a declared conflict of interest excludes them from it."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="assignments")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jury_assignments"
    )
    conflict_declared = models.BooleanField(_("conflict of interest declared"), default=False)
    conflict_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["nomination", "juror"]
        verbose_name = _("jury assignment")
        verbose_name_plural = _("jury assignments")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror"], name="one_assignment_per_juror")
        ]

    def __str__(self) -> str:
        return f"{self.juror} → {self.nomination}"


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        ordering = ["assignment", "criterion"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.criterion.name} = {self.score}"
