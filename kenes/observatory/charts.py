"""Charts drawn on the server as small SVG: readable with no JavaScript, a few kilobytes each.

The numbers are always in a table beside the chart, so the chart carries only what the eye needs: lines or
bars, the first and last year, the lowest and highest value, and a legend. Text is escaped; labels arrive
already translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

#: Colour-blind-safe palette (Okabe–Ito), dark enough on white.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#999999")


@dataclass(frozen=True)
class Line:
    label: str
    points: Sequence[tuple[int, Decimal | float]]  # (year, value)
    dashed: bool = False


def _fmt(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}".replace(",", "\u202f")
    if abs(value) >= 10 or value == int(value):
        return f"{value:.0f}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def line_chart(
    lines: Sequence[Line], title: str, unit: str = "", width: int = 400, height: int = 240
) -> SafeString:
    """Years along the bottom, values up the side; an empty chart says so instead of drawing axes."""
    drawn = [line for line in lines if line.points]
    label = escape(title)
    if not drawn:
        return mark_safe("")
    xs = [x for line in drawn for x, _ in line.points]
    ys = [float(y) for line in drawn for _, y in line.points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(0.0, min(ys)), max(ys)
    if y1 == y0:
        y1 = y0 + 1
    left, right, top, bottom = 48, 8, 12, 26 + 16 * ((len(drawn) + 1) // 2)
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(x: int) -> float:
        return left + (plot_w * (x - x0) / (x1 - x0) if x1 != x0 else plot_w / 2)

    def py(y: float) -> float:
        return top + plot_h - plot_h * (y - y0) / (y1 - y0)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{label}" class="chart"><title>{label}</title>',
        f'<path d="M{left} {top}V{top + plot_h}H{left + plot_w}" fill="none" stroke="#666"/>',
        f'<text x="{left - 4}" y="{py(y1) + 4:.0f}" text-anchor="end">{_fmt(y1)}</text>',
        f'<text x="{left - 4}" y="{py(y0) + 4:.0f}" text-anchor="end">{_fmt(y0)}</text>',
        f'<text x="{left}" y="{top + plot_h + 16}">{x0}</text>',
        f'<text x="{left + plot_w}" y="{top + plot_h + 16}" text-anchor="end">{x1}</text>',
    ]
    if unit:
        parts.append(f'<text x="{left + 4}" y="{top + 10}" class="unit">{escape(unit)}</text>')
    for i, line in enumerate(drawn):
        colour = PALETTE[i % len(PALETTE)]
        points = sorted(line.points)
        path = " ".join(
            f"{'M' if j == 0 else 'L'}{px(x):.1f} {py(float(y)):.1f}" for j, (x, y) in enumerate(points)
        )
        dash = ' stroke-dasharray="5 3"' if line.dashed else ""
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        if len(points) == 1:
            x, y = points[0]
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(float(y)):.1f}" r="3" fill="{colour}"/>')
        lx = left + (i % 2) * (plot_w // 2)
        ly = top + plot_h + 32 + 16 * (i // 2)
        parts.append(
            f'<rect x="{lx}" y="{ly - 9}" width="12" height="4" fill="{colour}"/>'
            f'<text x="{lx + 16}" y="{ly - 4}">{escape(line.label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bar_chart(
    bars: Sequence[tuple[str, float | Decimal | None]],
    title: str,
    unit: str = "",
    width: int = 400,
    bar_height: int = 18,
) -> SafeString:
    """Horizontal bars, one per label; a missing value is written "—" instead of a zero-length bar."""
    if not bars:
        return mark_safe("")
    label = escape(title)
    known = [float(v) for _, v in bars if v is not None]
    top_value = max(known + [0.0]) or 1.0
    left, right, gap = 130, 56, 6
    height = len(bars) * (bar_height + gap) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{label}" class="chart"><title>{label}</title>'
    ]
    for i, (name, value) in enumerate(bars):
        y = 4 + i * (bar_height + gap)
        parts.append(f'<text x="{left - 6}" y="{y + bar_height - 5}" text-anchor="end">{escape(name)}</text>')
        if value is None:
            parts.append(f'<text x="{left}" y="{y + bar_height - 5}">—</text>')
            continue
        w = (width - left - right) * float(value) / top_value
        parts.append(
            f'<rect x="{left}" y="{y}" width="{max(w, 1):.1f}" height="{bar_height}" fill="{PALETTE[0]}"/>'
        )
        parts.append(
            f'<text x="{left + w + 4:.1f}" y="{y + bar_height - 5}">{_fmt(float(value))}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
