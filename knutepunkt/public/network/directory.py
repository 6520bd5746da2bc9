"""Reads for the public directory: what exists where, and the SVG maps drawn from it.

Only public information: established contact points and meeting places
(``ContactPoint.objects.public()``) and public groups (``SelfHelpGroup.objects.public()``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.svgmap import MapArea, ProjectedMap, build_paths, render_svg
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.network.models import ContactPoint, ContactPointStatus

MAP_CACHE_SECONDS = 60 * 60 * 24
# Fill classes, most to least: a contact point or meeting place serves it; only groups; none.
CONTACT_POINT, GROUPS, NOTHING = "m-cp", "m-grp", "m-none"
COVERAGE_LABELS = {
    CONTACT_POINT: gettext_lazy("Contact point or meeting place"),
    GROUPS: gettext_lazy("Self-help groups, no contact point yet"),
    NOTHING: gettext_lazy("Nothing here yet – ask the district office"),
}


@dataclass(frozen=True)
class Coverage:
    """Ids of municipalities served by a public contact point, and those with public
    groups meeting there."""

    contact_point_ids: frozenset[int]
    group_ids: frozenset[int]

    def css_class(self, municipality_id: int) -> str:
        if municipality_id in self.contact_point_ids:
            return CONTACT_POINT
        if municipality_id in self.group_ids:
            return GROUPS
        return NOTHING

    @property
    def any_ids(self) -> frozenset[int]:
        return self.contact_point_ids | self.group_ids

    def fingerprint(self) -> str:
        text = f"{sorted(self.contact_point_ids)}|{sorted(self.group_ids)}"
        return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]


def coverage() -> Coverage:
    """Which municipalities have something public (three small queries)."""
    located = ContactPoint.objects.public().values_list("municipality_id", flat=True)
    served = ContactPoint.municipalities_served.through.objects.filter(
        contactpoint__status=ContactPointStatus.ESTABLISHED
    ).values_list("municipality_id", flat=True)
    group_ids: set[int] = set()
    for own, via_contact_point in SelfHelpGroup.objects.public().values_list(
        "municipality_id", "contact_point__municipality_id"
    ):
        if own or via_contact_point:
            group_ids.add(own or via_contact_point)
    return Coverage(frozenset(located) | frozenset(served), frozenset(group_ids))


def public_contact_points_for(municipality: Municipality) -> Any:
    """Established contact points located in or serving ``municipality``."""
    return (
        ContactPoint.objects.public()
        .filter(Q(municipality=municipality) | Q(municipalities_served=municipality))
        .distinct()
        .order_by("name")
    )


@dataclass(frozen=True)
class _Geometry:
    projected: ProjectedMap
    # (id, number, name) in drawing order.
    municipalities: list[tuple[int, str, str]]


def _geometry(county_numbers: tuple[str, ...] | None, version: str) -> _Geometry:
    key = f"kp-map-geo:{','.join(county_numbers or ('all',))}:{version}"
    cached: _Geometry | None = cache.get(key)
    if cached is not None:
        return cached
    rows = Municipality.objects.current().order_by("number")
    if county_numbers:
        rows = rows.filter(county__number__in=county_numbers)
    municipalities, outlines = [], []
    for pk, number, name, outline in rows.values_list("pk", "number", "name", "outline"):
        municipalities.append((pk, number, name))
        outlines.append((number, outline or {}))
    # Office maps cover far less ground: the same box width shows more detail.
    geometry = _Geometry(build_paths(outlines, width=800, tolerance=0.6), municipalities)
    cache.set(key, geometry, MAP_CACHE_SECONDS)
    return geometry


def map_figure(
    *, county_numbers: tuple[str, ...] | None = None, data: Coverage | None = None
) -> SafeString:
    """The rendered map figure (SVG, legend, attribution) for the whole country or for
    some counties. Cached per language and per data version: any change in which
    municipalities have contact points or groups, or in the geography, gives a new key."""
    current = Municipality.objects.current()
    if county_numbers:
        current = current.filter(county__number__in=county_numbers)
    stats = current.aggregate(count=Count("pk"), last=Max("pk"))
    version = f"{stats['count']}-{stats['last']}"
    data = data if data is not None else coverage()
    language = get_language() or "nb"
    scope = ",".join(county_numbers or ("all",))
    key = f"kp-map:{scope}:{language}:{version}:{data.fingerprint()}"
    html = cache.get(key)
    if html is None:
        html = _render_figure(_geometry(county_numbers, version), data, national=not county_numbers)
        cache.set(key, html, MAP_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by our template and svgmap, all escaped


def municipality_hrefs() -> Callable[[str], str]:
    """Municipality page URLs in the active language, reversing once instead of per row."""
    pattern = reverse("directory:municipality", kwargs={"number": "0000"})
    return lambda number: pattern.replace("0000", number)


def _render_figure(geometry: _Geometry, data: Coverage, *, national: bool) -> str:
    municipality_href = municipality_hrefs()
    labels = {css: str(text) for css, text in COVERAGE_LABELS.items()}
    areas = []
    for pk, number, name in geometry.municipalities:
        css = data.css_class(pk)
        areas.append(
            MapArea(
                key=number,
                href=municipality_href(number),
                label=f"{name}: {labels[css]}",
                css_class=css,
            )
        )
    label = gettext("Map of Norway's municipalities") if national else gettext("Map of the area")
    svg = render_svg(geometry.projected, areas, label=label)
    legend = [(css, labels[css]) for css in (CONTACT_POINT, GROUPS, NOTHING)]
    return render_to_string(
        "network/includes/map_figure.html", {"svg": svg, "legend": legend, "national": national}
    )
