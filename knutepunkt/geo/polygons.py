"""Small pure-Python geometry on GeoJSON outlines (WGS84 lon/lat): point-in-polygon and a
representative point. No GDAL or shapely: the outlines are simplified and few."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

Ring = Sequence[Sequence[float]]
Polygon = Sequence[Ring]


def polygons(geometry: dict[str, Any]) -> Iterator[Polygon]:
    """The polygons (outer ring first, then holes) of a Polygon or MultiPolygon."""
    kind = geometry.get("type")
    if kind == "Polygon":
        yield geometry["coordinates"]
    elif kind == "MultiPolygon":
        yield from geometry["coordinates"]
    else:
        raise ValueError(f"Unsupported geometry type: {kind!r}")


def _ring_contains(ring: Ring, x: float, y: float) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def polygon_contains(polygon: Polygon, lon: float, lat: float) -> bool:
    """Inside the outer ring and outside every hole."""
    if not _ring_contains(polygon[0], lon, lat):
        return False
    return not any(_ring_contains(hole, lon, lat) for hole in polygon[1:])


def point_in_geometry(lat: float, lon: float, geometry: dict[str, Any]) -> bool:
    """Whether (lat, lon) lies inside a GeoJSON Polygon or MultiPolygon."""
    return any(polygon_contains(p, lon, lat) for p in polygons(geometry))


def _ring_area_and_centroid(ring: Ring) -> tuple[float, float, float]:
    """Signed area and the area-weighted sums for the centroid (shoelace formula)."""
    area = cx = cy = 0.0
    n = len(ring)
    for i in range(n - 1):
        x0, y0 = ring[i][0], ring[i][1]
        x1, y1 = ring[i + 1][0], ring[i + 1][1]
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return area / 2, cx, cy


def polygon_area_and_centroid(polygon: Polygon) -> tuple[float, float, float]:
    """Area (in square degrees, east-west shrunk by cos(latitude)) and centroid (lon, lat),
    holes subtracted."""
    total = sx = sy = 0.0
    for index, ring in enumerate(polygon):
        area, cx, cy = _ring_area_and_centroid(ring)
        # The outer ring counts positive and holes negative, whatever their winding.
        sign = 1.0 if index == 0 else -1.0
        if area < 0:
            area, cx, cy = -area, -cx, -cy
        total += sign * area
        sx += sign * cx
        sy += sign * cy
    if total <= 0:
        lon, lat = polygon[0][0][0], polygon[0][0][1]
        return 0.0, lon, lat
    lon, lat = sx / (6 * total), sy / (6 * total)
    return total * math.cos(math.radians(lat)), lon, lat


def _widest_segment(polygon: Polygon, lat: float) -> tuple[float, float] | None:
    """The widest interior stretch of the horizontal line at ``lat``: (width, mid lon)."""
    crossings: list[float] = []
    for ring in polygon:
        for i in range(len(ring) - 1):
            x0, y0 = ring[i][0], ring[i][1]
            x1, y1 = ring[i + 1][0], ring[i + 1][1]
            # Half-open rule so a line through a vertex counts it once.
            if (y0 <= lat < y1) or (y1 <= lat < y0):
                crossings.append(x0 + (lat - y0) * (x1 - x0) / (y1 - y0))
    crossings.sort()
    best: tuple[float, float] | None = None
    for left, right in zip(crossings[::2], crossings[1::2], strict=False):
        width = right - left
        if width > 0 and (best is None or width > best[0]):
            best = (width, (left + right) / 2)
    return best


def representative_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """A point (lat, lon) guaranteed inside the geometry's largest polygon.

    The centroid when it lies inside (most municipalities); otherwise the middle of the
    widest interior stretch of a horizontal line through the centroid, trying a few other
    latitudes across the polygon if that line happens to miss it.
    """
    largest = max(polygons(geometry), key=lambda p: polygon_area_and_centroid(p)[0])
    _, lon, lat = polygon_area_and_centroid(largest)
    if polygon_contains(largest, lon, lat):
        return lat, lon
    lats = [y for _, y in largest[0]]
    south, north = min(lats), max(lats)
    candidates = [lat] + [south + (north - south) * k / 8 for k in (4, 3, 5, 2, 6, 1, 7)]
    for line in candidates:
        found = _widest_segment(largest, line)
        if found is not None and polygon_contains(largest, found[1], line):
            return line, found[1]
    # Unreachable for a valid polygon; fall back to a vertex rather than failing a load.
    return largest[0][0][1], largest[0][0][0]
