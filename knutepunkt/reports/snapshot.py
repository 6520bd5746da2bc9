"""The locked snapshot of an approved report: its computed part as JSON.

Stored at approval (``AnnualReport.locked_snapshot``), so an approved report no longer
changes when the activity log does. Labels of fixed choices are looked up again when the
snapshot is read, so the report follows the reader's language.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict
from typing import Any

from knutepunkt.activity.models import ActivityKind
from knutepunkt.network.models import ContactPointStatus, PartnerKind
from knutepunkt.reports import figures as F
from knutepunkt.reports.types import (
    ActivityRow,
    Breakdown,
    ContactPointRow,
    CountRow,
    FigureRow,
    NarrativeSection,
    OfficeReport,
    PartnerKindRow,
    StatusChangeRow,
)

SNAPSHOT_VERSION = 1


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def report_to_snapshot(report: OfficeReport) -> dict[str, Any]:
    """The computed part of ``report`` (and the narratives as approved) as JSON."""
    data = {
        "version": SNAPSHOT_VERSION,
        "figures": [asdict(f) for f in report.figures],
        "breakdowns": [asdict(b) for b in report.breakdowns],
        "narratives": [asdict(n) for n in report.narratives],
        "contact_points": [asdict(c) for c in report.contact_points],
        "partners_by_kind": [asdict(p) for p in report.partners_by_kind],
        "activities": [asdict(a) for a in report.activities],
    }
    result: dict[str, Any] = _jsonable(data)
    return result


def report_from_snapshot(data: dict[str, Any], common: dict[str, Any]) -> OfficeReport:
    """Rebuild an :class:`OfficeReport` from a snapshot; ``common`` holds the report's
    own fields (office, year, status, who submitted/approved and when)."""
    kinds = {k: str(v) for k, v in ActivityKind.choices}
    statuses = {k: str(v) for k, v in ContactPointStatus.choices}
    partner_kinds = {k: str(v) for k, v in PartnerKind.choices}
    from knutepunkt.reports.builder import narrative_title

    def label(key: str, stored: str) -> str:
        return str(F.FIGURE_LABELS[key]) if key in F.FIGURE_LABELS else stored

    return OfficeReport(
        **common,
        locked=True,
        figures=[
            FigureRow(f["key"], label(f["key"], f["label"]), f["value"], f["last_year"])
            for f in data["figures"]
        ],
        breakdowns=[
            Breakdown(
                b["key"],
                b["title"],
                [
                    CountRow(
                        r["key"],
                        kinds.get(r["key"], r["label"]) if b["key"] == "kind" else r["label"],
                        r["value"],
                        r["last_year"],
                    )
                    for r in b["rows"]
                ],
            )
            for b in data["breakdowns"]
        ],
        narratives=[
            NarrativeSection(n["key"], narrative_title(n["key"]), n["text"])
            for n in data["narratives"]
        ],
        contact_points=[
            ContactPointRow(
                id=c["id"],
                name=c["name"],
                kind_label=c["kind_label"],
                municipality=c["municipality"],
                status=c["status"],
                status_label=statuses.get(c["status"], c["status_label"]),
                history=[
                    StatusChangeRow(
                        date=datetime.date.fromisoformat(h["date"]),
                        from_status=h["from_status"],
                        to_status=h["to_status"],
                        from_label=statuses.get(h["from_status"], ""),
                        to_label=statuses.get(h["to_status"], ""),
                        note=h["note"],
                    )
                    for h in c["history"]
                ],
                planning_group=c["planning_group"],
            )
            for c in data["contact_points"]
        ],
        partners_by_kind=[
            PartnerKindRow(p["kind"], partner_kinds.get(p["kind"], p["label"]), p["names"])
            for p in data["partners_by_kind"]
        ],
        activities=[
            ActivityRow(
                id=a["id"],
                date=datetime.date.fromisoformat(a["date"]),
                end_date=_date(a["end_date"]),
                kind=a["kind"],
                kind_label=kinds.get(a["kind"], a["kind_label"]),
                title=a["title"],
                municipality=a["municipality"],
                county=a["county"],
                participants=a["participants"],
                people_reached=a["people_reached"],
                partners=a["partners"],
            )
            for a in data["activities"]
        ],
    )
