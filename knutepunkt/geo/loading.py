"""Load Norway's counties and municipalities: every vintage in ``geo/data`` and the
successor tables between them.

The structure is loaded as a history:

* the units that ended with the 2020 reform, name-only rows (no outline) valid up to
  31.12.2019, with their 2020 successors (``*-ended-2019.csv``);
* the 2020 vintage (``*-2020.geojson``), valid from 1.1.2020;
* the 2024 vintage (``*-2024.geojson``), valid from 1.1.2024, with the 2020 → 2024
  successor tables derived from numbers, names and outlines (``*-successors-2020-2024.csv``,
  written by ``geo.successors``).

A unit that is the same in two vintages (same number; same name, or the old name as one
language's part of the new one) is *one* row, valid from the first to the last: foreign
keys to it never need re-pointing. A unit of the first vintage that no recorded change
created is taken to have existed before; its start is not recorded, and it is stored as
:data:`EARLIEST` so that any earlier date is accepted.

This runs at the start of every test session and after each transactional-test flush, so
it must be fast: a fresh database gets a few ``bulk_create`` calls; when rows exist they are
matched (same number, overlapping validity) and only the changed ones are updated, so every
primary key stays. Running it again changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from knutepunkt.geo.models import County, CountySuccessor, Municipality, MunicipalitySuccessor
from knutepunkt.geo.places import places_changed
from knutepunkt.geo.polygons import point_in_geometry, representative_point
from knutepunkt.geo.successors import read_csv, same_name

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTIES_2024 = DATA_DIR / "fylker-2024.geojson"
MUNICIPALITIES_2024 = DATA_DIR / "kommuner-2024.geojson"
COUNTIES_2020 = DATA_DIR / "fylker-2020.geojson"
MUNICIPALITIES_2020 = DATA_DIR / "kommuner-2020.geojson"
COUNTIES_ENDED_2019 = DATA_DIR / "counties-ended-2019.csv"
MUNICIPALITIES_ENDED_2019 = DATA_DIR / "municipalities-ended-2019.csv"
DEFAULT_VALID_FROM = datetime.date(2024, 1, 1)
# The start of a row whose start is not recorded (it existed before anything we hold).
EARLIEST = datetime.date(1838, 1, 1)
ONE_DAY = datetime.timedelta(days=1)

__all__ = ["VINTAGES", "Vintage", "load_geography", "point_in_geometry"]


@dataclass(frozen=True)
class Vintage:
    """One structure from a date on, with the changes from the vintage before it (None:
    derive them from the numbers and names only; units that do not continue then have no
    recorded successors)."""

    valid_from: datetime.date
    counties: Path
    municipalities: Path
    county_changes: Path | None = None
    municipality_changes: Path | None = None


VINTAGES: tuple[Vintage, ...] = (
    Vintage(datetime.date(2020, 1, 1), COUNTIES_2020, MUNICIPALITIES_2020),
    Vintage(
        datetime.date(2024, 1, 1),
        COUNTIES_2024,
        MUNICIPALITIES_2024,
        DATA_DIR / "county-successors-2020-2024.csv",
        DATA_DIR / "municipality-successors-2020-2024.csv",
    ),
)


@dataclass
class _Lineage:
    """A unit as one row: from its first vintage to its last."""

    number: str
    name: str
    valid_from: datetime.date
    valid_to: datetime.date | None = None
    outline: dict[str, Any] | None = None
    latitude: float | None = None
    longitude: float | None = None
    county: _Lineage | None = None
    # (successor lineage, share)
    successors: list[tuple[_Lineage, float | None]] = field(default_factory=list)
    pk: int | None = None


def _read(path: Path, number_key: str, name_key: str) -> list[tuple[str, str, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        collection = json.load(handle)
    return [
        (
            str(f["properties"][number_key]),
            str(f["properties"][name_key]).strip(),
            f["geometry"],
        )
        for f in collection["features"]
    ]


def _read_ended(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _point(outline: dict[str, Any]) -> tuple[float, float]:
    lat, lon = representative_point(outline)
    return round(lat, 5), round(lon, 5)


class _Plan:
    """The whole history as lineages, built in memory before anything is written."""

    def __init__(self, vintages: Sequence[Vintage], *, with_history: bool) -> None:
        self.counties: list[_Lineage] = []
        self.municipalities: list[_Lineage] = []
        open_counties: dict[str, _Lineage] = {}
        open_municipalities: dict[str, _Lineage] = {}
        ended_counties: dict[str, tuple[_Lineage, list[str]]] = {}
        ended_municipalities: dict[str, tuple[_Lineage, list[str]]] = {}
        first = vintages[0].valid_from if vintages else DEFAULT_VALID_FROM
        if with_history:
            last_day = first - ONE_DAY
            for row in _read_ended(COUNTIES_ENDED_2019):
                county = _Lineage(row["number"], row["name"], EARLIEST, last_day)
                self.counties.append(county)
                ended_counties[county.number] = (county, row["successors"].split())
            history_counties = {c.number: c for c, _ in ended_counties.values()}
            for row in _read_ended(MUNICIPALITIES_ENDED_2019):
                municipality = _Lineage(row["number"], row["name"], EARLIEST, last_day)
                municipality.county = history_counties.get(row["county"])
                if municipality.county is None:
                    # A county that did not end in 2020 (Rogaland, Nordland …): filled in
                    # with the first vintage's row below.
                    municipality.county = _Lineage(row["county"], "", EARLIEST)
                self.municipalities.append(municipality)
                ended_municipalities[municipality.number] = (
                    municipality,
                    row["successors"].split(),
                )
        for index, vintage in enumerate(vintages):
            new_counties = self._step(
                _read(vintage.counties, "fylkesnummer", "fylkesnavn"),
                open_counties,
                self.counties,
                vintage,
                first=index == 0,
                changes=vintage.county_changes,
                ended=ended_counties if index == 0 else None,
            )
            self._step(
                _read(vintage.municipalities, "kommunenummer", "kommunenavn"),
                open_municipalities,
                self.municipalities,
                vintage,
                first=index == 0,
                changes=vintage.municipality_changes,
                ended=ended_municipalities if index == 0 else None,
                counties=new_counties,
            )
        # Name-only rows of counties that went on (the placeholders above).
        first_counties = {c.number: c for c in self.counties if c.valid_from == EARLIEST}
        for municipality in self.municipalities:
            placeholder = municipality.county
            if placeholder is not None and not placeholder.name:
                municipality.county = first_counties[placeholder.number]
        # A name-only row is placed at its (first) successor's point: it has no outline.
        for municipality in self.municipalities:
            if municipality.latitude is None and municipality.successors:
                heir = municipality.successors[0][0]
                municipality.latitude, municipality.longitude = heir.latitude, heir.longitude

    def _step(
        self,
        units: list[tuple[str, str, dict[str, Any]]],
        open_rows: dict[str, _Lineage],
        all_rows: list[_Lineage],
        vintage: Vintage,
        *,
        first: bool,
        changes: Path | None,
        ended: dict[str, tuple[_Lineage, list[str]]] | None,
        counties: dict[str, _Lineage] | None = None,
    ) -> dict[str, _Lineage]:
        """Continue, end and start lineages for one vintage; returns its rows by number."""
        start = vintage.valid_from
        with_point = counties is not None
        recorded = read_csv(changes) if changes else []
        created_by_change = {c.new_number for c in recorded}
        if ended:
            created_by_change |= {n for _, successors in ended.values() for n in successors}
        current: dict[str, _Lineage] = {}
        for number, name, outline in units:
            row = open_rows.get(number)
            county = counties[number[:2]] if counties is not None else None
            continues = (
                row is not None
                and same_name(row.name, name)
                and (county is None or row.county is county)
            )
            if row is None or not continues:
                # New from this vintage, unless it was only missing from the older file
                # (no ended unit passed it any area): then it existed already.
                begins = start
                if first and number not in created_by_change:
                    begins = EARLIEST
                elif not first and number not in created_by_change and row is None:
                    begins = min((r.valid_from for r in open_rows.values()), default=start)
                row = _Lineage(number, name, begins, county=county)
                all_rows.append(row)
            row.name, row.outline = name, outline
            if with_point:
                row.latitude, row.longitude = _point(outline)
            current[number] = row
        # What did not go on ends the day before.
        for number, row in open_rows.items():
            if current.get(number) is not row:
                row.valid_to = start - ONE_DAY
        for change in recorded:
            old, new = open_rows.get(change.old_number), current.get(change.new_number)
            if old is None or new is None or old is new:
                continue
            old.successors.append((new, change.share))
        if changes is None:
            # Nothing recorded: a number that goes on under another name is the successor.
            for number, row in open_rows.items():
                heir = current.get(number)
                if heir is not None and heir is not row:
                    row.successors.append((heir, None))
        if ended:
            for old, successors in ended.values():
                for number in successors:
                    share = 1.0 if len(successors) == 1 else None
                    old.successors.append((current[number], share))
        open_rows.clear()
        open_rows.update(current)
        return current


def _overlaps(row: Any, lineage: _Lineage) -> bool:
    far = datetime.date.max
    return row.valid_from <= (lineage.valid_to or far) and lineage.valid_from <= (
        row.valid_to or far
    )


def _match(model: Any, lineages: list[_Lineage], fields: list[str]) -> None:
    """Give each lineage its existing row (same number, overlapping validity), update the
    rows whose data differ, and create the rest."""
    by_number: dict[str, list[Any]] = {}
    for row in model.objects.order_by("valid_from"):
        by_number.setdefault(row.number, []).append(row)
    changed: list[Any] = []
    new: list[tuple[_Lineage, Any]] = []
    for lineage in sorted(lineages, key=lambda item: item.valid_from):
        values = {
            "name": lineage.name,
            "valid_from": lineage.valid_from,
            "valid_to": lineage.valid_to,
            "outline": lineage.outline,
        }
        if "latitude" in fields:
            assert lineage.county is not None and lineage.county.pk is not None
            values.update(
                county_id=lineage.county.pk,
                latitude=lineage.latitude,
                longitude=lineage.longitude,
            )
        candidates = by_number.get(lineage.number, [])
        row = next((r for r in candidates if r.valid_from == lineage.valid_from), None)
        row = row or next((r for r in candidates if _overlaps(r, lineage)), None)
        if row is None:
            new.append((lineage, model(number=lineage.number, **values)))
            continue
        candidates.remove(row)
        lineage.pk = row.pk
        if any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    if changed:
        # Ends first, so that no two open rows of one number exist for a moment.
        model.objects.bulk_update(changed, ["valid_to"])
        model.objects.bulk_update(changed, fields)
    created = model.objects.bulk_create([row for _, row in new])
    for (lineage, _), row in zip(new, created, strict=True):
        lineage.pk = row.pk


def _sync_successors(model: Any, lineages: list[_Lineage]) -> None:
    wanted = {
        (lineage.pk, heir.pk): share for lineage in lineages for heir, share in lineage.successors
    }
    existing = {(s.predecessor_id, s.successor_id): s for s in model.objects.all()}
    stale = [s.pk for key, s in existing.items() if key not in wanted]
    if stale:
        model.objects.filter(pk__in=stale).delete()
    changed = []
    for key, share in wanted.items():
        link = existing.get(key)
        if link is not None and link.share != share:
            link.share = share
            changed.append(link)
    if changed:
        model.objects.bulk_update(changed, ["share"])
    model.objects.bulk_create(
        [
            model(predecessor_id=old, successor_id=new, share=share)
            for (old, new), share in wanted.items()
            if (old, new) not in existing
        ]
    )


def load_geography(
    *, vintages: Sequence[Vintage] = VINTAGES, with_history: bool = True
) -> tuple[int, int]:
    """Create or refresh the history of counties and municipalities and its successor
    tables. Returns (counties, municipalities) of the last vintage. Idempotent."""
    plan = _Plan(vintages, with_history=with_history)
    with transaction.atomic():
        _match(County, plan.counties, ["name", "valid_from", "valid_to", "outline"])
        _match(
            Municipality,
            plan.municipalities,
            ["name", "valid_from", "valid_to", "outline", "county_id", "latitude", "longitude"],
        )
        _sync_successors(CountySuccessor, plan.counties)
        _sync_successors(MunicipalitySuccessor, plan.municipalities)
    places_changed()
    last = sum(1 for c in plan.counties if c.valid_to is None)
    return last, sum(1 for m in plan.municipalities if m.valid_to is None)
