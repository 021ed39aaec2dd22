"""Public pages other than the reader: home, search, countries, conventions (the reader is in reader.py)."""

from __future__ import annotations

import datetime as dt
import logging
import math
import re

from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kenes.kernel.countries import COVERED
from kenes.lex.akn.uri import expression_uri
from kenes.lex.coverage import coverage
from kenes.lex.languages import to_bcp47
from kenes.lex.models import Jurisdiction, Provision, Ratification, Reference, Topic, Work, WorkType

from . import comparison, country_memory, labels
from .reader import AKN_NAMES, first_page
from .search_errors import page_error, uncited
from .search_form import FORM_ID, as_get, normalised

#: The eight countries Kenes covers, in the order the tables show them.
REGION = COVERED

PAGE_SIZE = 10
log = logging.getLogger("kenes.portal")

#: "Know your rights" entry points (pages of kenes.rights.web).
RIGHTS_LINKS = (
    ("stay", gettext_lazy("How long may I stay?")),
    ("registration", gettext_lazy("Do I have to register, and by when?")),
    ("permit", gettext_lazy("Do I need a work permit?")),
    ("minimum-wage", gettext_lazy("Is my wage above the minimum?")),
    ("wage-payment", gettext_lazy("Was my wage paid on time?")),
    ("final-settlement", gettext_lazy("When must I be paid after dismissal?")),
    ("leave", gettext_lazy("How much annual leave have I earned?")),
)

#: Jurisdiction names are stored in English and translated in templates ({% translate place.name %}).
PLACE_NAMES = (
    gettext_noop("Kazakhstan"),
    gettext_noop("Kyrgyzstan"),
    gettext_noop("Tajikistan"),
    gettext_noop("Uzbekistan"),
    gettext_noop("Turkmenistan"),
    gettext_noop("Azerbaijan"),
    gettext_noop("Mongolia"),
    gettext_noop("Russian Federation"),
    gettext_noop("International Labour Organization"),
    gettext_noop("United Nations"),
    gettext_noop("Commonwealth of Independent States"),
    gettext_noop("Council of Europe"),
    gettext_noop("Eurasian Economic Union"),
)


def home(request: HttpRequest) -> HttpResponse:
    topics = Topic.objects.filter(parent__isnull=True).prefetch_related("labels", "children__labels")
    countries = Jurisdiction.objects.filter(code__in=REGION).annotate(n_works=Count("works"))
    context = {
        "topics": topics,
        "countries": sorted(countries, key=lambda j: REGION.index(j.code)),
        "rights": RIGHTS_LINKS,
        "n_works": Work.objects.filter(expressions__isnull=False).distinct().count(),
        "n_ratifications": Ratification.objects.count(),
    }
    return render(request, "portal/home.html", context)


# ---------------------------------------------------------------- search


@csrf_exempt  # a search reads and changes nothing: see search_form.py
@require_http_methods(["GET", "HEAD", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    """Provisions matching the words, with facets as links; a citation jumps straight to its provision."""
    from kenes.search import check_scope
    from kenes.search.request import MAX_OFFSET
    from kenes.search.service import IndexMissing, QueryError, QueryTooLong, SearchRequest
    from kenes.search.service import search as run_search

    params, refused = request.GET, None
    if request.method == "POST":  # the form posts, so that a pasted letter is searched whatever its length
        try:
            params = normalised(request.POST)
        except RequestDataTooBig:  # megabytes: far over what is searched, said as a query too long is
            params, refused = QueryDict(), QueryTooLong("the form is larger than Django reads")
        address = as_get(params) if refused is None else None
        if address is not None:  # it fits a URL: shared, bookmarked and gone back to like any search
            return HttpResponse(status=303, headers={"Location": address})
    q = params.get("q", "").strip()
    filters = {k: params.get(k, "").strip() for k in ("jurisdiction", "type", "topic", "lang", "date")}
    # the country a person picked last time, for a search that names none (the home page's box, a link)
    remembered = country_memory.remembered(request)
    if "jurisdiction" not in params:
        filters["jurisdiction"] = remembered
    context: dict = {"q": q, "filters": filters, "error": "", "hits": [], "total": 0, "facets": []}
    context["posted"] = request.method == "POST"
    if context["posted"]:  # the language switcher posts the question too (the site shell, base.html)
        context["language_form"] = (FORM_ID, reverse("portal:search-language"))
    status = 200
    if refused is not None:
        context["error"], status = page_error(refused, filters)
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    date = None
    if filters["date"]:
        try:
            date = dt.date.fromisoformat(filters["date"])
        except ValueError:
            context["error"] = _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": filters["date"]}
            status = 400
    if q and not context["error"]:
        try:
            result = run_search(
                SearchRequest(
                    q,
                    jurisdiction=filters["jurisdiction"],
                    work_type=filters["type"],
                    topic=filters["topic"],
                    lang=filters["lang"],
                    date=date,
                    limit=PAGE_SIZE,
                    offset=(page - 1) * PAGE_SIZE,
                    # "show the nearest articles anyway", offered under a "not here" notice
                    tell_not_here=params.get("anyway") != "1",
                )
            )
        except QueryError as exc:
            context["error"], status = page_error(exc, filters)
        except IndexMissing as exc:
            log.error("search page without an index: %s", exc)
            context["error"] = _("The search index has not been built yet. Try again later.")
            status = 503
        else:
            if (
                result.citation
                and page == 1
                and result.hits
                and result.hits[0].citation
                and len({(h.work, h.eid.split("__")[0]) for h in result.hits}) == 1  # a list is listed
                and not params.get("all")
            ):
                return HttpResponseRedirect(_hit_url(result.hits[0], date))
            named = next((n.topic for n in result.notices if n.code == "citation-work"), "")
            if named and page == 1 and not params.get("all"):  # "ТК РК": the code itself
                return HttpResponseRedirect(named)
            # total counts results as listed (one per article), so every page up to n_pages has hits;
            # the service pages no deeper than MAX_OFFSET
            n_pages = min(math.ceil(result.total / PAGE_SIZE), MAX_OFFSET // PAGE_SIZE + 1)
            if n_pages and page > n_pages and not context["posted"]:
                return HttpResponseRedirect(_with_page(request, n_pages))
            place_name = _place_name(result.notices)
            # a country the question names whose law is not held: told, and its centres are the ones to ask
            unheld = next((n.topic for n in result.notices if n.code == "place-not-held"), "")
            context.update(
                hits=_hit_views(result.hits, date),
                total=result.total,
                # Above the service's exact-count cap the numbers are estimates: shown with "≈".
                total_is_estimate=result.total_is_estimate,
                facets_are_estimate=result.facets_are_estimate,
                facets=_facets(result.facets, filters),
                not_held_on_date=result.not_held_on_date,
                # answers before articles: the rights checks the question names, titled as on the home page
                # (those that hold rules for the country searched; opened on it where they ask for one)
                # with the articles each rests on, which the words may not find ("90 дней 180")
                checks=[
                    (
                        check_scope.url(slug, result.place),
                        title,
                        check_scope.basis(slug, result.place, date, get_language()),
                    )
                    for slug, title in RIGHTS_LINKS
                    if slug in result.checks
                ],
                # named, but counting by another country's law: the country's advisory centres instead
                checks_withheld_in=_country_name(result.place or unheld) if result.checks_withheld else "",
                place_not_held_name=_country_name(unheld),
                notices=[n.code for n in result.notices],
                uncited=uncited(result.notices, date),
                place_name=place_name,
                # a few keywords name a country too ("overtime pay KZ"): not called a question
                question=result.question,
                # naming no country, a Kazakh question is kept to Kazakhstan's law: the notice says why
                place_by_language=labels.place_by_language(
                    next((n.language for n in result.notices if n.code == "place"), ""), place_name
                ),
                not_here_area=labels.not_here_area(
                    next((n.topic for n in result.notices if n.code in ("not-here", "not-here-shown")), "")
                ),
                # where "ask an advisory centre" leads: the country searched, the one the question named too
                centre_place=next((n.topic for n in result.notices if n.code == "place"), "")
                or unheld
                or filters["jurisdiction"],
                page=page,
                first=(page - 1) * PAGE_SIZE + 1,
                n_pages=n_pages,
            )
    elif filters["topic"] and not context["error"]:
        context["topic_works"] = _works_on_topic(filters["topic"])
    context["topic_label"] = _topic_label(filters["topic"])
    context["types"] = WorkType.choices
    # the search form's country: a question lists no facets, so this is where a person picks one
    region = Jurisdiction.objects.filter(code__in=REGION)
    context["places"] = sorted(region, key=lambda j: REGION.index(j.code))
    chosen = filters["jurisdiction"]
    context["other_place"] = chosen if chosen and chosen != "*" and chosen not in REGION else ""
    response = render(request, "portal/search.html", context, status=status)
    country_memory.remember(request, response, filters["jurisdiction"], remembered)
    return response


def _place_name(notices: list) -> str:
    """The country a question named and the search kept to (a ``place`` notice), in the reader's language."""
    return _country_name(next((n.topic for n in notices if n.code == "place"), ""))


def _country_name(code: str | None) -> str:
    """A jurisdiction's name in the reader's language ("" for none)."""
    if not code:
        return ""
    name = Jurisdiction.objects.filter(code=code).values_list("name", flat=True).first()
    return _(name) if name else code


def _with_page(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return f"{request.path}?{params.urlencode()}"


def _hit_url(hit, date: dt.date | None) -> str:
    return expression_uri(hit.work, hit.lang, date, eid=hit.eid)


def _hit_views(hits: list, date: dt.date | None) -> list[dict]:
    """Results as listed: a point is titled through its article ("Статья 102, подпункт 7)"), and the
    article's heading is shown under it; the provisions above the hits are read in one query."""
    from .lawhtml import html_lang

    wanted = Q(pk__in=[])
    for hit in hits:
        above = labels.ancestor_eids(hit.eid)
        if above:
            wanted |= Q(
                expression__work__frbr_uri=hit.work,
                expression__lang=hit.lang,
                expression__date=hit.date,
                eid__in=above,
            )
    found: dict[tuple, dict[str, Provision]] = {}
    rows = Provision.objects.filter(wanted).values_list(
        "expression__work__frbr_uri", "expression__lang", "expression__date", "eid", "kind", "num", "heading"
    )
    for work, lang, day, eid, kind, num, heading in rows:
        found.setdefault((work, lang, day), {})[eid] = Provision(eid=eid, kind=kind, num=num, heading=heading)
    out = []
    for hit in hits:
        ancestors = found.get((hit.work, hit.lang, hit.date), {})
        # "Статья 102, подпункт 7)" says the article; the line under it adds the article's heading
        title, _article = labels.part_titles(
            hit.eid, hit.kind or "article", hit.num, hit.heading, hit.lang, ancestors
        )
        article = labels.article_heading(hit.eid, ancestors) if hit.kind != "article" else ""
        out.append(
            {
                "url": _hit_url(hit, date),
                "title": title,
                "article": article,
                "work_title": hit.work_title,
                "lang": html_lang(hit.lang),
                "snippet": hit.snippet,
                "citation": hit.citation,
            }
        )
    return out


#: Values a facet shows before "more": the rest wait in a <details>, so a phone reaches the results.
FACET_TOP = 6


def _facets(found: dict[str, list[tuple[str, int]]], filters: dict[str, str]) -> list[dict]:
    names = {
        "jurisdiction": dict(Jurisdiction.objects.values_list("code", "name")),
        "work_type": dict(WorkType.choices),
        "topic": {t.slug: t.label() for t in Topic.objects.prefetch_related("labels")},
        "lang": AKN_NAMES,
    }
    titles = {
        "jurisdiction": _("Country or body"),
        "work_type": _("Type"),
        "topic": _("Topic"),
        "lang": _("Language"),
    }
    out = []
    for facet, values in found.items():
        param = "type" if facet == "work_type" else facet
        if not values:
            continue
        active = filters.get(param, "")
        shown = [
            (
                value,
                _(names[facet].get(value, value))
                if facet == "jurisdiction"
                else names[facet].get(value, value),
                n,
            )
            for value, n in values
        ]
        top = [v for i, v in enumerate(shown) if i < FACET_TOP or v[0] == active]
        out.append(
            {
                "title": titles.get(facet, facet),
                "param": param,
                "active": active,
                "values": top,
                "more": [v for v in shown if v not in top],
            }
        )
    return out


def _topic_label(slug: str) -> str:
    topic = Topic.objects.filter(slug=slug).prefetch_related("labels").first() if slug else None
    return topic.label() if topic else slug


def _works_on_topic(slug: str) -> list[Work]:
    return list(
        Work.objects.filter(Q(topics__slug=slug) | Q(topics__parent__slug=slug))
        .filter(expressions__isnull=False)
        .distinct()
        .order_by("jurisdiction_id", "work_type", "-date")[:100]
    )


# ---------------------------------------------------------------- countries


def compare(request: HttpRequest) -> HttpResponse:
    """Key rights side by side for every country Kenes holds figures for (kenes.portal.comparison)."""
    return render(request, "portal/compare.html", {"comparison": comparison.table()})


def countries(request: HttpRequest) -> HttpResponse:
    places = Jurisdiction.objects.filter(code__in=REGION).annotate(
        n_works=Count("works", distinct=True), n_ratifications=Count("ratifications", distinct=True)
    )
    return render(
        request,
        "portal/countries.html",
        {
            "countries": sorted(places, key=lambda j: REGION.index(j.code)),
            "comparison": comparison.table(),
        },
    )


def country(request: HttpRequest, code: str) -> HttpResponse:
    place = Jurisdiction.objects.filter(code=code.lower(), kind=Jurisdiction.Kind.COUNTRY).first()
    if place is None:
        raise Http404(f"no country {code!r}")
    ratifications = [
        _ratification_view(r)
        for r in Ratification.objects.filter(country=place)
        .select_related("instrument")
        .order_by("instrument__work_type", "instrument__number")
    ]
    works = (
        Work.objects.filter(jurisdiction=place)
        .prefetch_related("topics__labels", "expressions")
        .order_by("work_type", "-date")
    )
    by_topic: dict[str, list[Work]] = {}
    untopical: dict[str, list[Work]] = {}
    for w in works:
        topics = list(w.topics.all())
        for t in topics:
            by_topic.setdefault(t.label(), []).append(w)
        if not topics:
            untopical.setdefault(w.get_work_type_display(), []).append(w)
    return render(
        request,
        "portal/country.html",
        {
            "place": place,
            "ratifications": ratifications,
            "by_topic": sorted(by_topic.items()),
            "by_type": list(untopical.items()),
            "comparison": comparison.table(highlight=place.code),
            "coverage": coverage(place.code),
        },
    )


# ---------------------------------------------------------------- conventions


def convention(request: HttpRequest, code: str) -> HttpResponse:
    """An international instrument: its text, who ratified it, and national provisions citing it."""
    code = code.lower()
    international = Q(jurisdiction__kind__in=["international", "regional"])
    work = (
        Work.objects.filter(international, number=code).first()
        or Work.objects.filter(international, short_title__iexact=code).first()
    )
    if work is None:
        raise Http404(f"no convention {code!r}")
    ratifications = {
        r.country_id: _ratification_view(r) for r in Ratification.objects.filter(instrument=work)
    }
    places = {j.code: j for j in Jurisdiction.objects.filter(code__in=REGION)}
    status = [(places.get(c), c, ratifications.get(c)) for c in REGION]
    refs = (
        Reference.objects.filter(target_work=work)
        .exclude(source__expression__work=work)
        .select_related("source__expression__work__jurisdiction")
        .order_by(
            "source__expression__work__jurisdiction_id", "source__expression__work__title", "source__order"
        )[:300]
    )
    # National law citing the instrument is what a union lawyer looks for; other instruments that mention
    # it are only related reading, listed apart.
    linked: dict[Work, list[dict]] = {}
    related: dict[Work, int] = {}
    for r in refs:
        source = r.source
        expression = source.expression
        source_work = expression.work
        if source_work.jurisdiction.kind != Jurisdiction.Kind.COUNTRY:
            related[source_work] = related.get(source_work, 0) + 1
            continue
        linked.setdefault(source_work, []).append(
            {
                "url": expression_uri(source_work.frbr_uri, expression.lang, eid=source.eid),
                "label": labels.eid_label(source.eid),
                "citation": r.citation,
                "lang": to_bcp47(expression.lang),
            }
        )
    text = first_page(request, work)
    return render(
        request,
        "portal/convention.html",
        {
            "work": work,
            "status": status,
            "linked": list(linked.items()),
            "related": [(w, _instrument_url(w)) for w in sorted(related, key=lambda w: (w.date, w.number))],
            "text": text,
            "text_language": labels.language_name(text["expression"].lang) if text else "",
        },
    )


def _instrument_url(work: Work) -> str:
    """An ILO instrument's page in the portal, any other work's reader."""
    return f"/conventions/{work.number}" if work.jurisdiction_id == "aa-ilo" else work.frbr_uri


#: How the starter data records a year known without its day ("ILO registration year 2000 (NORMLEX)").
_YEAR_ONLY = re.compile(r"registration year (\d{4})")


def _ratification_view(r: Ratification) -> dict:
    """A ratification as the tables show it: exact dates where known; where the sources gave only the year
    of registration (kept in the record's note), that year, marked as such; never a guessed day."""
    year = ""
    if r.ratified_on is None:
        found = _YEAR_ONLY.search(r.note or "")
        year = found.group(1) if found else ""
    return {"r": r, "instrument": r.instrument, "ratified_year": year}


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
