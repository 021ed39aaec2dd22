"""Reading pages at the work's own AKN URI: the act a chapter at a time, one provision, and the exports.

``/akn/kz/act/code/2015-11-23/414-v``      current text, in the reader's language if held, else the original
``…/414-v/rus@2024-01-01``                 the Russian text as in force on that date
``…/414-v/rus@2024-01-01/~art_113``        one provision, with translations, references and history
``….json`` / ``….xml`` / ``….html``        the API's JSON, the AKN XML, the standalone HTML export
``?on=2024-01-01&lang=kaz`` on any of them  the date/language selector: redirects to the canonical URI
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from kenes.lex import api_answers, history, reading
from kenes.lex import editions as lex_editions
from kenes.lex.akn import uri as akn_uri
from kenes.lex.languages import BCP47_TO_AKN, NATIVE_NAMES
from kenes.lex.models import Amendment, AmendmentEffect, Expression, Provision, Reference, Work
from kenes.site.errors import ApiError, error_response

from . import editions, labels, lawhtml
from .paging import Layout, layout

#: Interface language (Django code) -> AKN expression language, to open a work in the reader's language.
UI_TO_AKN = BCP47_TO_AKN

#: Language names in their own language (shown next to law text, so not translated).
AKN_NAMES = NATIVE_NAMES


def akn(request: HttpRequest, path: str) -> HttpResponse:
    """Dispatch ``/akn/…``: exports by suffix, the selector's redirect, then the reader or provision page."""
    try:
        frbr = akn_uri.parse("/akn/" + path)
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    if frbr.format:
        return _manifestation(request, frbr)
    try:
        work = reading.get_work(frbr.work_uri)
    except reading.NotFound as exc:
        raise Http404(str(exc)) from exc
    if "on" in request.GET or "lang" in request.GET:
        return _select(request, work, frbr)
    lang = frbr.lang or _preferred_lang(work)
    on = frbr.expression_date or timezone.localdate()
    expression = work.expression_at(lang, on)
    if expression is None:
        choice = lex_editions.in_force_on(work, lang, on)
        if choice.before_first:  # "as in force on 2020-01-01" of an act held from 2025: say so, plainly
            return editions.before_first_edition(request, work, choice, frbr.portion)
        raise Http404(f"{work.frbr_uri} has no {lang} text in force on {on.isoformat()}")
    view = _View(request, work, expression, frbr)
    if frbr.portion:
        return view.provision_page(frbr.portion)
    return view.reader_page()


def _preferred_lang(work: Work) -> str:
    """The reader's interface language if the work is held in it today, otherwise the original language."""
    wanted = UI_TO_AKN.get((get_language() or "ru")[:2])
    held = set(work.expressions.values_list("lang", flat=True))
    if wanted in held:
        return wanted
    if work.original_lang in held or not held:
        return work.original_lang
    return sorted(held)[0]


def _select(request: HttpRequest, work: Work, frbr: akn_uri.FrbrUri) -> HttpResponse:
    """The GET form of the date/language selector lands here and is sent on to the canonical URI."""
    lang = request.GET.get("lang") or frbr.lang or _preferred_lang(work)
    if lang not in set(work.expressions.values_list("lang", flat=True)):
        raise Http404(f"{work.frbr_uri} is not held in {lang!r}")
    raw = (request.GET.get("on") or "").strip()
    when = None
    if raw:
        try:
            when = dt.date.fromisoformat(raw)
        except ValueError as exc:
            raise Http404(f"{raw!r} is not a date (YYYY-MM-DD)") from exc
    return HttpResponseRedirect(akn_uri.expression_uri(work.frbr_uri, lang, when, eid=frbr.portion))


def _manifestation(request: HttpRequest, frbr: akn_uri.FrbrUri) -> HttpResponse:
    """``.json`` is the API's answer for the same URI, ``.xml`` the AKN document, ``.html`` the export."""
    if frbr.portion and frbr.format == "html":
        return HttpResponseRedirect(str(frbr)[: -len(".html")])
    if frbr.portion and frbr.format == "xml":
        return error_response(404, "not-found", "AKN XML is exported per expression; drop the /~eId part")
    try:
        data = api_answers.answer(frbr)
    except ApiError as exc:
        return error_response(exc.status_code, exc.code, str(exc))
    if isinstance(data, HttpResponse):
        return data
    return JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})


class _View:
    """What both reading pages share: the work, the expression, the URLs links are built on."""

    def __init__(self, request: HttpRequest, work: Work, expression: Expression, frbr: akn_uri.FrbrUri):
        self.request = request
        self.work = work
        self.expression = expression
        self.lang = expression.lang
        self.dated = frbr.expression_date
        # Links keep what the reader asked for: a date if they chose one, otherwise "the latest".
        self.base = akn_uri.expression_uri(work.frbr_uri, self.lang, self.dated)
        self.layout: Layout = layout(expression)

    # ------------------------------------------------------------ shared pieces

    def provision_url(self, eid: str) -> str:
        return akn_uri.provision_uri(self.base, eid)

    def page_url(self, number: int, eid: str | None = None) -> str:
        query = f"?page={number}" if number > 1 else ""
        return f"{self.base}{query}" + (f"#{eid}" if eid else "")

    def reference_url(self, ref: Reference, here: int | None = None) -> str | None:
        target = ref.target_work
        if target is None:
            return None
        if target.pk != self.work.pk:
            return akn_uri.provision_uri(target.frbr_uri, ref.target_eid)
        if not ref.target_eid:
            return self.base
        page = self.layout.page_of.get(ref.target_eid)
        if here is not None and page == here:
            return f"#{ref.target_eid}"
        return self.provision_url(ref.target_eid)

    def effects(self) -> list[AmendmentEffect]:
        return reading.history(self.work)

    def common_context(self) -> dict:
        points = history.points_in_time(self.work)
        langs = sorted({lang for p in points for lang in p.languages})
        return {
            "work": self.work,
            "expression": self.expression,
            "law_lang": lawhtml.html_lang(self.lang),
            "akn_lang": self.lang,
            "base": self.base,
            "dated": self.dated,
            "points": [p.date for p in reversed(points)],
            "languages": [(code, AKN_NAMES.get(code, code)) for code in langs],
            "is_latest": self.dated is None,
            "work_path": self.work.frbr_uri,
            "text_language": labels.language_name(self.lang),
            "newer_original": self.newer_original(),
            "editions": [p.date for p in points if self.lang in p.languages],
            "diff_url": self.diff_url(),
        }

    def diff_url(self, eid: str | None = None) -> str | None:
        """The page comparing the two latest editions in this language (of one provision when given)."""
        if self.work.expressions.filter(lang=self.lang).count() < 2:
            return None
        query = urlencode({"work": self.work.frbr_uri, "lang": self.lang, **({"eid": eid} if eid else {})})
        return f"{reverse('portal:editions-diff')}?{query}"

    def newer_original(self) -> dict | None:
        """When this is a translation and the original has been amended since: which wording, and where.

        A reader of the English text of 2024 must learn that the Russian original changed in 2025, on every
        page that shows the translation alone, not only in the side-by-side view.
        """
        original = self.work.original_lang
        if self.lang == original:
            return None
        latest = self.work.expression_at(original, self.dated or timezone.localdate())
        if latest is None or latest.date <= self.expression.date:
            return None
        return {
            "date": latest.date,
            "language": labels.language_name(original),
            "url": akn_uri.expression_uri(self.work.frbr_uri, original, self.dated),
        }

    def citation(self, label: str, url: str) -> dict[str, str]:
        """The citation to copy, in three pieces so the act's number ("№ 414-V") never breaks a line."""
        work = self.work
        title = self.expression.title or work.title
        short = f" ({work.short_title})" if work.short_title and work.short_title not in title else ""
        head = f"{label}, " if label else ""
        parts = {
            "head": f"{head}{title}{short}, {work.date:%d.%m.%Y} ",
            "number": f"№ {work.number.upper()}",
            "tail": f". {self.request.build_absolute_uri(url)}",
        }
        return {**parts, "text": "".join(parts.values())}

    # ------------------------------------------------------------ the act, a page at a time

    def reader_page(self) -> HttpResponse:
        pages = self.layout.pages
        if not pages:
            number = 1
            provisions: list[Provision] = []
        else:
            try:
                number = int(self.request.GET.get("page", "1"))
            except ValueError as exc:
                raise Http404("page must be a number") from exc
            if not 1 <= number <= len(pages):
                raise Http404(f"this text has {len(pages)} pages")
            page = pages[number - 1]
            qs = self.expression.provisions.filter(order__gte=page.start)
            if page.end != -1:
                qs = qs.filter(order__lt=page.end)
            provisions = list(qs.order_by("order"))
        extras = lawhtml.load_extras(provisions, self.effects())
        links = lawhtml.Links(self.provision_url, lambda ref: self.reference_url(ref, here=number))
        text = lawhtml.render(provisions, self.lang, links, extras)
        nxt = number + 1 if number < len(pages) else None
        prev = number - 1 if number > 1 else None
        context = {
            **self.common_context(),
            "text": text,
            "page": number,
            "n_pages": len(pages),
            "next_url": self.page_url(nxt) if nxt else None,
            "next_title": self._page_title(nxt) if nxt else "",
            "prev_url": self.page_url(prev) if prev else None,
            "prev_title": self._page_title(prev) if prev else "",
            "fragment_url": (self.page_url(nxt) + "&fragment=1") if nxt else None,
        }
        if self.request.GET.get("fragment"):
            return render(self.request, "portal/_chunk.html", context)
        context.update(
            {
                "toc": self._toc(number),
                "amendments": self._amendments() if number == 1 else [],
                "expression_notes": [
                    labels.tidy_note(n.text) for n in self.expression.notes.filter(provision__isnull=True)
                ]
                if number == 1
                else [],
                "citation": self.citation("", self.base),
                "exports": [("AKN XML", f"{self.base}.xml"), ("JSON", f"{self.base}.json")],
            }
        )
        return render(self.request, "portal/reader.html", context)

    def _page_title(self, number: int) -> str:
        page = self.layout.pages[number - 1]
        by_eid = {r.eid: r for r in self.layout.rows}
        if not page.eids:
            return str(number)
        first = by_eid[page.eids[0]]
        return lawhtml.title_of(first.kind, first.num, first.heading, self.lang)

    def _toc(self, current: int) -> list[dict]:
        """Every heading of the act: the containers, and the articles with the page they are on."""
        out = []
        for r in self.layout.toc:
            page = self.layout.page_of[r.eid]
            # Relative links: the TOC is the biggest part of a page, and every byte counts on a phone.
            href = f"#{r.eid}" if page == current else (f"?page={page}#{r.eid}" if page > 1 else f"?#{r.eid}")
            out.append(
                {
                    "href": href,
                    "label": lawhtml.kind_label(r.kind, r.num, self.lang),
                    "heading": r.heading,
                    "article": r.kind == "article",
                    "depth": r.depth,
                }
            )
        return out

    def _amendments(self) -> list[Amendment]:
        return list(
            Amendment.objects.filter(amended_work=self.work)
            .exclude(date__isnull=True, amending_title="")
            .order_by("-date")[:200]
        )

    # ------------------------------------------------------------ one provision

    def provision_page(self, eid: str) -> HttpResponse:
        try:
            root = reading.find_provision(self.expression, eid)
        except reading.NotFound as exc:
            raise Http404(str(exc)) from exc
        if root.eid != eid:
            return HttpResponseRedirect(self.provision_url(root.eid))
        read = reading.read_subtree(self.work, self.expression, root)
        rows, effects = read.rows, read.history
        data = api_answers.provision_out(read)  # the page shows what its .json says
        extras = lawhtml.extras_of(read)
        page = self.layout.page_of.get(root.eid, 1)
        links = lawhtml.Links(self.provision_url, self.reference_url)
        # The <h1> says what the root is: its heading is not repeated at the top of the text.
        text = lawhtml.render(rows, self.lang, links, extras, bare_root=True)
        ancestors = {
            p.eid: p for p in self.expression.provisions.filter(eid__in=labels.ancestor_eids(root.eid))
        }
        title, article_title = labels.part_titles(
            root.eid, root.kind, root.num, root.heading, self.lang, ancestors
        )
        article_eid = next(
            (
                e
                for e in reversed(labels.ancestor_eids(root.eid))
                if getattr(ancestors.get(e), "kind", "") == "article"
            ),
            "",
        )

        translations = data["translations"]
        pair = None
        wanted = self.request.GET.get("with")
        chosen = next((t for t in translations if t["lang"] == wanted), None) or (
            translations[0] if translations and wanted != "none" else None
        )
        other = next((t for t in read.translations if chosen and t.lang == chosen["lang"]), None)
        if chosen and other:
            other_links = lawhtml.Links(
                lambda e, lg=other.lang: akn_uri.expression_uri(self.work.frbr_uri, lg, eid=e),
                lambda ref: None,
            )
            pair = {
                **chosen,
                "name": AKN_NAMES.get(other.lang, other.lang),
                "html_lang": lawhtml.html_lang(other.lang),
                "text": lawhtml.render(
                    reading.subtree(other.provision),
                    other.lang,
                    other_links,
                    lawhtml.Extras(),
                    id_prefix=f"{other.lang}-",
                ),
            }
        articles = [r for r in self.layout.rows if r.kind == "article"]
        index = next((i for i, r in enumerate(articles) if r.eid == root.eid), None)
        prev_art = articles[index - 1] if index else None
        next_art = articles[index + 1] if index is not None and index + 1 < len(articles) else None
        label = labels.part_titles(root.eid, root.kind, root.num, "", self.lang, ancestors)[0].rstrip(".")
        context = {
            **self.common_context(),
            "root": root,
            "title": title,
            "article": article_title and {"title": article_title, "url": self.provision_url(article_eid)},
            "text": text,
            "history": effects,
            "diff_url": self.diff_url(root.eid),
            "references_out": self._refs_out(data["references_out"]),
            "references_in": self._refs_in(data["references_in"], read),
            "translations": [{**t, "name": AKN_NAMES.get(t["lang"], t["lang"])} for t in translations],
            "pair": pair,
            "in_context": self.page_url(page, root.eid),
            "prev": prev_art
            and (
                self.provision_url(prev_art.eid),
                lawhtml.title_of("article", prev_art.num, prev_art.heading, self.lang),
            ),
            "next": next_art
            and (
                self.provision_url(next_art.eid),
                lawhtml.title_of("article", next_art.num, next_art.heading, self.lang),
            ),
            "citation": self.citation(label, self.provision_url(root.eid)),
            "permalink": self.provision_url(root.eid),
            "exports": [("JSON", self.provision_url(root.eid) + ".json")],
        }
        return render(self.request, "portal/provision.html", context)

    def _refs_in(self, refs: list[dict], read: reading.ProvisionRead) -> list[dict]:
        """References in, each named for a reader: "ст. 113, п. 2", with the act when it is another one
        (the citing works came with the read: no URI parsed again, no query per work)."""
        out = []
        for r, ref in zip(refs, read.references_in, strict=True):
            source = ref.source
            work = source.expression.work
            act = "" if work.pk == self.work.pk else f"{work.short_title or work.title}, "
            out.append({**r, "label": act + labels.eid_label(source.eid)})
        return out

    def _refs_out(self, refs: list[dict]) -> list[dict]:
        out = []
        seen = set()
        for r in refs:
            if not r["target_uri"] or r["target_uri"] in seen:
                continue
            seen.add(r["target_uri"])
            out.append(r)
        return out


def first_page(request: HttpRequest, work: Work) -> dict | None:
    """The first page of a work's original text, for pages that show a short instrument in full."""
    expression = (
        work.expression_at(work.original_lang, timezone.localdate())
        or work.expressions.order_by("-date").first()
    )
    if expression is None:
        return None
    frbr = akn_uri.parse(work.frbr_uri)
    view = _View(request, work, expression, frbr)
    pages = view.layout.pages
    if not pages:
        return None
    page = pages[0]
    qs = expression.provisions.filter(order__gte=page.start)
    if page.end != -1:
        qs = qs.filter(order__lt=page.end)
    provisions = list(qs.order_by("order"))
    links = lawhtml.Links(view.provision_url, lambda ref: view.reference_url(ref, here=1))
    return {
        "html": lawhtml.render(provisions, expression.lang, links, lawhtml.load_extras(provisions)),
        "lang": lawhtml.html_lang(expression.lang),
        "url": view.base,
        "more": view.page_url(2) if len(pages) > 1 else None,
        "expression": expression,
    }
