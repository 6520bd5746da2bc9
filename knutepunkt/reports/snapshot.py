"""The locked snapshot of an approved report: its computed part as plain, versioned JSON.

Stored at approval (``AnnualReport.locked_snapshot``), so an approved report no longer
changes when the activity log, the network or the coverage map does. The snapshot is the
report's data fields (:mod:`knutepunkt.reports.types`) as JSON, written with
``dataclasses.asdict`` and read back by one small loader driven by the dataclasses' type
hints: no per-field code, and no labels (they are looked up when the report is rendered).

Version 1 held translated labels; migration
``reports.0003_snapshot_data_only`` converts stored version-1 snapshots to version 2.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from typing import Any

from knutepunkt.reports.types import OfficeReport

SNAPSHOT_VERSION = 2

# The fields of OfficeReport that the snapshot freezes. The rest (status, who submitted
# and approved, when) belongs to the AnnualReport row itself.
SNAPSHOT_FIELDS: tuple[str, ...] = (
    "office_name",
    "figures",
    "breakdowns",
    "narratives",
    "contact_points",
    "partners_by_kind",
    "activities",
    "coverage",
)


class SnapshotError(ValueError):
    """A stored snapshot does not have the shape this version of the code reads."""


def to_json(value: Any) -> Any:
    """Dataclasses, lists and dicts as JSON values; dates as ISO 8601 strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_json(dataclasses.asdict(value))
    if isinstance(value, datetime.date):  # datetime.datetime too
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def from_json(hint: Any, value: Any) -> Any:
    """Rebuild a value of type ``hint`` (a dataclass, ``list[X]``, ``X | None``, a date or
    a plain JSON type) from what :func:`to_json` wrote."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) != 1:
            raise SnapshotError(f"cannot read a value of type {hint}")
        return from_json(options[0], value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [from_json(item, v) for v in value]
    if origin is dict:
        _key, item = typing.get_args(hint)
        return {k: from_json(item, v) for k, v in value.items()}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        fields = {f.name for f in dataclasses.fields(hint) if f.init}
        unknown = set(value) - fields
        if unknown:
            raise SnapshotError(f"{hint.__name__}: unknown fields {sorted(unknown)}")
        return hint(**{name: from_json(hints[name], v) for name, v in value.items()})
    if hint is datetime.datetime:
        return datetime.datetime.fromisoformat(value)
    if hint is datetime.date:
        return datetime.date.fromisoformat(value)
    if hint in (int, float, str, bool, Any):
        return value
    raise SnapshotError(f"cannot read a value of type {hint}")


def report_to_snapshot(report: OfficeReport) -> dict[str, Any]:
    """The computed part of ``report`` (and the narratives as approved) as JSON."""
    data: dict[str, Any] = {"version": SNAPSHOT_VERSION}
    for name in SNAPSHOT_FIELDS:
        data[name] = to_json(getattr(report, name))
    return data


def report_from_snapshot(data: dict[str, Any], common: dict[str, Any]) -> OfficeReport:
    """Rebuild an :class:`OfficeReport` from a snapshot; ``common`` holds the report's
    own fields (office, year, status, who submitted/approved and when)."""
    if data.get("version") != SNAPSHOT_VERSION:
        raise SnapshotError(
            f"snapshot version {data.get('version')!r}, expected {SNAPSHOT_VERSION}: "
            "run the migrations"
        )
    hints = typing.get_type_hints(OfficeReport)
    frozen = {name: from_json(hints[name], data[name]) for name in SNAPSHOT_FIELDS}
    return OfficeReport(**{**common, **frozen, "locked": True})
