"""Attachments: PDF, JPEG or PNG only (judged by content), capped while streaming, stored encrypted.

The cap is enforced by :class:`CappedUploadHandler`, installed before Django reads the request body, so an
oversized upload is cut off at the cap instead of being spooled whole first. Files live under
``KENES_DESK_FILES`` (outside static and media roots), each sealed with AES-GCM under the current data key and
bound to its attachment id; they are served only as downloads (``Content-Disposition: attachment``, nosniff).
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.translation import gettext as _

from . import crypto

#: magic bytes at the start of the file → the only content types accepted
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


class UploadRefused(ValueError):
    """A file that is not a PDF/JPEG/PNG, or is over the size cap."""


def max_bytes() -> int:
    return int(getattr(settings, "KENES_DESK_MAX_UPLOAD", 10 * 1024 * 1024))


def files_dir() -> Path:
    path = Path(getattr(settings, "KENES_DESK_FILES", settings.DATA_DIR / "desk-files"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def sniff(head: bytes) -> str:
    """The content type the bytes say they are; refuses anything else whatever its name or declared type."""
    for magic, content_type in SIGNATURES:
        if head.startswith(magic):
            return content_type
    raise UploadRefused(_("Only PDF, JPEG and PNG files are accepted."))


class CappedUploadHandler(FileUploadHandler):
    """Stops reading the request once a file passes the cap (before the rest of it is received).

    ``limit`` is the cap in bytes: attachments' by default, smaller for a referral file.
    """

    def __init__(self, request=None, limit: int | None = None):
        super().__init__(request)
        self.limit = limit if limit is not None else max_bytes()
        self.received = 0
        self.too_big = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > self.limit + 64 * 1024:
            self.too_big = True
            raise StopUpload(connection_reset=True)
        return None

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_big = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def too_large(limit: int) -> str:
    """The refusal of a file over ``limit`` bytes, in the unit a person reads (kB under a megabyte)."""
    if limit < 1024 * 1024:
        return _("The file is larger than %(kb)s kB.") % {"kb": limit // 1024}
    return _("The file is larger than %(mb)s MB.") % {"mb": limit // (1024 * 1024)}


def read_capped(uploaded, limit: int | None = None) -> bytes:
    """The whole file, refusing it as soon as it passes the cap (also when no handler cut it off)."""
    limit = limit if limit is not None else max_bytes()
    parts, size = [], 0
    for chunk in uploaded.chunks():
        size += len(chunk)
        if size > limit:
            raise UploadRefused(too_large(limit))
        parts.append(chunk)
    return b"".join(parts)


def context(attachment_id) -> str:
    return f"desk.Attachment.file:{attachment_id}"


def store(attachment_id, data: bytes) -> tuple[str, str]:
    """Encrypt and write; returns (content type, key id). Nothing is written for a refused file."""
    content_type = sniff(data[:16])
    key_id, blob = crypto.seal_bytes(data, context(attachment_id))
    path = files_dir() / str(attachment_id)
    tmp = path.with_suffix(".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(blob)
    tmp.replace(path)
    return content_type, key_id


def load(attachment) -> bytes:
    blob = (files_dir() / str(attachment.id)).read_bytes()
    return crypto.open_bytes(attachment.key_id, blob, context(attachment.id))


def reseal(attachment) -> str:
    """Re-encrypt a stored file under the current key (rotate-key); returns the new key id."""
    data = load(attachment)
    _type, key_id = store(attachment.id, data)
    return key_id


def remove(attachment_id) -> None:
    (files_dir() / str(attachment_id)).unlink(missing_ok=True)
