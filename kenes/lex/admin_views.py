"""The admin's "Import a file" page: the web form of `kenes import` for editors at a desk.

It runs the same :func:`importing.import_file` as the command line and the API, inside one transaction, so
a refused or broken file leaves the database exactly as it was. The upload is copied into a private
temporary directory (the readers need a path with the file's suffix) that is removed before the response.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from kenes.accounts.roles import is_editor

from .akn import uri as akn_uri
from .audit import record_import
from .importing import ImportRefused, ImportResult, import_file
from .models import Expression, Work, WorkType

log = logging.getLogger(__name__)

#: The same cap as the API's upload; the Labour Code as DOCX is about 1 MB.
MAX_UPLOAD = 50 * 1024 * 1024

#: The six AKN language codes Kenes reads, with names for the form.
LANGUAGE_CHOICES = [
    ("rus", pgettext_lazy("language of a legal text", "Russian")),
    ("kaz", pgettext_lazy("language of a legal text", "Kazakh")),
    ("kir", pgettext_lazy("language of a legal text", "Kyrgyz")),
    ("uzb", pgettext_lazy("language of a legal text", "Uzbek")),
    ("tgk", pgettext_lazy("language of a legal text", "Tajik")),
    ("eng", pgettext_lazy("language of a legal text", "English")),
]


def _wide_text(label: str | Promise, max_length: int, **kwargs: Any) -> forms.CharField:
    """An optional one-line box as wide as the admin's own text boxes (its ``vTextField`` class), for the
    long values of an import (URIs, titles): the form is drawn inside the admin's pages."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.TextInput(attrs={"class": "vTextField"}),
        **kwargs,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("Plain text, Markdown, HTML, DOCX, PDF with a text layer, or AKN XML."),
    )
    work = forms.ModelChoiceField(
        label=_("Existing work"),
        queryset=Work.objects.order_by("frbr_uri"),
        required=False,
        help_text=_("Choose the act this file is a version of, or give a new work URI below."),
    )
    work_uri = _wide_text(
        _("New work URI"),
        255,
        help_text=_(
            "e.g. /akn/kz/act/law/2024-01-15/55-viii; see docs/IDENTIFIERS.md. Not needed for AKN XML."
        ),
    )
    lang = forms.ChoiceField(
        label=_("Language of the text"),
        choices=[("", _("from the file (AKN XML only)")), *LANGUAGE_CHOICES],
        required=False,
    )
    date = forms.DateField(
        label=_("In force from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date from which this wording applies."),
    )
    title = _wide_text(_("Title"), 500)
    work_type = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("from the URI")), *WorkType.choices],
        required=False,
        help_text=_("Only used when the work is new."),
    )
    source_name = forms.CharField(
        label=_("Source"), required=False, max_length=200, help_text=_("e.g. adilet.zan.kz")
    )
    source_url = _wide_text(_("Source URL or edition id"), 500)
    retrieved_on = forms.DateField(
        label=_("Retrieved on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    replace = forms.BooleanField(
        label=_("Replace the expression of that date"),
        required=False,
        help_text=_("Tick to correct an expression already held for this language and date."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is too large (%(size)s bytes; at most %(max)s)."),
                params={"size": upload.size, "max": MAX_UPLOAD},
            )
        return upload

    def clean_work_uri(self) -> str:
        value = self.cleaned_data["work_uri"].strip()
        if value:
            try:
                frbr = akn_uri.parse(value)
            except ValueError as exc:
                raise forms.ValidationError(str(exc)) from exc
            if frbr.lang or frbr.portion:
                raise forms.ValidationError(
                    _("Give the work URI only: no language, date or ~provision part.")
                )
            value = frbr.work_uri
        return value

    def clean(self):
        data = super().clean()
        work, uri = data.get("work"), data.get("work_uri")
        if work and uri and uri != work.frbr_uri:
            raise forms.ValidationError(_("Choose an existing work or give a new work URI, not both."))
        upload = data.get("file")
        is_xml = upload is not None and Path(upload.name or "").suffix.lower() in {".xml", ".akn"}
        if not is_xml:
            if not (work or uri):
                self.add_error("work", _("Choose a work or give a new work URI."))
            if not data.get("lang"):
                self.add_error("lang", _("Choose the language of the text."))
            if not data.get("date"):
                self.add_error("date", _("Give the date from which this wording is in force."))
        return data


def import_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    """GET: the form; POST: import, then back to an empty form with the counts and links."""
    if not is_editor(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                result = _run_import(form.cleaned_data)
            except ImportRefused as exc:
                form.add_error(None, str(exc))
            else:
                upload_name = Path(form.cleaned_data["file"].name or "upload").name
                record_import(request.user, result.expression, result.status, upload_name)
                _report(request, result)
                return HttpResponseRedirect(request.path)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Import a file"),
        "opts": model_admin.model._meta,
        "form": form,
        "has_view_permission": model_admin.has_view_permission(request),
    }
    return TemplateResponse(request, "admin/lex/import.html", context, status=status)


def _run_import(data: dict) -> ImportResult:
    """Import the upload in one transaction; every failure comes back as ImportRefused with its reason."""
    upload = data["file"]
    name = Path(upload.name or "upload").name or "upload"  # the basename only: never a client's path
    work = data.get("work")
    with tempfile.TemporaryDirectory(prefix="kenes-upload-") as tmp:
        path = Path(tmp) / name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            with transaction.atomic():
                return import_file(
                    path,
                    work_uri=work.frbr_uri if work else (data.get("work_uri") or None),
                    lang=data.get("lang") or None,
                    date=data.get("date"),
                    title=data.get("title") or None,
                    work_type=data.get("work_type") or None,
                    source_name=data.get("source_name") or "",  # public: never the uploader's name
                    source_url=data.get("source_url") or "",
                    retrieved_on=data.get("retrieved_on"),
                    replace=bool(data.get("replace")),
                )
        except (ImportRefused, ValueError) as exc:
            raise ImportRefused(str(exc).replace(str(path), name).replace(tmp, "")) from exc
        except Exception as exc:  # a reader library's own failure must not become a 500 page
            log.exception("import of %s failed", name)
            raise ImportRefused(
                gettext("%(name)s could not be imported (%(error)s); nothing was written.")
                % {"name": name, "error": type(exc).__name__}
            ) from exc


def _report(request: HttpRequest, result: ImportResult) -> None:
    expression: Expression = result.expression
    links = format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a>',
        expression.uri,
        gettext("read it"),
        reverse("admin:lex_expression_change", args=[expression.pk]),
        gettext("edit its metadata"),
    )
    if result.status == "unchanged":
        text = gettext("%(uri)s: identical content is already held; nothing was changed.") % {
            "uri": expression.uri
        }
        messages.info(request, format_html("{} {}", text, links))
        return
    text = gettext(
        "%(uri)s %(status)s: %(articles)s articles, %(provisions)s provisions, "
        "%(references)s references, %(effects)s amendment effects, %(notes)s editorial notes."
    ) % {
        "uri": expression.uri,
        "status": (
            pgettext("expression", "created")
            if result.status == "created"
            else pgettext("expression", "replaced")
        ),
        "articles": result.articles,
        "provisions": result.provisions,
        "references": result.references,
        "effects": result.amendments,
        "notes": result.notes,
    }
    messages.success(request, format_html("{} {}", text, links))
    for line in result.outline.lines():
        messages.info(request, line)
    for warning in result.warnings[:10]:
        messages.warning(request, warning)
    if len(result.warnings) > 10:
        messages.warning(
            request, gettext("… and %(count)s more warnings.") % {"count": len(result.warnings) - 10}
        )
