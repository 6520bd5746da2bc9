"""Locked snapshots hold data, not labels (snapshot version 1 → 2).

Version 1 stored the labels of the day of approval, in the language active then (figure
labels, breakdown titles and row labels, activity and partner kinds, contact point kinds
and statuses, narrative titles). Version 2 stores the codes only; labels are looked up
when the report is rendered (reports/labels.py). It also stores the office's name and the
coverage map as of approval; a version-1 snapshot had no map, so a converted report has
none (reopen and approve it again to store today's).

What version 1 held only as a label is recovered: a contact point's kind from its label
(English or bokmål; otherwise the contact point's kind today), and a municipality row's
county and municipality names from its "County – Municipality" label.
"""

from typing import Any

from django.db import migrations

CONTACT_POINT_KIND_BY_LABEL = {
    "Local contact point": "contact_point",
    "Lokalt kontaktpunkt": "contact_point",
    "Meeting place": "meeting_place",
    "Møteplass": "meeting_place",
}


def _v1_to_v2(data: dict[str, Any], office_name: str, kinds: dict[int, str]) -> dict[str, Any]:
    def row(breakdown: str, r: dict[str, Any]) -> dict[str, Any]:
        name = county = ""
        if breakdown == "municipality":
            county, _dash, name = r.get("label", "").partition(" – ")
            if not name:
                county, name = "", county
        return {
            "key": r["key"],
            "value": r["value"],
            "last_year": r.get("last_year"),
            "name": name,
            "county": county,
        }

    return {
        "version": 2,
        "office_name": office_name,
        "figures": [
            {"key": f["key"], "value": f["value"], "last_year": f["last_year"]}
            for f in data["figures"]
        ],
        "breakdowns": [
            {"key": b["key"], "rows": [row(b["key"], r) for r in b["rows"]]}
            for b in data["breakdowns"]
        ],
        "narratives": [{"key": n["key"], "text": n["text"]} for n in data["narratives"]],
        "contact_points": [
            {
                "id": c["id"],
                "name": c["name"],
                "kind": CONTACT_POINT_KIND_BY_LABEL.get(c.get("kind_label", ""))
                or kinds.get(c["id"], ""),
                "municipality": c["municipality"],
                "status": c["status"],
                "history": [
                    {
                        "date": h["date"],
                        "from_status": h["from_status"],
                        "to_status": h["to_status"],
                        "note": h["note"],
                    }
                    for h in c["history"]
                ],
                "planning_group": c["planning_group"],
            }
            for c in data["contact_points"]
        ],
        "partners_by_kind": [
            {"kind": p["kind"], "names": p["names"]} for p in data["partners_by_kind"]
        ],
        "activities": [
            {key: value for key, value in a.items() if key != "kind_label"}
            for a in data["activities"]
        ],
        "coverage": None,
    }


def forwards(apps: Any, schema_editor: Any) -> None:
    AnnualReport = apps.get_model("reports", "AnnualReport")
    ContactPoint = apps.get_model("network", "ContactPoint")
    kinds = dict(ContactPoint.objects.values_list("pk", "kind"))
    for report in AnnualReport.objects.exclude(locked_snapshot=None).select_related("office"):
        data = report.locked_snapshot
        if not isinstance(data, dict) or data.get("version") != 1:
            continue
        report.locked_snapshot = _v1_to_v2(data, report.office.name, kinds)
        report.save(update_fields=["locked_snapshot"])


def backwards(apps: Any, schema_editor: Any) -> None:
    """Version 2 → 1, with the labels in the default language (version 1's reader looks
    most of them up again; it needs the stored ones for the rest)."""
    from django.conf import settings
    from django.utils import translation

    from knutepunkt.reports import labels

    AnnualReport = apps.get_model("reports", "AnnualReport")
    with translation.override(settings.LANGUAGE_CODE):
        for report in AnnualReport.objects.exclude(locked_snapshot=None):
            data = report.locked_snapshot
            if not isinstance(data, dict) or data.get("version") != 2:
                continue
            report.locked_snapshot = {
                "version": 1,
                "figures": [
                    {**f, "label": labels.figure_label(f["key"])} for f in data["figures"]
                ],
                "breakdowns": [
                    {
                        "key": b["key"],
                        "title": labels.breakdown_title(b["key"]),
                        "rows": [
                            {
                                "key": r["key"],
                                "label": labels.count_row_label(
                                    b["key"], r["key"], r["name"], r["county"]
                                ),
                                "value": r["value"],
                                "last_year": r["last_year"],
                            }
                            for r in b["rows"]
                        ],
                    }
                    for b in data["breakdowns"]
                ],
                "narratives": [
                    {**n, "title": labels.narrative_title(n["key"])} for n in data["narratives"]
                ],
                "contact_points": [
                    {
                        "id": c["id"],
                        "name": c["name"],
                        "kind_label": labels.contact_point_kind_label(c["kind"]),
                        "municipality": c["municipality"],
                        "status": c["status"],
                        "status_label": labels.contact_point_status_label(c["status"]),
                        "history": [
                            {
                                **h,
                                "from_label": labels.contact_point_status_label(h["from_status"]),
                                "to_label": labels.contact_point_status_label(h["to_status"]),
                            }
                            for h in c["history"]
                        ],
                        "planning_group": c["planning_group"],
                    }
                    for c in data["contact_points"]
                ],
                "partners_by_kind": [
                    {**p, "label": labels.partner_kind_label(p["kind"])}
                    for p in data["partners_by_kind"]
                ],
                "activities": [
                    {**a, "kind_label": labels.activity_kind_label(a["kind"])}
                    for a in data["activities"]
                ],
            }
            report.save(update_fields=["locked_snapshot"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_report_export"),
        ("network", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
