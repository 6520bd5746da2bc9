"""Coverage and white spots: what exists in each current municipality.

For every current municipality: the established contact points and meeting places that
serve it (located there or serving it), the public groups meeting there in person, the
activities logged there in the last 12 months, and the distance to the nearest
established contact point or meeting place (between representative points; 0 when served).

A handful of queries and plain Python: 357 municipalities are few. Only aggregated,
public-level information (names of contact points, counts): no personal data, so the
funder may see it too.

This module is the one classification of coverage (:func:`coverage_class`): the staff
pages and reports use :func:`coverage_report`; the public map and directory use
:func:`public_coverage`, which counts only what is public (established contact points and
meeting places, public groups) and never the activity log.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy

from knutepunkt.activity.models import Activity
from knutepunkt.geo.distance import haversine_km
from knutepunkt.geo.maps import CACHE_SECONDS, municipality_map
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.svgmap import ProjectedMap
from knutepunkt.groups.models import GroupFormat, SelfHelpGroup
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointKind,
    ContactPointStatus,
    DistrictOffice,
    OfficeCounty,
)

# Map classes, from most to least: served by a contact point or meeting place; groups or
# activities in the last 12 months but no contact point; nothing (a white spot).
SERVED, SOME, NOTHING = "cov-served", "cov-some", "cov-none"
CLASS_FILLS = {SERVED: "#1f5f5b", SOME: "#7fb8ad", NOTHING: "#f2cf7a"}
CLASS_LABELS = {
    SERVED: gettext_lazy("Served by a contact point or meeting place"),
    SOME: gettext_lazy("Groups or activities in the last 12 months, no contact point"),
    NOTHING: gettext_lazy("White spot: nothing yet"),
}
ATTRIBUTION = gettext_lazy("Map data: Kartverket (CC BY 4.0)")
GEOMETRY_CACHE_SECONDS = CACHE_SECONDS


def coverage_class(*, served: bool, groups: int, activities: int = 0) -> str:
    """The one classification: :data:`SERVED` when an established contact point or
    meeting place serves the municipality (located there or serving it), :data:`SOME` when
    groups meet there or activities were logged there, :data:`NOTHING` (a white spot)
    otherwise."""
    if served:
        return SERVED
    return SOME if groups or activities else NOTHING


def _established() -> tuple[dict[int, tuple[str, str, int]], dict[int, set[int]]]:
    """Established contact points and meeting places (pk → name, kind, municipality id),
    and per municipality id those serving it: located there or serving it (two queries)."""
    established = {
        pk: (name, kind, located)
        for pk, name, kind, located in ContactPoint.objects.public().values_list(
            "pk", "name", "kind", "municipality_id"
        )
    }
    serving = _ids_by_municipality((located, pk) for pk, (_, _, located) in established.items())
    for municipality_id, cp_id in ContactPoint.municipalities_served.through.objects.filter(
        contactpoint__status=ContactPointStatus.ESTABLISHED
    ).values_list("municipality_id", "contactpoint_id"):
        serving[municipality_id].add(cp_id)
    return established, serving


def _group_counts(*, in_person_only: bool) -> dict[int, int]:
    """Public groups per municipality id: the group's own, else its contact point's."""
    groups = SelfHelpGroup.objects.public()
    if in_person_only:
        groups = groups.filter(format=GroupFormat.IN_PERSON)
    return dict(
        groups.annotate(place=Coalesce("municipality_id", "contact_point__municipality_id"))
        .exclude(place=None)
        .values("place")
        .annotate(n=Count("pk"))
        .values_list("place", "n")
    )


def _ids_by_municipality(pairs: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    result: dict[int, set[int]] = defaultdict(set)
    for municipality_id, cp_id in pairs:
        result[municipality_id].add(cp_id)
    return result


@dataclass(frozen=True)
class PublicCoverage:
    """Coverage as the public site may show it, by municipality id: served by an
    established contact point or meeting place, or with public groups meeting there (in
    person or not: a group's home municipality counts). Activities are staff information
    and never count here."""

    served_ids: frozenset[int]
    group_ids: frozenset[int]

    def coverage_class(self, municipality_id: int) -> str:
        return coverage_class(
            served=municipality_id in self.served_ids, groups=int(municipality_id in self.group_ids)
        )

    @property
    def any_ids(self) -> frozenset[int]:
        return self.served_ids | self.group_ids

    def fingerprint(self) -> str:
        text = f"{sorted(self.served_ids)}|{sorted(self.group_ids)}"
        return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]


def public_coverage() -> PublicCoverage:
    """Which municipalities have something public (three small queries)."""
    _, serving = _established()
    return PublicCoverage(
        served_ids=frozenset(serving), group_ids=frozenset(_group_counts(in_person_only=False))
    )


@dataclass(frozen=True)
class MunicipalityCoverage:
    pk: int
    number: str
    name: str
    county_number: str
    county_name: str
    office_id: int | None
    contact_points: tuple[str, ...]
    meeting_places: tuple[str, ...]
    groups: int
    activities_12m: int
    distance_km: float | None  # None when no contact point exists anywhere

    @property
    def served(self) -> bool:
        return bool(self.contact_points or self.meeting_places)

    @property
    def is_white_spot(self) -> bool:
        return self.css_class == NOTHING

    @property
    def css_class(self) -> str:
        return coverage_class(
            served=self.served, groups=self.groups, activities=self.activities_12m
        )

    @property
    def class_label(self) -> str:
        return str(CLASS_LABELS[self.css_class])


@dataclass(frozen=True)
class CoverageReport:
    """Coverage of some counties (an office's) or of the whole country."""

    rows: list[MunicipalityCoverage]
    since: datetime.date
    county_numbers: tuple[str, ...] | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def white_spots(self) -> list[MunicipalityCoverage]:
        """White spots, furthest from a contact point first (then by name)."""
        spots = [row for row in self.rows if row.is_white_spot]
        return sorted(spots, key=lambda r: (-(r.distance_km or 0.0), r.name))


def coverage_report(
    *, county_numbers: Sequence[str] | None = None, today: datetime.date | None = None
) -> CoverageReport:
    """Coverage of every current municipality (of ``county_numbers`` when given).

    Five queries whatever the number of municipalities.
    """
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=365)
    municipalities = list(
        Municipality.objects.current(today)
        .order_by("number")
        .values_list(
            "pk",
            "number",
            "name",
            "county_id",
            "county__number",
            "county__name",
            "latitude",
            "longitude",
        )
    )
    points = {row[0]: (row[6], row[7]) for row in municipalities}
    office_by_county = dict(OfficeCounty.objects.values_list("county_id", "office_id"))

    established, serving = _established()
    groups = _group_counts(in_person_only=True)
    activities = dict(
        Activity.objects.filter(date__gt=since, date__lte=today, municipality__isnull=False)
        .values("municipality_id")
        .annotate(n=Count("pk"))
        .values_list("municipality_id", "n")
    )

    # Distances from representative points to where established contact points are.
    located_places = [points[loc] for _, _, loc in established.values() if loc in points]
    wanted = set(county_numbers) if county_numbers else None
    rows = []
    for pk, number, name, county_id, county_number, county_name, _lat, _lon in municipalities:
        if wanted is not None and county_number not in wanted:
            continue
        cps = sorted(serving.get(pk, ()), key=lambda i: established[i][0])
        distance: float | None
        if cps:
            distance = 0.0
        elif located_places:
            lat, lon = points[pk]
            distance = min(haversine_km(lat, lon, la, lo) for la, lo in located_places)
        else:
            distance = None
        rows.append(
            MunicipalityCoverage(
                pk=pk,
                number=number,
                name=name,
                county_number=county_number,
                county_name=county_name,
                office_id=office_by_county.get(county_id),
                contact_points=tuple(
                    established[i][0]
                    for i in cps
                    if established[i][1] == ContactPointKind.CONTACT_POINT
                ),
                meeting_places=tuple(
                    established[i][0]
                    for i in cps
                    if established[i][1] == ContactPointKind.MEETING_PLACE
                ),
                groups=groups.get(pk, 0),
                activities_12m=activities.get(pk, 0),
                distance_km=distance,
            )
        )
    counts = dict.fromkeys(CLASS_LABELS, 0)
    for row in rows:
        counts[row.css_class] += 1
    return CoverageReport(
        rows=rows,
        since=since,
        county_numbers=tuple(county_numbers) if county_numbers else None,
        counts=counts,
    )


def office_county_numbers(office: DistrictOffice) -> tuple[str, ...]:
    return tuple(
        sorted(OfficeCounty.objects.filter(office=office).values_list("county__number", flat=True))
    )


# --- The choropleth map ----------------------------------------------------------------------


def projected_map(county_numbers: Sequence[str] | None) -> ProjectedMap:
    """The projected outlines of the current municipalities (of ``county_numbers`` when
    given): the one cached projection, :func:`knutepunkt.geo.maps.municipality_map`."""
    return municipality_map(county_numbers=county_numbers)


def choropleth_svg(
    report: CoverageReport,
    projected: ProjectedMap,
    *,
    label: str,
    link_rows: bool = True,
    legend: bool = False,
) -> SafeString:
    """An SVG choropleth. Fills are presentation attributes (no CSS needed), so the same
    markup works inline on a page under a strict CSP and as a standalone file for typst.

    With ``link_rows``, each municipality links to its row in the text-equivalent table
    (``#kommune-<number>``). With ``legend``, a legend and the attribution are drawn below
    the map (for print, where there is no HTML caption).
    """
    legend_height = 110 if legend else 0
    height = projected.height + legend_height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kp-map cov-map" '
        f'viewBox="0 0 {projected.width} {height}" width="{projected.width}" '
        f'height="{height}" role="group" aria-label="{escape(label)}">'
    ]
    for row in report.rows:
        d = projected.paths.get(row.number)
        if not d:
            continue
        name = escape(f"{row.name}: {row.class_label}")
        path = (
            f'<path class="{row.css_class}" fill="{CLASS_FILLS[row.css_class]}" '
            f'stroke="#ffffff" stroke-width="0.5" d="{d}"/>'
        )
        if link_rows:
            parts.append(
                f'<a href="#kommune-{row.number}" aria-label="{name}"><title>{name}</title>'
                f"{path}</a>"
            )
        else:
            parts.append(f"<g><title>{name}</title>{path}</g>")
    if legend:
        y = projected.height + 14
        for css, text in CLASS_LABELS.items():
            parts.append(
                f'<rect x="8" y="{y}" width="18" height="18" fill="{CLASS_FILLS[css]}" '
                f'stroke="#000000" stroke-width="0.5"/>'
                f'<text x="34" y="{y + 14}" font-size="16" fill="#000000">'
                f"{escape(str(text))} ({report.counts.get(css, 0)})</text>"
            )
            y += 26
        parts.append(
            f'<text x="8" y="{y + 12}" font-size="13" fill="#333333">'
            f"{escape(str(ATTRIBUTION))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label is escaped above


def legend_items(report: CoverageReport) -> list[tuple[str, str, int]]:
    return [(css, str(text), report.counts.get(css, 0)) for css, text in CLASS_LABELS.items()]


def white_spots_csv(report: CoverageReport) -> str:
    """The ranked white-spot list as CSV (semicolon-separated, as Norwegian Excel expects)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            gettext("Rank"),
            gettext("Municipality number"),
            gettext("Municipality"),
            gettext("County"),
            gettext("Distance to nearest contact point (km)"),
        ]
    )
    for rank, row in enumerate(report.white_spots, start=1):
        distance = "" if row.distance_km is None else f"{row.distance_km:.0f}"
        writer.writerow([rank, row.number, row.name, row.county_name, distance])
    return buffer.getvalue()


def format_km(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def rows_for_display(report: CoverageReport) -> list[dict[str, Any]]:
    """Display values computed once (templates stay lean)."""
    return [
        {
            "row": row,
            "distance": format_km(row.distance_km),
            "places": ", ".join(row.contact_points + row.meeting_places),
        }
        for row in report.rows
    ]
