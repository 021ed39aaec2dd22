"""Time travel shown to people: the page between two editions, and the answer for a date before the first one.

Why pages of their own: a reader who asks for the Labour Code "as in force on 1 January 2020" and gets a 404
learns nothing; one who is told "Kenes holds this act from 15.04.2025; here is that edition" can go on. And a
union lawyer checking what an amendment changed wants the two wordings side by side, provision by provision,
with the changed words marked — the same comparison the API gives (``/api/diff``).
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kenes.lex import editions
from kenes.lex import eid as eids
from kenes.lex.akn.uri import expression_uri, provision_uri
from kenes.lex.models import Expression, Work

from . import labels, lawhtml


def diff_page(request: HttpRequest) -> HttpResponse:
    """``/editions/diff?work=…&lang=…&from=YYYY-MM-DD&to=YYYY-MM-DD[&eid=art_124]``: what changed.

    Without dates, the two latest editions in the language are compared; a date picks the edition in force
    on it, so any two dates work, not only the editions' own.
    """
    work = Work.objects.filter(frbr_uri=(request.GET.get("work") or "").strip()).first()
    if work is None:
        raise Http404(_("No such act in Kenes."))
    lang = request.GET.get("lang") or work.original_lang
    held = editions.editions(work, lang)
    context: dict = {"work": work, "lang": lang, "editions": held, "law_lang": lawhtml.html_lang(lang)}
    if len(held) < 2:
        context["only_one"] = True
        return render(request, "portal/editions_diff.html", context)
    try:
        old = _edition(work, lang, request.GET.get("from"), held[-2])
        new = _edition(work, lang, request.GET.get("to"), held[-1])
    except ValueError as exc:
        context["error"] = str(exc)
        return render(request, "portal/editions_diff.html", context, status=400)
    comparison = editions.compare(old, new)
    eid = (request.GET.get("eid") or "").strip()
    if eid:  # from an article page: that article's changes only
        comparison.changes = [c for c in comparison.changes if eids.contains(eid, c.eid)]
        context["eid_label"] = labels.eid_label(eid)
    context.update(
        old=comparison.old,
        new=comparison.new,
        counts=comparison.counts(),
        changes=[_change_row(work, comparison, c) for c in comparison.changes],
        effects=comparison.effects,
    )
    return render(request, "portal/editions_diff.html", context)


def _edition(work: Work, lang: str, raw: str | None, default: Expression) -> Expression:
    if not raw:
        return default
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(_("%(value)s is not a date (YYYY-MM-DD).") % {"value": raw}) from None
    choice = editions.in_force_on(work, lang, day)
    if choice.expression is None:
        first = choice.first.date.strftime("%d.%m.%Y") if choice.first else "—"
        raise ValueError(
            _("Kenes holds no edition in force on %(date)s; the first one held is in force from %(first)s.")
            % {"date": day.strftime("%d.%m.%Y"), "first": first}
        )
    return choice.expression


def _change_row(work: Work, comparison: editions.Comparison, change: editions.Change) -> dict:
    shown = comparison.old if change.change == "removed" else comparison.new
    return {
        "change": change,
        "label": labels.eid_label(change.eid),
        "url": expression_uri(work.frbr_uri, shown.lang, shown.date, eid=change.eid),
    }


def before_first_edition(
    request: HttpRequest, work: Work, choice: editions.Choice, eid: str | None
) -> HttpResponse:
    """A date earlier than every edition held: say so, and lead to the first one (status 404)."""
    first = choice.first
    context = {
        "work": work,
        "asked": choice.date,
        "first": first,
        "language": labels.language_name(choice.lang),
        "first_url": expression_uri(work.frbr_uri, first.lang, first.date, eid=eid) if first else "",
        "editions": editions.editions(work, choice.lang),
        "work_url": provision_uri(work.frbr_uri, eid) if eid else work.frbr_uri,
    }
    return render(request, "portal/editions_before_first.html", context, status=404)
