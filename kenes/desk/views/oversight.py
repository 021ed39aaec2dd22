"""Overdue follow-ups, the centre head's audit view, anonymised statistics (with CSV export)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .. import audit, scope, statistics
from ..models import AuditAction, Category, Outcome
from .common import desk_page, log


@desk_page()
def overdue(request: HttpRequest, staff) -> HttpResponse:
    """Follow-ups past due and not done: the user's own, and per consultant for the whole centre."""
    today = timezone.localdate()
    late = (
        scope.follow_ups_for(request.user)
        .filter(done_at__isnull=True, due_on__lt=today)
        .select_related("case", "assigned_to")
        .order_by("due_on")
    )
    per_consultant = (
        late.values("assigned_to__username").annotate(n=Count("id")).order_by("-n", "assigned_to__username")
    )
    log(staff, AuditAction.LIST, request, object_type="followup", detail="overdue")
    return render(
        request,
        "desk/overdue.html",
        {
            "mine": [f for f in late if f.assigned_to_id == staff.user.pk][:200],
            "per_consultant": per_consultant,
            "centre_total": late.count(),
            "today": today,
        },
    )


@desk_page(frozenset({"head"}))
def audit_log(request: HttpRequest, staff) -> HttpResponse:
    entries = scope.audit_for(request.user).order_by("-seq")
    action = request.GET.get("action", "")
    if action in AuditAction.values:
        entries = entries.filter(action=action)
    verdict = audit.verify() if request.GET.get("verify") else None
    log(
        staff,
        AuditAction.LIST,
        request,
        object_type="audit",
        detail=f"page={request.GET.get('page', 1)}"[:40],
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "desk/audit.html",
        {
            "page": page,
            "actions": AuditAction.choices,
            "action": action,
            "verdict": verdict,
        },
    )


@desk_page(scope.STATISTICS_ROLES)
def statistics_page(request: HttpRequest, staff) -> HttpResponse:
    cases = scope.statistics_cases_for(request.user)
    if request.GET.get("format") == "csv":
        log(staff, AuditAction.EXPORT, request, object_type="statistics", detail="csv")
        response = HttpResponse(statistics.as_csv(cases), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="kenes-desk-statistics.csv"'
        return response
    labels = {**dict(Category.choices), **dict(Outcome.choices)}
    tables = [statistics.table(cases, d) for d in ("category", "outcome", "month")]
    for table in tables:
        table.rows = [(labels.get(label, label), value) for label, value in table.rows]
    return render(
        request,
        "desk/statistics.html",
        {
            "tables": tables,
            "corridors": statistics.corridors(cases),
        },
    )
