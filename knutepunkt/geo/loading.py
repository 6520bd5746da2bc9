"""Load Norway's counties and municipalities from the GeoJSON files in ``geo/data``.

This runs at the start of every test session and after each transactional-test flush, so
it must be fast: a fresh database gets two ``bulk_create`` calls; only when rows exist does
it compare and update the ones that changed.

A file pair is one *vintage* of the structure (e.g. the 2024 reform), loaded with its
``valid_from``. Rows are keyed on (number, valid_from), so re-running changes nothing and
keeps every foreign key pointing at the same rows. Loading a later vintage ends the rows of
earlier vintages that are still open (``valid_to`` = the new ``valid_from``): history is
kept and ``Municipality.objects.current()`` gives the new structure.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from knutepunkt.geo.models import County, Municipality
from knutepunkt.geo.places import places_changed
from knutepunkt.geo.polygons import point_in_geometry, representative_point

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTIES_2024 = DATA_DIR / "fylker-2024.geojson"
MUNICIPALITIES_2024 = DATA_DIR / "kommuner-2024.geojson"
DEFAULT_VALID_FROM = datetime.date(2024, 1, 1)

__all__ = ["load_geography", "point_in_geometry"]


@dataclass(frozen=True)
class _Row:
    number: str
    name: str
    outline: dict[str, Any]
    latitude: float | None = None
    longitude: float | None = None


def _read(path: Path, number_key: str, name_key: str, *, with_point: bool) -> list[_Row]:
    with path.open(encoding="utf-8") as handle:
        collection = json.load(handle)
    rows = []
    for feature in collection["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        lat = lon = None
        if with_point:
            lat, lon = representative_point(geometry)
            lat, lon = round(lat, 5), round(lon, 5)
        rows.append(_Row(str(props[number_key]), str(props[name_key]).strip(), geometry, lat, lon))
    return rows


def load_geography(
    *,
    valid_from: datetime.date = DEFAULT_VALID_FROM,
    counties_path: Path = COUNTIES_2024,
    municipalities_path: Path = MUNICIPALITIES_2024,
) -> tuple[int, int]:
    """Create or refresh one vintage of counties and municipalities.

    Returns (counties, municipalities) in the vintage. Idempotent: existing rows keyed on
    (number, valid_from) are updated in place only when their data differ.
    """
    counties = _read(counties_path, "fylkesnummer", "fylkesnavn", with_point=False)
    municipalities = _read(municipalities_path, "kommunenummer", "kommunenavn", with_point=True)
    with transaction.atomic():
        county_by_number = _load_counties(counties, valid_from)
        _load_municipalities(municipalities, county_by_number, valid_from)
    places_changed()
    return len(counties), len(municipalities)


def _end_older_open_rows(model: Any, valid_from: datetime.date) -> None:
    # A later vintage supersedes every still-open row of an earlier one.
    model.objects.filter(valid_from__lt=valid_from, valid_to__isnull=True).update(
        valid_to=valid_from
    )


def _next_vintage_start(model: Any, valid_from: datetime.date) -> dict[str, datetime.date]:
    """For rows created in an older vintage after a newer one is loaded: when each number's
    next row starts, so the older row is created already ended."""
    starts: dict[str, datetime.date] = {}
    for number, start in model.objects.filter(valid_from__gt=valid_from).values_list(
        "number", "valid_from"
    ):
        if number not in starts or start < starts[number]:
            starts[number] = start
    return starts


def _load_counties(rows: list[_Row], valid_from: datetime.date) -> dict[str, County]:
    existing = {c.number: c for c in County.objects.filter(valid_from=valid_from)}
    if not existing:
        _end_older_open_rows(County, valid_from)
    ends = _next_vintage_start(County, valid_from)
    new, changed = [], []
    for row in rows:
        county = existing.get(row.number)
        if county is None:
            new.append(
                County(
                    number=row.number,
                    name=row.name,
                    outline=row.outline,
                    valid_from=valid_from,
                    valid_to=ends.get(row.number),
                )
            )
        elif county.name != row.name or county.outline != row.outline:
            county.name, county.outline = row.name, row.outline
            changed.append(county)
    County.objects.bulk_create(new)
    if changed:
        County.objects.bulk_update(changed, ["name", "outline"])
    return {c.number: c for c in County.objects.filter(valid_from=valid_from)}


def _load_municipalities(
    rows: list[_Row], county_by_number: dict[str, County], valid_from: datetime.date
) -> None:
    existing = {m.number: m for m in Municipality.objects.filter(valid_from=valid_from)}
    if not existing:
        _end_older_open_rows(Municipality, valid_from)
    ends = _next_vintage_start(Municipality, valid_from)
    fields = ["name", "county_id", "outline", "latitude", "longitude"]
    new, changed = [], []
    for row in rows:
        values = {
            "name": row.name,
            "county_id": county_by_number[row.number[:2]].pk,
            "outline": row.outline,
            "latitude": row.latitude,
            "longitude": row.longitude,
        }
        municipality = existing.get(row.number)
        if municipality is None:
            new.append(
                Municipality(
                    number=row.number,
                    valid_from=valid_from,
                    valid_to=ends.get(row.number),
                    **values,
                )
            )
        elif any(getattr(municipality, f) != v for f, v in values.items()):
            for field, value in values.items():
                setattr(municipality, field, value)
            changed.append(municipality)
    Municipality.objects.bulk_create(new)
    if changed:
        Municipality.objects.bulk_update(changed, fields)
