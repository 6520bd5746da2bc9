"""Charts for the staff dashboards: inline SVG with a table equivalent.

Each chart compares this year with last year. The SVG is an image with a name (its
``<title>``); its numbers are in a table beside it (``rows``), so nothing is only in the
picture. Colours: this year's bars are the brand colour and last year's a grey, both with
more than 3:1 contrast against white (WCAG 1.4.11), and told apart by the legend, the
position (this year first) and the table, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

THIS_YEAR = "#1f5f5b"
LAST_YEAR = "#6b6b6b"
FONT_SIZE = 13


def nice_max(value: int) -> int:
    """A top for the axis: four whole-number ticks of 1, 2, 5, 10, 20, 50 … each."""
    step = 1
    while step * 4 < value:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if step * 4 >= value:
                break
    return step * 4


@dataclass(frozen=True)
class ChartRow:
    label: str
    this_year: int
    last_year: int


@dataclass(frozen=True)
class Chart:
    """A this-year/last-year comparison. ``columns`` draws vertical bars (months);
    otherwise one horizontal bar pair per row with its label above it (long names fit)."""

    slug: str
    title: str
    year: int
    rows: Sequence[ChartRow]
    columns: bool = False

    @property
    def title_id(self) -> str:
        return f"chart-{self.slug}"

    @property
    def is_empty(self) -> bool:
        return not any(r.this_year or r.last_year for r in self.rows)

    @property
    def svg(self) -> SafeString:
        body = self._columns() if self.columns else self._bars()
        return mark_safe(body)  # noqa: S308 - every text in it is escaped

    def _open(self, width: int, height: int) -> str:
        return (
            f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{self.title_id}" focusable="false" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{self.title_id}">'
            f"{escape(self.title)}</title>"
        )

    def _peak(self) -> int:
        return nice_max(max([v for r in self.rows for v in (r.this_year, r.last_year)], default=0))

    def _columns(self) -> str:
        width, height, left, bottom, top, right = 340, 200, 30, 24, 10, 4
        plot_w, plot_h = width - left - right, height - top - bottom
        peak = self._peak()
        slot = plot_w / max(len(self.rows), 1)
        parts = [self._open(width, height)]
        for tick in range(5):
            y = top + plot_h - plot_h * tick / 4
            parts.append(
                f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="#d0d0d0"/><text x="{left - 4}" y="{y + 4:.1f}" '
                f'font-size="{FONT_SIZE - 1}" text-anchor="end" fill="#333">'
                f"{peak * tick // 4}</text>"
            )
        bar = slot * 0.36
        for index, row in enumerate(self.rows):
            x = left + index * slot + slot * 0.12
            for offset, value, colour in (
                (0.0, row.this_year, THIS_YEAR),
                (bar, row.last_year, LAST_YEAR),
            ):
                bar_h = plot_h * value / peak if peak else 0
                parts.append(
                    f'<rect x="{x + offset:.1f}" y="{top + plot_h - bar_h:.1f}" '
                    f'width="{bar:.1f}" height="{bar_h:.1f}" fill="{colour}"/>'
                )
            parts.append(
                f'<text x="{x + bar:.1f}" y="{height - 6}" font-size="{FONT_SIZE - 1}" '
                f'text-anchor="middle" fill="#111">{escape(row.label)}</text>'
            )
        parts.append("</svg>")
        return "".join(parts)

    def _bars(self) -> str:
        row_h, width, right = 50, 340, 34
        height = row_h * len(self.rows) + 4
        plot_w = width - right
        peak = self._peak()
        parts = [self._open(width, height)]
        for index, row in enumerate(self.rows):
            y = index * row_h
            parts.append(
                f'<text x="0" y="{y + 13}" font-size="{FONT_SIZE}" fill="#111">'
                f"{escape(row.label)}</text>"
            )
            for offset, value, colour in (
                (18, row.this_year, THIS_YEAR),
                (32, row.last_year, LAST_YEAR),
            ):
                bar_w = plot_w * value / peak if peak else 0
                parts.append(
                    f'<rect x="0" y="{y + offset}" width="{bar_w:.1f}" height="11" '
                    f'fill="{colour}"/><text x="{bar_w + 4:.1f}" y="{y + offset + 10}" '
                    f'font-size="{FONT_SIZE - 1}" fill="#111">{value}</text>'
                )
        parts.append("</svg>")
        return "".join(parts)
