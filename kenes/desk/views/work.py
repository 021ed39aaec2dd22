"""Consultations (with inline search of the legal database to cite provisions), the advice sheet, files."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from .. import casework, scope, uploads
from ..forms import AttachmentForm, ConsultationForm
from ..models import Attachment, AuditAction
from .common import desk_page, log

CITE_SEPARATOR = "|"


def _search_legal_database(q: str) -> tuple[list, str]:
    """Provisions for the consultant's query, through the one search service the portal uses."""
    from kenes.search import service

    if not q.strip():
        return [], ""
    try:
        return service.search(service.SearchRequest(q, limit=8, facets=False)).hits, ""
    except service.IndexMissing:
        return [], _("The search index is not built yet (kenes reindex).")
    except service.QueryError as exc:
        return [], str(exc)


def cite_value(work: str, eid: str, date: dt.date, lang: str) -> str:
    return CITE_SEPARATOR.join([work, eid, date.isoformat(), lang])


def _parse_cites(values: list[str]) -> list[dict]:
    cited = []
    for value in values[:50]:
        parts = value.split(CITE_SEPARATOR)
        if len(parts) == 4 and parts[0].startswith("/akn/"):
            cited.append(
                {"work_uri": parts[0], "eid": parts[1], "expression_date": parts[2], "lang": parts[3]}
            )
    return cited


@desk_page()
def consultation(request: HttpRequest, staff, case_id) -> HttpResponse:
    """One form, two buttons: "search" re-renders with provisions to tick (no JavaScript needed), "save"."""
    case = scope.case_or_404(request.user, case_id)
    data = request.POST if request.method == "POST" else None
    form = ConsultationForm(data, initial={"language": (case.person.languages or "ru").split(",")[0][:2]})
    q = (request.POST.get("q") or request.GET.get("q") or "").strip()[:300]
    hits, search_error = _search_legal_database(q)
    ticked = request.POST.getlist("cite")
    if request.method == "POST" and request.POST.get("action") == "save" and form.is_valid():
        values = form.cleaned_data
        try:
            casework.add_consultation(
                staff,
                case,
                held_on=values["held_on"],
                channel=values["channel"],
                language=values["language"],
                advice=values["advice"],
                minutes=values["minutes"],
                citations=_parse_cites(ticked),
                request=request,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Consultation saved."))
            return redirect("desk:case", case_id=case.pk)
    if request.method == "POST" and request.POST.get("action") != "save":
        form.errors.clear()
    options = [{"value": cite_value(h.work, h.eid, h.date, h.lang), "hit": h} for h in hits]
    kept = [value for value in ticked if value not in {o["value"] for o in options}]
    return render(
        request,
        "desk/consultation.html",
        {
            "case": case,
            "form": form,
            "q": q,
            "options": options,
            "ticked": set(ticked),
            "kept": kept,
            "search_error": search_error,
        },
    )


def _provision_text(citation, lang: str) -> tuple[str, str, str]:
    """(heading, text, language used) of a cited provision, in ``lang`` when the database has it."""
    from kenes.lex import reading
    from kenes.lex.languages import to_akn

    try:
        work = reading.get_work(citation.work_uri)
    except reading.NotFound:
        return citation.uri, "", ""
    for code in dict.fromkeys((to_akn(lang), citation.lang or None)):
        try:
            expression = reading.expression_in_force(work, code, citation.expression_date)
            provision = reading.find_provision(expression, citation.eid)
        except reading.NotFound:
            continue
        rows = reading.subtree(provision)
        lines = [rows[0].text, rows[0].wrap_up] if rows else []
        for row in rows[1:]:
            lines.extend([" ".join(x for x in (row.num, row.heading) if x), row.text, row.wrap_up])
        heading = f"{work.short_title or work.title}, {provision.num or provision.eid}"
        if provision.heading:
            heading += f". {provision.heading}"
        return heading, "\n".join(x for x in lines if x), expression.lang
    return f"{work.short_title or work.title}, {citation.eid}", "", ""


@desk_page()
def advice_sheet(request: HttpRequest, staff, case_id, consultation_id) -> HttpResponse:
    """A printable page in the consultation's language: the advice and the cited articles' text."""
    case = scope.case_or_404(request.user, case_id)
    found = scope.one_or_404(case.consultations.prefetch_related("citations"), consultation_id)
    log(staff, AuditAction.EXPORT, request, obj=case, detail=f"advice sheet {found.pk}")
    lang = found.language if found.language in {"ru", "kk", "en"} else "ru"
    articles = [
        dict(zip(("heading", "text", "lang"), _provision_text(c, found.language), strict=True))
        for c in found.citations.all()
    ]
    with translation.override(lang):
        response = render(
            request,
            "desk/advice_sheet.html",
            {
                "case": case,
                "consultation": found,
                "articles": articles,
                "sheet_lang": lang,
                "fallback": found.language != lang,
                "organisation": staff.organisation,
            },
        )
    return response


@csrf_exempt
@desk_page()
def attachment_upload(request: HttpRequest, staff, case_id) -> HttpResponse:
    """The size cap is installed before the body is read (so CSRF is checked after, by hand)."""
    if request.method != "POST":
        raise Http404("not found")
    handler = uploads.CappedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    return _attachment_store(request, staff, case_id, handler)


@csrf_protect
def _attachment_store(request: HttpRequest, staff, case_id, handler) -> HttpResponse:
    case = scope.case_or_404(request.user, case_id)
    form = AttachmentForm(request.POST, request.FILES)
    if handler.too_big or not form.is_valid():
        messages.error(
            request,
            _("The file is larger than %(mb)s MB.") % {"mb": uploads.max_bytes() // 2**20}
            if handler.too_big
            else _("Choose a file."),
        )
        return redirect("desk:case", case_id=case.pk)
    attachment_id = uuid.uuid4()
    try:
        data = uploads.read_capped(form.cleaned_data["file"])
        content_type, key_id = uploads.store(attachment_id, data)
    except uploads.UploadRefused as exc:
        messages.error(request, str(exc))
        return redirect("desk:case", case_id=case.pk)
    Attachment.objects.create(
        id=attachment_id,
        case=case,
        filename=form.cleaned_data["file"].name[:200],
        content_type=content_type,
        size=len(data),
        key_id=key_id,
        uploaded_by=staff.user,
    )
    log(staff, AuditAction.EDIT, request, obj=case, detail=f"attachment {attachment_id} ({content_type})")
    return redirect("desk:case", case_id=case.pk)


@desk_page()
def attachment_download(request: HttpRequest, staff, case_id, attachment_id) -> HttpResponse:
    """Only ever a download, with the type judged at upload, never rendered inline."""
    case = scope.case_or_404(request.user, case_id)
    attachment = scope.attachment_or_404(request.user, attachment_id)
    if attachment.case_id != case.pk:
        raise Http404("not found")
    log(staff, AuditAction.DOWNLOAD, request, obj=case, detail=f"attachment {attachment.pk}")
    extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}[attachment.content_type]
    response = HttpResponse(uploads.load(attachment), content_type=attachment.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{case.reference}-{str(attachment.pk)[:8]}.{extension}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
