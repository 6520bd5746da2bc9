"""Derive the successor table between two vintages of the geography from the data itself.

A unit of the old vintage either *continues* (the same number, and the same name or the
old name as one language's part of the new one: "Trondheim" → "Trondheim - Tråante") or
*ends*, and then its successors are the units of the new vintage that cover its area. The
area share is measured on the outlines by sampling: a regular grid of points inside the old
outline, each point counted for the new unit whose outline holds it. Shares below
:data:`MIN_SHARE` are border noise between two differently simplified outlines.

This is slow-ish (seconds) and runs when a vintage is prepared, not at every load: the
result is written to ``geo/data/successors-<old>-<new>.csv``, which the loader reads and a
test derives again and compares (``geo/tests/test_vintages.py``).
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knutepunkt.geo.polygons import point_in_geometry, polygons

# A new unit that gets less than this share of an old unit's area is border noise.
MIN_SHARE = 0.05
# Grid points per old unit (about; small units get at least a few dozen).
SAMPLES = 400


@dataclass(frozen=True)
class Unit:
    number: str
    name: str
    outline: dict[str, Any] | None = None


@dataclass(frozen=True)
class Change:
    """One old unit → one new unit, with the share of the old unit's area it got."""

    old_number: str
    old_name: str
    new_number: str
    new_name: str
    share: float | None

    @property
    def continues(self) -> bool:
        return self.old_number == self.new_number and same_name(self.old_name, self.new_name)


def name_parts(name: str) -> set[str]:
    """ "Storfjord - Omasvuotna - Omasvuono" → each language's form, lower-cased."""
    return {part.strip().casefold() for part in name.split(" - ") if part.strip()}


def same_name(old: str, new: str) -> bool:
    """The same name, or one that only gained (or lost) another language's form."""
    old_parts, new_parts = name_parts(old), name_parts(new)
    return old_parts <= new_parts or new_parts <= old_parts


def read_units(path: Path, number_key: str, name_key: str) -> list[Unit]:
    with path.open(encoding="utf-8") as handle:
        collection = json.load(handle)
    return [
        Unit(
            str(f["properties"][number_key]), str(f["properties"][name_key]).strip(), f["geometry"]
        )
        for f in collection["features"]
    ]


def _bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for polygon in polygons(geometry):
        for x, y, *_ in polygon[0]:
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def _grid(geometry: dict[str, Any], samples: int) -> Iterator[tuple[float, float]]:
    """Points (lat, lon) of a regular grid that fall inside the geometry; the grid is
    square on the ground (longitude steps widened by 1/cos(latitude))."""
    west, south, east, north = _bbox(geometry)
    stretch = 1 / max(math.cos(math.radians((south + north) / 2)), 0.1)
    area = max((east - west) / stretch * (north - south), 1e-12)
    step = math.sqrt(area / samples)
    lat = south + step / 2
    while lat < north:
        lon = west + step * stretch / 2
        while lon < east:
            if point_in_geometry(lat, lon, geometry):
                yield lat, lon
            lon += step * stretch
        lat += step


def area_shares(old: Unit, candidates: list[Unit], *, samples: int = SAMPLES) -> dict[str, float]:
    """How the old unit's area is shared among the new units (number → share)."""
    assert old.outline is not None
    boxes = [(unit, _bbox(unit.outline)) for unit in candidates if unit.outline]
    counts: Counter[str] = Counter()
    total = 0
    for attempt in (samples, samples * 8):
        for lat, lon in _grid(old.outline, attempt):
            total += 1
            for unit, (west, south, east, north) in boxes:
                if west <= lon <= east and south <= lat <= north:
                    assert unit.outline is not None
                    if point_in_geometry(lat, lon, unit.outline):
                        counts[unit.number] += 1
                        break
        if total >= 20:
            break
    found = sum(counts.values())
    if not found:
        return {}
    return {number: count / found for number, count in counts.items()}


def derive(old_units: Iterable[Unit], new_units: Iterable[Unit]) -> list[Change]:
    """The changes from the old vintage to the new one: one :class:`Change` per old unit
    that continues (share 1) and one per successor of each old unit that ends."""
    new_units = list(new_units)
    new_by_number = {u.number: u for u in new_units}
    continuing = set()
    changes: list[Change] = []
    ending: list[Unit] = []
    for old in old_units:
        new = new_by_number.get(old.number)
        if new is not None and same_name(old.name, new.name):
            continuing.add(new.number)
            changes.append(Change(old.number, old.name, new.number, new.name, 1.0))
        else:
            ending.append(old)
    # Only new units that do not simply continue an old one can take over an ended area.
    fresh = [u for u in new_units if u.number not in continuing]
    for old in ending:
        shares = area_shares(old, fresh) if old.outline else {}
        kept = {n: s for n, s in shares.items() if s >= MIN_SHARE}
        scale = sum(kept.values()) or 1.0
        for number, share in sorted(kept.items(), key=lambda item: -item[1]):
            new = new_by_number[number]
            changes.append(Change(old.number, old.name, number, new.name, round(share / scale, 3)))
    return changes


FIELDS = ["old_number", "old_name", "new_number", "new_name", "share"]


def write_csv(changes: Iterable[Change], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        for c in changes:
            if c.continues:
                continue  # the file lists only what changed
            share = "" if c.share is None else f"{c.share:.3f}"
            writer.writerow([c.old_number, c.old_name, c.new_number, c.new_name, share])


def read_csv(path: Path) -> list[Change]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if not row["old_number"].startswith("#")]
    return [
        Change(
            row["old_number"],
            row["old_name"],
            row["new_number"],
            row["new_name"],
            float(row["share"]) if row.get("share") else None,
        )
        for row in rows
    ]
