"""Draw municipality outlines (GeoJSON, WGS84) as a small inline SVG map.

The geometry is projected with a spherical transverse Mercator centred on 15° E, the
meridian of UTM zone 33 that Norwegian national maps use, so Norway keeps its familiar
shape from Lindesnes to Vardø. Rings are simplified (Douglas–Peucker) in output units and
written as relative path commands with integer coordinates, which keeps the national map
well under 250 KB.

This module knows nothing about contact points or groups: callers pass each area's link,
label and CSS class (see ``knutepunkt.public.network.directory``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CENTRAL_MERIDIAN = math.radians(15.0)

Point = tuple[float, float]


def project(lon: float, lat: float) -> Point:
    """Spherical transverse Mercator (unit sphere): (easting, northing), north up."""
    phi, dlam = math.radians(lat), math.radians(lon) - CENTRAL_MERIDIAN
    b = math.cos(phi) * math.sin(dlam)
    x = 0.5 * math.log((1 + b) / (1 - b))
    y = math.atan2(math.tan(phi), math.cos(dlam))
    return x, y


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker: drop points closer than ``tolerance`` to the simplified line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        worst, worst_d2 = -1, tol2
        for i in range(first + 1, last):
            px, py = points[i]
            if seg2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                d2 = cross * cross / seg2
            if d2 > worst_d2:
                worst, worst_d2 = i, d2
        if worst > 0:
            keep[worst] = True
            stack.extend([(first, worst), (worst, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def _rings(geometry: dict[str, Any]) -> Iterable[list[list[float]]]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    for polygon in polygons:
        yield from polygon


def _path_data(ring: Sequence[tuple[int, int]]) -> str:
    """``M x y l dx dy …z`` with integers; a minus sign needs no separator."""
    x0, y0 = ring[0]
    parts = [f"M{x0} {y0}l"]
    px, py = x0, y0
    for index, (x, y) in enumerate(ring[1:]):
        dx, dy = x - px, y - py
        sep = "" if index == 0 else ("" if dx < 0 else " ")
        parts.append(f"{sep}{dx}{'' if dy < 0 else ' '}{dy}")
        px, py = x, y
    parts.append("z")
    return "".join(parts)


@dataclass(frozen=True)
class ProjectedMap:
    """Path data per key (a municipality number), in a ``width`` × ``height`` box."""

    width: int
    height: int
    paths: dict[str, str]


def build_paths(
    outlines: Iterable[tuple[str, dict[str, Any]]],
    *,
    width: int = 800,
    tolerance: float = 0.6,
    margin: int = 4,
) -> ProjectedMap:
    """Project, fit into ``width`` units, simplify and encode each key's outline.

    Every key with geometry gets a path: when simplification would erase a small island
    municipality entirely, its largest ring is kept unsimplified instead.
    """
    projected: list[tuple[str, list[list[Point]]]] = []
    min_x = min_y = math.inf
    max_x = max_y = -math.inf
    for key, geometry in outlines:
        rings = []
        for lonlat_ring in _rings(geometry or {}):
            points = [project(lon, lat) for lon, lat, *_ in lonlat_ring]
            for x, y in points:
                min_x, max_x = min(min_x, x), max(max_x, x)
                min_y, max_y = min(min_y, y), max(max_y, y)
            rings.append(points)
        if rings:
            projected.append((key, rings))
    if not projected:
        return ProjectedMap(width=width, height=width, paths={})

    scale = (width - 2 * margin) / ((max_x - min_x) or 1.0)
    height = math.ceil((max_y - min_y) * scale) + 2 * margin

    def to_box(point: Point) -> Point:
        return (point[0] - min_x) * scale + margin, (max_y - point[1]) * scale + margin

    paths: dict[str, str] = {}
    for key, rings in projected:
        encoded: list[str] = []
        largest: list[tuple[int, int]] = []
        for projected_ring in rings:
            boxed = [to_box(p) for p in projected_ring]
            rounded = _round_ring(simplify(boxed, tolerance))
            if len(rounded) >= 3:
                encoded.append(_path_data(rounded))
            full = _round_ring(boxed)
            if len(full) > len(largest):
                largest = full
        if not encoded and largest:
            encoded.append(_path_data(largest if len(largest) >= 3 else _dot(largest[0])))
        paths[key] = "".join(encoded)
    return ProjectedMap(width=width, height=height, paths=paths)


def _round_ring(points: Sequence[Point]) -> list[tuple[int, int]]:
    ring: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x), round(y))
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()  # "z" closes the ring
    return ring


def _dot(point: tuple[int, int]) -> list[tuple[int, int]]:
    x, y = point
    return [(x, y - 1), (x + 1, y + 1), (x - 1, y + 1)]


@dataclass(frozen=True)
class MapArea:
    key: str
    href: str
    label: str
    css_class: str


def render_svg(projected: ProjectedMap, areas: Sequence[MapArea], *, label: str) -> SafeString:
    """An inline ``<svg>`` with one link per area, scaled by its ``viewBox``.

    The SVG is a labelled group of links (not ``role="img"``, which would hide the links
    from assistive technology); each link is named by ``aria-label`` and has a ``<title>``
    for the mouse tooltip.
    """
    parts = [
        f'<svg class="kp-map" viewBox="0 0 {projected.width} {projected.height}" '
        f'role="group" aria-label="{escape(label)}" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for area in areas:
        d = projected.paths.get(area.key)
        if not d:
            continue
        name = escape(area.label)
        parts.append(
            f'<a href="{escape(area.href)}" aria-label="{name}"><title>{name}</title>'
            f'<path class="{area.css_class}" d="{d}"/></a>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - labels and links are escaped above
