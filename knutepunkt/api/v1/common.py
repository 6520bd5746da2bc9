"""Helpers every /api/v1/ endpoint shares: paging, points, URLs."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from typing import Annotated, Any, cast

from django.http import HttpRequest
from django.urls import reverse
from pydantic import BeforeValidator

from knutepunkt.opendata.directory import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, Area, Point

# "lat,lon" in decimal degrees; the pattern admits only real coordinates, so any value that
# matches it is valid (and the OpenAPI document can say so exactly).
NEAR_PATTERN = (
    r"^-?(?:90(?:\.0+)?|[1-8]?[0-9](?:\.[0-9]+)?),"
    r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]+)?)$"
)
NEAR_DESCRIPTION = (
    "A point as `latitude,longitude` (WGS84 decimal degrees, e.g. `62.74,7.16`): only "
    "results within `radius_km` of it, nearest first. Distances are measured to "
    "municipality centres; phone and online groups have no place and are left out."
)
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,120}$"
MUNICIPALITY_PATTERN = r"^[0-9]{4}$"
COUNTY_PATTERN = r"^[0-9]{2}$"
MAX_PAGE = 100_000
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
RADIUS_DEFAULT = DEFAULT_RADIUS_KM
RADIUS_MAX = MAX_RADIUS_KM
MAX_ID = 2**53


def doc(text: Any) -> str:
    """A lazily translated text where django-ninja expects ``str`` (the OpenAPI document is
    built per request, in the answer's language)."""
    return cast(str, text)


def parse_near(value: str | None) -> Point | None:
    if not value or not re.fullmatch(NEAR_PATTERN, value):
        return None
    lat, lon = value.split(",")
    return Point(float(lat), float(lon))


def page_meta(total: int, page: int, per_page: int) -> dict[str, int]:
    return {
        "count": total,
        "page": page,
        "per_page": per_page,
        "pages": max(1, math.ceil(total / per_page)),
    }


def paged(items: Sequence[Any], page: int, per_page: int) -> dict[str, Any]:
    """A page of an in-memory list (short lists: topics, offices, counties)."""
    start = (page - 1) * per_page
    return {"items": list(items[start : start + per_page]), **page_meta(len(items), page, per_page)}


def absolute(request: HttpRequest, name: str, **kwargs: Any) -> str:
    """An absolute URL of a public page, in the answer's language (the English site lives
    under /en/)."""
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def place(area: Area) -> dict[str, Any]:
    return {
        "municipality": {"number": area.municipality_number, "name": area.municipality_name},
        "county": {"number": area.county_number, "name": area.county_name},
        "latitude": area.latitude,
        "longitude": area.longitude,
        "approximate": True,
    }


def _iso_date_only(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` strings (pydantic would also take numbers as Unix times)."""
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("a date as YYYY-MM-DD")
    return datetime.date.fromisoformat(value)


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date_only)]
