"""A table as pages show it and as it downloads (CSV, XLSX): one object, so the file always holds exactly
the numbers the page shows, with the same source line."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse


@dataclass
class Table:
    slug: str
    title: str
    columns: list[str]
    rows: list[list[object]] = field(default_factory=list)
    source: str = ""  # "Source: … (years …)" said under the table and written into the files

    def cells(self) -> list[list[str]]:
        """Rows as strings for HTML; None reads "no data"."""
        return [[_text(c) for c in row] for row in self.rows]


def as_html(table: Table, no_data: str) -> str:
    """The table as HTML, built in Python: a template loop over a few hundred cells costs more than the
    queries behind them (measured in bench/observatory.py). Every cell is escaped."""
    from html import escape

    parts = [f'<div class="table-wrap"><table class="data" id="{escape(table.slug)}">']
    parts.append(f"<caption>{escape(str(table.title))}</caption><thead><tr>")
    parts.extend(f'<th scope="col">{escape(str(c))}</th>' for c in table.columns)
    parts.append("</tr></thead><tbody>")
    empty = f'<td class="nodata">{escape(no_data)}</td>'
    for row in table.cells():
        parts.append(f'<tr><th scope="row">{escape(row[0])}</th>' if row else "<tr>")
        parts.extend(f'<td class="num">{escape(c)}</td>' if c else empty for c in row[1:])
        parts.append("</tr>")
    if not table.rows:
        parts.append(f'<tr><td colspan="{len(table.columns)}" class="nodata">{escape(no_data)}</td></tr>')
    parts.append("</tbody></table></div>")
    return "".join(parts)


def ratio_percent(value: Decimal | None) -> str:
    """A ratio as a percentage with one decimal, rounded once (half to even), as every page shows one."""
    return "" if value is None else f"{(value * 100).quantize(Decimal('0.1'))} %"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return (
            format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
        )
    return str(value)


def as_csv(table: Table) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([_text(c) for c in row])
    if table.source:
        writer.writerow([])
        writer.writerow([str(table.source)])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.slug}.csv"'
    return response


def as_xlsx(table: Table) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=table.slug[:31])
    sheet.append([str(c) for c in table.columns])
    for row in table.rows:
        sheet.append([float(c) if isinstance(c, Decimal) else ("" if c is None else c) for c in row])
    if table.source:
        sheet.append([])
        sheet.append([str(table.source)])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{table.slug}.xlsx"'
    return response


def download(request, tables: list[Table]) -> HttpResponse | None:
    """The file asked for by ``?download=<slug>&format=csv|xlsx``, or None for the page itself."""
    from django.http import Http404

    slug = request.GET.get("download")
    if not slug:
        return None
    table = next((t for t in tables if t.slug == slug), None)
    if table is None:
        raise Http404("no such table on this page")
    return as_xlsx(table) if request.GET.get("format") == "xlsx" else as_csv(table)
