"""Upload limits enforced before and while a request body is read, never after it is on disk.

Django reads a multipart body when a view first touches ``request.FILES``, so a size check in the view runs
after the whole upload was received and spooled to a temporary file (a non-editor once pushed 1 GiB that way).
Two guards sit in front instead:

- :class:`UploadLimitMiddleware` answers 413 from the ``Content-Length`` header alone, before any byte of the
  body is read (JSON under ``/api/``, like every API error);
- :class:`CappedUploadHandler`, first in ``FILE_UPLOAD_HANDLERS``, counts the bytes of each uploaded file as
  Django streams it and stops the request at the cap (a body a little over the cap passes the header check
  with the multipart overhead allowance).

Who may upload at all is checked before the body is read too: the API's editor authentication refuses a
non-editor before ninja parses the parameters (``kenes.lex.api``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse

from .errors import error_response

#: What a multipart body may add to the file itself (boundaries, part headers, the form's other fields).
MULTIPART_ALLOWANCE = 1024 * 1024


def max_upload() -> int:
    return int(getattr(settings, "KENES_MAX_UPLOAD", 50 * 1024 * 1024))


class UploadTooLarge(RequestDataTooBig):
    """The body, or one uploaded file, is over ``KENES_MAX_UPLOAD``; the message says both sizes."""


def _too_large(request: HttpRequest, message: str) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return error_response(413, "too-large", message)
    return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")


class UploadLimitMiddleware:
    """413 for a declared body over the cap before it is read, and for an upload the handler stopped."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        limit = max_upload()
        if declared > limit + MULTIPART_ALLOWANCE:
            return _too_large(request, f"request body too large ({declared} bytes; uploads at most {limit})")
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, UploadTooLarge):
            return _too_large(request, str(exception))
        return None


class CappedUploadHandler(FileUploadHandler):
    """Stops a request as soon as one of its files has streamed more than ``KENES_MAX_UPLOAD`` bytes."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > max_upload():
            raise UploadTooLarge(f"file too large (more than {max_upload()} bytes received; at most that)")
        return raw_data  # the next handler stores it

    def file_complete(self, file_size: int) -> None:
        return None
