"""Referral files in the browser: the sending centre head downloads a sealed file, the receiver uploads it.

For partners that run their own Kenes (data residency): what ``kenes desk export-referral`` and
``import-referral`` do, behind the desk's scope and roles. The export is a POST (it is audited, and a link
must not trigger it); the upload is capped while it streams, like attachments, and a refused file leaves
nothing behind but the audit entry saying it was refused.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from .. import scope, transfer, uploads
from ..forms import ReferralFileForm
from ..models import AuditAction
from .common import desk_page, log

#: A referral file holds a few fields of one case: a few kilobytes. Anything near this is not one.
DEFAULT_MAX_FILE = 256 * 1024


def max_file_bytes() -> int:
    return int(getattr(settings, "KENES_DESK_MAX_REFERRAL_FILE", DEFAULT_MAX_FILE))


@desk_page(frozenset({"head"}), post_only=True)
def referral_file(request: HttpRequest, staff, referral_id) -> HttpResponse:
    """The sealed, signed file of a pending referral this centre sent (its head only)."""
    referral = scope.sent_referral_or_404(request.user, referral_id)
    try:
        blob = transfer.export_referral(referral, user=staff.user, request=request)
    except transfer.TransferRefused as exc:
        messages.error(request, str(exc))
        return redirect("desk:referral", referral_id=referral.pk)
    response = HttpResponse(blob, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="referral-{referral.pk}.kenes"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@csrf_exempt
@desk_page()
def referral_import(request: HttpRequest, staff) -> HttpResponse:
    """The form, and the upload: the size cap is installed before the body is read (CSRF checked after)."""
    if request.method == "POST":
        handler = uploads.CappedUploadHandler(request, limit=max_file_bytes())
        request.upload_handlers.insert(0, handler)
        return _import(request, staff, handler)
    if request.method != "GET":
        raise Http404("not found")
    return render(request, "desk/referral_import.html", {"form": ReferralFileForm()})


@csrf_protect
def _import(request: HttpRequest, staff, handler) -> HttpResponse:
    form = ReferralFileForm(request.POST, request.FILES)
    error = None
    if handler.too_big:
        error = uploads.too_large(max_file_bytes())
    elif not form.is_valid():
        error = _("Choose the referral file.")
    else:
        try:
            data = uploads.read_capped(form.cleaned_data["file"], max_file_bytes())
            referral = transfer.import_referral(data, staff.organisation, user=staff.user, request=request)
        except uploads.UploadRefused as exc:
            error = str(exc)
        except transfer.TransferRefused as exc:
            error = str(exc)
            log(
                staff,
                AuditAction.REFERRAL,
                request,
                object_type="referral",
                detail=f"file refused: {exc.code}",
            )
        else:
            messages.success(request, _("Referral imported: accept or decline it below."))
            return redirect("desk:referral", referral_id=referral.pk)
    return render(
        request, "desk/referral_import.html", {"form": ReferralFileForm(), "error": error}, status=400
    )
