"""The municipalities' outlines projected for an SVG map (:mod:`knutepunkt.geo.svgmap`),
computed once per area and geography version and shared, through the Django cache, by
every map: the public map and directory pages, the staff coverage pages and reports.

Callers colour and link the areas; this module only knows outlines.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable

from django.core.cache import cache

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import places_version
from knutepunkt.geo.svgmap import ProjectedMap, build_paths

MAP_WIDTH = 800
# In output units: small enough for county maps, large enough to keep the national map
# well under 250 KB.
MAP_TOLERANCE = 0.6
CACHE_SECONDS = 60 * 60 * 24


def municipality_map(
    *,
    county_numbers: Iterable[str] | None = None,
    numbers: Iterable[str] | None = None,
    on: datetime.date | None = None,
) -> ProjectedMap:
    """The projected outlines of the municipalities valid on ``on`` (today by default),
    keyed by municipality number: all of them, those of some counties (none given: all),
    or those with some numbers.

    Cached per area, day and :func:`~knutepunkt.geo.places.places_version` (which every
    write to the geography changes), so a change of outlines or validity is drawn at once
    while an unchanged map is projected once for all processes."""
    counties = sorted(set(county_numbers or ()))
    wanted = None if numbers is None else sorted(set(numbers))
    text = f"{','.join(counties)}|{'*' if wanted is None else ','.join(wanted)}"
    scope = hashlib.sha256(text.encode()).hexdigest()[:16]
    key = f"geo:map:{scope}:{on.isoformat() if on else 'today'}:{places_version()}"
    cached: ProjectedMap | None = cache.get(key)
    if cached is None:
        rows = Municipality.objects.current(on)
        if counties:
            rows = rows.filter(county__number__in=counties)
        if wanted is not None:
            rows = rows.filter(number__in=wanted)
        outlines = rows.order_by("number").values_list("number", "outline")
        cached = build_paths(
            ((number, outline or {}) for number, outline in outlines),
            width=MAP_WIDTH,
            tolerance=MAP_TOLERANCE,
        )
        cache.set(key, cached, CACHE_SECONDS)
    return cached
