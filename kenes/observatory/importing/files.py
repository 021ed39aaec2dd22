"""CSV and XLSX files → a header and numbered records, the same shape for both."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .formats import BadRow, Record


def _clean_header(cells: list[object]) -> list[str]:
    return [str(c).strip().lstrip("\ufeff") if c is not None else "" for c in cells]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_records(path: Path) -> tuple[list[str], list[Record]]:
    """The header and the records of the first sheet (XLSX) or of the file (CSV, UTF-8)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadRow(1, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the CSV as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = list(reader)
    if not rows:
        raise BadRow(1, "the file is empty")
    header = _clean_header(rows[0])
    records: list[Record] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise BadRow(number, f"{len(cells)} cells but the header has {len(header)} columns")
        records.append((number, dict(zip(header, cells, strict=False))))
    return header, records


def _read_xlsx(path: Path) -> tuple[list[str], list[Record]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise BadRow(1, f"not a readable XLSX workbook ({exc.__class__.__name__}: {exc})") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise BadRow(1, "the first sheet is empty")
        header = _clean_header(list(first))
        while header and not header[-1]:
            header.pop()
        records: list[Record] = []
        for number, cells in enumerate(rows, start=2):
            values = [_cell(c) for c in cells]
            if not any(v.strip() for v in values):
                continue
            if any(v.strip() for v in values[len(header) :]):
                raise BadRow(number, f"cells beyond the header's {len(header)} columns")
            records.append((number, dict(zip(header, values, strict=False))))
        return header, records
    finally:
        book.close()
