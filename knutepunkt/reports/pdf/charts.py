"""Small SVG bar charts for the printed report, drawn in Python (no chart library).

Text uses the font names typst embeds, so the charts typeset with the report's fonts.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape

from knutepunkt.reports.charts import nice_max as _nice_max

FONT = "Libertinus Serif, New Computer Modern, serif"
BAR = "#1f5f5b"
BAR_LAST = "#9cc3bc"


def column_chart(labels: Sequence[str], values: Sequence[int], *, title: str) -> str:
    """Vertical bars, e.g. activities per month."""
    width, height, left, bottom, top = 640, 260, 40, 40, 20
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = _nice_max(max(values, default=0))
    slot = plot_w / max(len(values), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="{FONT}"><title>{escape(title)}</title>'
    ]
    for tick in range(0, 5):
        value = peak * tick / 4
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#dddddd" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#333333">{value:g}</text>'
        )
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_h = plot_h * value / peak if peak else 0
        x = left + index * slot + slot * 0.15
        y = top + plot_h - bar_h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bar_h:.1f}" '
            f'fill="{BAR}"/>'
            f'<text x="{x + slot * 0.35:.1f}" y="{top + plot_h + 16}" font-size="11" '
            f'text-anchor="middle" fill="#000000">{escape(label[:3])}</text>'
        )
        if value:
            parts.append(
                f'<text x="{x + slot * 0.35:.1f}" y="{y - 3:.1f}" font-size="10" '
                f'text-anchor="middle" fill="#000000">{value}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[int],
    last_year: Sequence[int | None] | None = None,
    *,
    title: str,
    legend: tuple[str, str] | None = None,
) -> str:
    """Horizontal bars with the label on the left, e.g. activities by type; optionally a
    thinner bar for last year."""
    row_h, left, width = 26, 250, 640
    height = row_h * len(values) + (30 if legend else 10)
    peak = _nice_max(max([*values, *[v or 0 for v in (last_year or [])]], default=0))
    plot_w = width - left - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="{FONT}"><title>{escape(title)}</title>'
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 5 + index * row_h
        bar_w = plot_w * value / peak if peak else 0
        text = label if len(label) <= 42 else label[:40] + "…"
        parts.append(
            f'<text x="{left - 8}" y="{y + 14}" font-size="11" text-anchor="end" '
            f'fill="#000000">{escape(text)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{bar_w:.1f}" height="13" fill="{BAR}"/>'
            f'<text x="{left + bar_w + 4:.1f}" y="{y + 13}" font-size="10" '
            f'fill="#000000">{value}</text>'
        )
        if last_year is not None and last_year[index] is not None:
            last_w = plot_w * (last_year[index] or 0) / peak if peak else 0
            parts.append(
                f'<rect x="{left}" y="{y + 16}" width="{last_w:.1f}" height="5" fill="{BAR_LAST}"/>'
            )
    if legend:
        y = height - 14
        parts.append(
            f'<rect x="{left}" y="{y - 9}" width="12" height="10" fill="{BAR}"/>'
            f'<text x="{left + 16}" y="{y}" font-size="11">{escape(legend[0])}</text>'
            f'<rect x="{left + 120}" y="{y - 6}" width="12" height="5" fill="{BAR_LAST}"/>'
            f'<text x="{left + 136}" y="{y}" font-size="11">{escape(legend[1])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
