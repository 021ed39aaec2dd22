"""The admin's "Import disputes from CSV" page: the web form of ``kenes disputes import`` for editors.

The same atomic import as the command line: a bad row is reported with its line and nothing is written.
The upload goes to a private temporary folder (the reader needs a path with the file's suffix), removed
before the response.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .disputes_csv import import_disputes
from .importing import BadRow

MAX_UPLOAD = 5 * 1024 * 1024


class DisputeFileForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if Path(upload.name).suffix.lower() not in (".csv", ".xlsx"):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


def import_view(model_admin, request: HttpRequest) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = DisputeFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory(prefix="kenes-disputes-") as folder:
            path = Path(folder) / f"upload{Path(upload.name).suffix.lower()}"
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            try:
                result = import_disputes(path)
            except BadRow as exc:
                form.add_error("file", _("%(error)s — nothing was written.") % {"error": exc})
            else:
                messages.success(request, result.summary().replace("upload", upload.name, 1))
                return HttpResponseRedirect(reverse("admin:observatory_dispute_changelist"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "form": form,
        "title": _("Import disputes from CSV"),
    }
    return TemplateResponse(request, "admin/observatory/dispute/import.html", context)
