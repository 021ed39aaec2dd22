"""Competitions: the public winners page, and the jury's own pages (login; a juror sees only the
nominations assigned to them, and only their own scores until the jury closes)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..figures import competitions
from ..tables import Table
from .common import page


def winners(request: HttpRequest) -> HttpResponse:
    """Published editions only: an edition whose results are not published is not shown at all."""
    from ..models import Edition

    editions = Edition.objects.exclude(published_at=None).order_by("-year", "kind")
    tables, shown = [], []
    for edition in editions:
        table = Table(
            f"results-{edition.kind}-{edition.year}-{edition.country}",
            f"{edition.get_kind_display()} {edition.year}",
            [
                _("Place"),
                _("Enterprise"),
                _("Score (0–100)"),
                _("Jurors counted"),
                _("Jurors excluded (conflict)"),
            ],
        )
        results = competitions.results(edition)
        for r in results:
            place = "" if r.place is None else (f"{r.place} =" if r.tied else str(r.place))
            table.rows.append([place, r.enterprise, r.score_display, r.ballots, r.excluded])
        table.source = _("Scores of the jury; equal scores share a place.")
        tables.append(table)
        shown.append((edition, table, results))
    return page(request, "observatory/winners.html", {"editions": shown}, tables)


@login_required
def jury(request: HttpRequest) -> HttpResponse:
    assignments = competitions.assignments_of(request.user)
    return render(request, "observatory/jury.html", {"assignments": assignments})


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = competitions.assignment_for(request.user, pk)
    edition = assignment.nomination.edition
    criteria = list(edition.criteria.all())
    error = ""
    if request.method == "POST":
        try:
            if request.POST.get("action") == "conflict":
                competitions.declare_conflict(assignment, request.POST.get("reason", "").strip())
            else:
                scores = {}
                for c in criteria:
                    raw = request.POST.get(f"criterion-{c.pk}", "").strip()
                    if not raw.isdigit():
                        raise ValidationError(_("%(name)s: give a whole number.") % {"name": c.name})
                    scores[c.pk] = int(raw)
                competitions.record_scores(assignment, scores)
            return redirect("observatory:ballot", pk=pk)
        except (ValidationError, PermissionDenied) as exc:
            error = " ".join(getattr(exc, "messages", [str(exc)]))
    own = {s.criterion_id: s.score for s in assignment.scores.all()}
    return render(
        request,
        "observatory/ballot.html",
        {
            "assignment": assignment,
            "edition": edition,
            "criteria": [(c, own.get(c.pk)) for c in criteria],
            "visible": competitions.visible_scores(request.user, assignment),
            "error": error,
        },
        status=400 if error else 200,
    )


def edition_results(request: HttpRequest, pk: int) -> HttpResponse:
    """One edition's results: public once published; before that, editors only (to check them first)."""
    from kenes.accounts.roles import is_editor

    from ..models import Edition

    edition = get_object_or_404(Edition, pk=pk)
    if edition.published_at is None and not is_editor(request.user):
        raise Http404("results not published")
    return render(
        request,
        "observatory/results.html",
        {"edition": edition, "results": competitions.results(edition)},
    )
