"""Competitions built in code: an edition with weighted criteria, nominations and jurors."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model

from kenes.observatory.models import Assignment, Criterion, Edition, Nomination


def user(name: str, **fields):
    u, _ = get_user_model().objects.get_or_create(username=name, defaults=fields)
    u.set_password("juror-pass-123")
    u.save()
    return u


def edition(kind: str = "best-partner", year: int = 2025, **fields) -> Edition:
    e = Edition.objects.create(kind=kind, year=year, country=fields.pop("country", "kz"), **fields)
    Criterion.objects.create(edition=e, name="Wages above the minimum", weight=Decimal("2"), max_score=10)
    Criterion.objects.create(edition=e, name="Safety at work", weight=Decimal("1"), max_score=10)
    return e


def nominate(e: Edition, enterprise: str, *jurors) -> list[Assignment]:
    n = Nomination.objects.create(edition=e, enterprise=enterprise)
    return [Assignment.objects.create(nomination=n, juror=j) for j in jurors]


def scores(e: Edition, wages: int, safety: int) -> dict[int, int]:
    first, second = e.criteria.order_by("id")
    return {first.pk: wages, second.pk: safety}
