"""The one exception every ingest stage raises, so callers catch a single type and show its message as is."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file or text could not be turned into a document; the message says which file and what to do.

    The message is written for the person running the import, not for a developer: it names the file
    (when there is one), what was wrong and, where there is one, the fix ("run OCR first").

    >>> str(IngestError("the PDF has no text layer (scanned image?); run OCR first", path=Path("labour.pdf")))
    'labour.pdf: the PDF has no text layer (scanned image?); run OCR first'
    """

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        self.reason = message
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path.name}: {message}" if self.path is not None else message)
