"""Distances on the globe and "which municipality is nearest", for the public "near me"
search. Plain Python: 357 outlines are too few to need a spatial index."""

from __future__ import annotations

import datetime
import math
import threading
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.polygons import point_in_geometry, polygons

EARTH_RADIUS_KM = 6371.0088

_lock = threading.Lock()


@dataclass(frozen=True)
class _Place:
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


# (day the list is valid for, places); numbers, not pks, so a test database flush and
# reload cannot leave the cache pointing at rows that are gone.
_places: tuple[datetime.date, list[_Place]] | None = None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def clear_cache() -> None:
    """Forget the cached places (called after the geography is (re)loaded)."""
    global _places
    with _lock:
        _places = None


def _bbox(
    outline: dict[str, Any] | None, lat: float, lon: float
) -> tuple[float, float, float, float]:
    if not outline:
        return (lat, lon, lat, lon)
    lons = [pt[0] for polygon in polygons(outline) for pt in polygon[0]]
    lats = [pt[1] for polygon in polygons(outline) for pt in polygon[0]]
    return (min(lats), min(lons), max(lats), max(lons))


def _current_places() -> list[_Place]:
    global _places
    today = timezone.localdate()
    with _lock:
        if _places is None or _places[0] != today:
            rows = Municipality.objects.current(today).values_list(
                "number", "latitude", "longitude", "outline"
            )
            places = [
                _Place(number, lat, lon, _bbox(outline, lat, lon), outline)
                for number, lat, lon, outline in rows
            ]
            _places = (today, places)
        return _places[1]


def _nearest_number(lat: float, lon: float, places: list[_Place]) -> str:
    for place in places:
        if place.contains(lat, lon):
            return place.number
    # At sea or just outside the simplified coastline: the nearest representative point.
    return min(places, key=lambda p: haversine_km(lat, lon, p.latitude, p.longitude)).number


def nearest_municipality(lat: float, lon: float) -> Municipality | None:
    """The current municipality containing (lat, lon), or else the one whose
    representative point is nearest."""
    for _attempt in range(2):
        places = _current_places()
        if not places:
            return None
        number = _nearest_number(lat, lon, places)
        found = Municipality.objects.current().filter(number=number).first()
        if found is not None:
            return found
        clear_cache()  # the geography changed under the cache; reload once
    return None
