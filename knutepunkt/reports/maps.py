"""The annual report's coverage map, drawn from the report's own :class:`CoverageMap`.

The map's data (each municipality's coverage class on a day) is part of the report, and an
approved report's is frozen in its snapshot, so the map is never recomputed from today's
network. Only the outlines are read here: those of the report's municipality numbers as
the geography was on the map's day, so a later municipal reform does not change it.
"""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from knutepunkt.geo.maps import municipality_map
from knutepunkt.geo.svgmap import ProjectedMap
from knutepunkt.reports import labels
from knutepunkt.reports.coverage import ATTRIBUTION, CLASS_FILLS
from knutepunkt.reports.labels import COVERAGE_CLASSES
from knutepunkt.reports.types import CoverageMap


def projected_outlines(coverage: CoverageMap) -> ProjectedMap:
    """The outlines of the map's municipalities as they were on its day, projected."""
    return municipality_map(numbers=[area.number for area in coverage.areas], on=coverage.as_of)


def map_caption(coverage: CoverageMap) -> str:
    """What the map shows, in words and numbers (its caption and text alternative)."""
    counts = coverage.counts
    served, some, nothing = (counts.get(code, 0) for code in COVERAGE_CLASSES)
    return gettext(
        "Coverage on %(date)s. Municipalities served by a contact point or meeting place: "
        "%(served)d; with groups or activities in the last 12 months, but no contact point: "
        "%(some)d; white spots: %(nothing)d. Map data: Kartverket (CC BY 4.0)"
    ) % {
        "date": date_format(coverage.as_of, "DATE_FORMAT"),
        "served": served,
        "some": some,
        "nothing": nothing,
    }


def coverage_map_svg(coverage: CoverageMap, projected: ProjectedMap, *, label: str) -> SafeString:
    """The map as a standalone SVG image with its legend and attribution drawn below it.
    Fills are presentation attributes, so the same markup works inline under a strict CSP
    and as a file for typst."""
    legend_height = 110
    height = projected.height + legend_height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kp-map cov-map" '
        f'viewBox="0 0 {projected.width} {height}" width="{projected.width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}">'
    ]
    for area in coverage.areas:
        d = projected.paths.get(area.number)
        if not d:
            continue
        name = escape(f"{area.name}: {area.coverage_label}")
        fill = CLASS_FILLS.get(area.coverage, "#ffffff")
        parts.append(
            f'<g><title>{name}</title><path class="{escape(area.coverage)}" fill="{fill}" '
            f'stroke="#ffffff" stroke-width="0.5" d="{d}"/></g>'
        )
    y = projected.height + 14
    for code, text, count in coverage.legend:
        parts.append(
            f'<rect x="8" y="{y}" width="18" height="18" fill="{CLASS_FILLS.get(code, "#ffffff")}" '
            f'stroke="#000000" stroke-width="0.5"/>'
            f'<text x="34" y="{y + 14}" font-size="16" fill="#000000">'
            f"{escape(text)} ({count})</text>"
        )
        y += 26
    parts.append(
        f'<text x="8" y="{y + 12}" font-size="13" fill="#333333">{escape(str(ATTRIBUTION))}</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above


def areas_by_class(coverage: CoverageMap) -> list[tuple[str, list[str]]]:
    """(class label, municipality names) for every class with municipalities: the map's
    text version."""
    return [
        (labels.coverage_class_label(code), [a.name for a in coverage.areas if a.coverage == code])
        for code in COVERAGE_CLASSES
        if any(a.coverage == code for a in coverage.areas)
    ]


def map_context(coverage: CoverageMap | None, *, label: str) -> dict[str, object] | None:
    """What a page needs to show the map (reports/includes/office_report.html), or None
    without a map."""
    if coverage is None or not coverage.areas:
        return None
    return {
        "svg": coverage_map_svg(coverage, projected_outlines(coverage), label=label),
        "caption": map_caption(coverage),
        "classes": areas_by_class(coverage),
    }
