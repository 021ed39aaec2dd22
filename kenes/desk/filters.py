"""The case list's filters, shared by the page and the API so both list the same cases."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .models import Case, CaseCategory, Category, Status, Urgency


@dataclass
class CaseFilters:
    status: str = ""
    category: str = ""
    urgency: str = ""
    consultant: object | None = None
    reference: str = ""
    overdue: bool = False

    def describe(self) -> str:
        """For the audit log: which filters, never a value typed about a person."""
        parts = [
            f"{k}={v}"
            for k, v in (("status", self.status), ("category", self.category), ("urgency", self.urgency))
            if v
        ]
        if self.consultant is not None:
            parts.append("mine")
        if self.reference:
            parts.append("by reference")
        return " ".join(parts) or "all"


def filtered_cases(cases: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    """Apply the filters to an already scoped queryset (unknown values filter nothing out silently: none)."""
    if filters.status:
        cases = cases.filter(status=filters.status) if filters.status in Status.values else cases.none()
    if filters.urgency:
        cases = cases.filter(urgency=filters.urgency) if filters.urgency in Urgency.values else cases.none()
    if filters.category:
        if filters.category in Category.values:
            cases = cases.filter(pk__in=CaseCategory.objects.filter(code=filters.category).values("case_id"))
        else:
            cases = cases.none()
    if filters.consultant is not None:
        cases = cases.filter(consultant=filters.consultant)
    if filters.reference:
        cases = cases.filter(reference=filters.reference.strip().upper())
    return cases.order_by("-opened_at")
