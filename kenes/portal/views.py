"""Public pages. For now the home page that lists what the database holds; reading pages come next."""

from __future__ import annotations

from django.db import connection
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from kenes.lex.models import Jurisdiction, Ratification, Work


def home(request: HttpRequest) -> HttpResponse:
    works = (
        Work.objects.select_related("jurisdiction")
        .annotate(n_expressions=Count("expressions"))
        .filter(n_expressions__gt=0)
        .order_by("jurisdiction__kind", "jurisdiction_id", "work_type", "-date")
    )
    places = Jurisdiction.objects.annotate(n_works=Count("works"), n_ratifications=Count("ratifications"))
    context = {
        "works": works,
        "places": places,
        "n_ratifications": Ratification.objects.count(),
        "n_instruments": Work.objects.filter(jurisdiction__kind__in=["international", "regional"]).count(),
    }
    return render(request, "portal/home.html", context)


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
