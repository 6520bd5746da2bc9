"""Distances on the globe and "which municipality is nearest", for the public "near me"
search. Plain Python: 357 outlines are too few to need a spatial index."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import Place, derived, place_by_number, places_changed
from knutepunkt.geo.polygons import point_in_geometry, polygons

EARTH_RADIUS_KM = 6371.0088
# A "near me" position farther than this from every municipality is not in Norway.
NEAR_ME_MAX_KM = 150.0


@dataclass(frozen=True)
class _Outline:
    number: str
    latitude: float
    longitude: float
    bbox: tuple[float, float, float, float]  # south, west, north, east
    outline: dict[str, Any] | None

    def contains(self, lat: float, lon: float) -> bool:
        south, west, north, east = self.bbox
        if not (south <= lat <= north and west <= lon <= east) or not self.outline:
            return False
        return point_in_geometry(lat, lon, self.outline)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _bbox(
    outline: dict[str, Any] | None, lat: float, lon: float
) -> tuple[float, float, float, float]:
    if not outline:
        return (lat, lon, lat, lon)
    lons = [pt[0] for polygon in polygons(outline) for pt in polygon[0]]
    lats = [pt[1] for polygon in polygons(outline) for pt in polygon[0]]
    return (min(lats), min(lons), max(lats), max(lons))


def _load_outlines() -> list[_Outline]:
    rows = Municipality.objects.current().values_list("number", "latitude", "longitude", "outline")
    return [
        _Outline(number, lat, lon, _bbox(outline, lat, lon), outline)
        for number, lat, lon, outline in rows
    ]


def _outlines() -> list[_Outline]:
    """The current outlines, loaded on the first "near me" search and kept, like the
    places, until the geography changes (only this reader decodes outlines)."""
    return derived("outlines", _load_outlines)


def _nearest_number(lat: float, lon: float, outlines: list[_Outline]) -> str:
    for outline in outlines:
        if outline.contains(lat, lon):
            return outline.number
    # At sea or just outside the simplified coastline: the nearest representative point.
    return min(outlines, key=lambda o: haversine_km(lat, lon, o.latitude, o.longitude)).number


def nearest_municipality(lat: float, lon: float) -> Municipality | None:
    """The current municipality containing (lat, lon), or else the one whose
    representative point is nearest."""
    for _attempt in range(2):
        outlines = _outlines()
        if not outlines:
            return None
        number = _nearest_number(lat, lon, outlines)
        found = Municipality.objects.current().filter(number=number).first()
        if found is not None:
            return found
        places_changed()  # the geography changed under the cache; reload once
    return None


def place_near(lat: float, lon: float) -> Place | None:
    """The municipality for a "near me" position, or None when it is not in Norway."""
    municipality = nearest_municipality(lat, lon)
    if municipality is None:
        return None
    place = place_by_number(municipality.number)
    if place is None or haversine_km(lat, lon, place.latitude, place.longitude) > NEAR_ME_MAX_KM:
        return None
    return place
