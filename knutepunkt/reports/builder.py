"""Build annual reports: one office's (:func:`build_office_report`) and the national
compilation (:func:`build_national_report`).

An approved report is read from its locked snapshot; any other is computed live from the
activity log through :mod:`knutepunkt.reports.figures`. Live computation is done for all
requested offices at once, so the number of queries does not depend on the number of
offices or activities. The reports hold data only; labels are looked up when they are
rendered (:mod:`knutepunkt.reports.labels`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import replace
from typing import Any

from django.utils import timezone

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.geo.models import Municipality
from knutepunkt.network.models import (
    ContactPointStatusChange,
    DistrictOffice,
    PartnerKind,
    PlanningGroupMember,
)
from knutepunkt.reports import figures as F
from knutepunkt.reports import models as report_models
from knutepunkt.reports.coverage import CoverageReport, coverage_report
from knutepunkt.reports.models import NARRATIVE_FIELDS, AnnualReport, ReportStatus
from knutepunkt.reports.snapshot import report_from_snapshot
from knutepunkt.reports.types import (
    ActivityRow,
    Breakdown,
    ContactPointRow,
    CountRow,
    CoverageArea,
    CoverageMap,
    FigureRow,
    NarrativeSection,
    NationalReport,
    OfficeFigures,
    OfficeReport,
    PartnerKindRow,
    StatusChangeRow,
    TocEntry,
    TodayMap,
)

__all__ = [
    "NationalReport",
    "OfficeReport",
    "build_national_report",
    "build_office_report",
    "build_office_reports",
    "figure_rows",
    "with_coverage",
    "with_today_map",
]


def _user_name(user: Any) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def figure_rows(this_year: dict[str, int], last_year: dict[str, int]) -> list[FigureRow]:
    return [
        FigureRow(key=key, value=this_year.get(key, 0), last_year=last_year.get(key, 0))
        for key in F.FIGURE_KEYS
    ]


def _approved_last_year(
    ids: list[int], year: int
) -> tuple[dict[int, dict[str, int]], dict[int, list[tuple[str, int]]]]:
    """Figures and activities by kind of ``year`` as printed in the offices' approved
    reports of that year (their snapshots), for the offices that have one: a year-over-year
    column compares with what was approved, not with a log that may have changed since."""
    figures: dict[int, dict[str, int]] = {}
    kinds: dict[int, list[tuple[str, int]]] = {}
    approved = AnnualReport.objects.filter(
        office_id__in=ids, year=year, status=ReportStatus.APPROVED
    ).exclude(locked_snapshot=None)
    for office_id, snapshot in approved.values_list("office_id", "locked_snapshot"):
        figures[office_id] = {row["key"]: row["value"] for row in snapshot.get("figures", [])}
        for breakdown in snapshot.get("breakdowns", []):
            if breakdown.get("key") == "kind":
                kinds[office_id] = [(row["key"], row["value"]) for row in breakdown["rows"]]
    return figures, kinds


def _breakdowns(
    ids: list[int], year: int, approved_kinds_last: dict[int, list[tuple[str, int]]]
) -> dict[int, list[Breakdown]]:
    kinds = F.activities_by_kind(ids, year)
    kinds_last = F.activities_by_kind(ids, year - 1)
    kinds_last.update(approved_kinds_last)
    months = F.activities_by_month(ids, year)
    places = F.activities_by_municipality(ids, year)
    tasks = F.activities_by_office_task(ids, year)
    goals = F.activities_by_plan_goal(ids, year)
    channels = F.inquiries_by_channel(ids, year)
    result: dict[int, list[Breakdown]] = {}
    for oid in ids:
        last = dict(kinds_last.get(oid, []))
        this = dict(kinds.get(oid, []))
        by_month = dict(months.get(oid, []))
        result[oid] = [
            Breakdown(
                "kind",
                [
                    CountRow(k, this.get(k, 0), last.get(k, 0))
                    for k in ActivityKind.values
                    if this.get(k) or last.get(k)
                ],
            ),
            Breakdown("month", [CountRow(str(m), by_month.get(m, 0)) for m in range(1, 13)]),
            Breakdown(
                "municipality",
                [
                    CountRow(mnr, n, name=mname, county=cname)
                    for _cnr, cname, mnr, mname, n in sorted(places.get(oid, []))
                ],
            ),
            Breakdown(
                "office_task", [CountRow(str(nr), n) for nr, n in sorted(tasks.get(oid, []))]
            ),
            Breakdown("plan_goal", [CountRow(str(nr), n) for nr, n in sorted(goals.get(oid, []))]),
            Breakdown("inquiry_channel", [CountRow(ch, n) for ch, n in channels.get(oid, [])]),
        ]
    return result


def _activity_rows(ids: list[int], year: int) -> dict[int, list[ActivityRow]]:
    """The year's activities in date order, then id; partner names in one extra query."""
    partners: dict[int, list[str]] = defaultdict(list)
    through = Activity.partners.through.objects.filter(
        activity__office_id__in=ids,
        activity__date__gte=datetime.date(year, 1, 1),
        activity__date__lt=datetime.date(year + 1, 1, 1),
    ).order_by("partner__name")
    for activity_id, name in through.values_list("activity_id", "partner__name"):
        partners[activity_id].append(name)
    result: dict[int, list[ActivityRow]] = {oid: [] for oid in ids}
    # No joins: 14,000 rows × two joins was the slowest part of the national report.
    rows = list(
        F.activities_in_year(ids, year)
        .chronological()
        .values_list(
            "id", "office_id", "date", "end_date", "kind", "title",
            "municipality_id", "participants", "people_reached",
        )
    )  # fmt: skip
    places = {
        pk: (name, county)
        for pk, name, county in Municipality.objects.filter(
            pk__in={row[6] for row in rows if row[6]}
        ).values_list("pk", "name", "county__name")
    }
    no_place = ("", "")
    for pk, oid, date, end, kind, title, mid, participants, reached in rows:
        mname, cname = places.get(mid, no_place)
        result[oid].append(
            ActivityRow(
                id=pk,
                date=date,
                end_date=end,
                kind=kind,
                title=title,
                municipality=mname,
                county=cname,
                participants=participants,
                people_reached=reached,
                partners=partners.get(pk, []),
            )
        )
    return result


def _contact_point_rows(ids: list[int], year: int) -> dict[int, list[ContactPointRow]]:
    counted = F.contact_points_established_or_planning(ids, year)
    cp_ids = [cp.pk for points in counted.values() for cp in points]
    history: dict[int, list[StatusChangeRow]] = defaultdict(list)
    for change in ContactPointStatusChange.objects.filter(
        contact_point__in=cp_ids, changed_on__lte=datetime.date(year, 12, 31)
    ).order_by("changed_on", "id"):
        history[change.contact_point_id].append(
            StatusChangeRow(
                date=change.changed_on,
                from_status=change.from_status,
                to_status=change.to_status,
                note=change.note,
            )
        )
    members: dict[int, list[str]] = defaultdict(list)
    for cp_id, partner, role in (
        PlanningGroupMember.objects.filter(contact_point__in=cp_ids)
        .order_by("partner__name", "id")
        .values_list("contact_point_id", "partner__name", "role")
    ):
        # Organisations and roles only: a member's own name is not for the report.
        label = ", ".join(p for p in (partner, role) if p)
        if label and label not in members[cp_id]:
            members[cp_id].append(label)
    result: dict[int, list[ContactPointRow]] = {}
    for oid, points in counted.items():
        result[oid] = [
            ContactPointRow(
                id=cp.pk,
                name=cp.name,
                kind=cp.kind,
                municipality=cp.municipality.name,
                status=cp.status_at_year_end,  # type: ignore[attr-defined]
                history=history.get(cp.pk, []),
                planning_group=members.get(cp.pk, []),
            )
            for cp in points
        ]
    return result


def _partner_rows(ids: list[int]) -> dict[int, list[PartnerKindRow]]:
    by_kind = F.partners_by_kind(ids)
    return {
        oid: [PartnerKindRow(kind=k, names=kinds[k]) for k in PartnerKind.values if k in kinds]
        for oid, kinds in by_kind.items()
    }


def _narratives(report: AnnualReport | None) -> list[NarrativeSection]:
    return [
        NarrativeSection(key, getattr(report, key, "") if report else "")
        for key in NARRATIVE_FIELDS
    ]


def build_office_reports(
    offices: list[DistrictOffice], year: int, reports: dict[int, AnnualReport] | None = None
) -> list[OfficeReport]:
    """Reports of several offices for one year, in the order given. Approved reports come
    from their snapshot; the rest are computed live together."""
    if reports is None:
        reports = {
            r.office_id: r
            for r in AnnualReport.objects.filter(office__in=offices, year=year).select_related(
                "submitted_by", "approved_by"
            )
        }
    live_ids = [
        o.pk
        for o in offices
        if not (o.pk in reports and reports[o.pk].is_locked and reports[o.pk].locked_snapshot)
    ]
    if live_ids:
        this_year = F.all_figures(live_ids, year)
        last_year = F.all_figures(live_ids, year - 1)
        approved_figures_last, approved_kinds_last = _approved_last_year(live_ids, year - 1)
        last_year.update(approved_figures_last)
        breakdowns = _breakdowns(live_ids, year, approved_kinds_last)
        activities = _activity_rows(live_ids, year)
        contact_points = _contact_point_rows(live_ids, year)
        partners = _partner_rows(live_ids)
    result: list[OfficeReport] = []
    for office in offices:
        report = reports.get(office.pk)
        status = report.status if report else ReportStatus.DRAFT
        common: dict[str, Any] = {
            "office_id": office.pk,
            "office_name": office.name,
            "office_slug": office.slug,
            "year": year,
            "status": status,
            "submitted_at": report.submitted_at if report else None,
            "submitted_by": _user_name(report.submitted_by) if report else "",
            "approved_at": report.approved_at if report else None,
            "approved_by": _user_name(report.approved_by) if report else "",
            "report_id": report.pk if report else None,
        }
        if office.pk not in live_ids:
            assert report is not None
            result.append(report_from_snapshot(report.locked_snapshot, common))
            continue
        result.append(
            OfficeReport(
                **common,
                figures=figure_rows(this_year[office.pk], last_year[office.pk]),
                breakdowns=breakdowns[office.pk],
                narratives=_narratives(report),
                contact_points=contact_points[office.pk],
                partners_by_kind=partners[office.pk],
                activities=activities[office.pk],
                locked=False,
            )
        )
    return result


def build_office_report(*, office: DistrictOffice, year: int) -> OfficeReport:
    """The annual report of ``office`` for ``year`` (locked snapshot if approved)."""
    return build_office_reports([office], year)[0]


def coverage_map(coverage: CoverageReport, office_id: int, as_of: datetime.date) -> CoverageMap:
    """The office's municipalities (those of its counties) on the coverage map of
    ``as_of``, the day ``coverage`` was computed for."""
    return CoverageMap(
        as_of=as_of,
        areas=[
            CoverageArea(
                number=row.number, name=row.name, county=row.county_name, coverage=row.css_class
            )
            for row in coverage.rows
            if row.office_id == office_id
        ],
    )


def with_coverage(reports: list[OfficeReport]) -> list[OfficeReport]:
    """The reports with their coverage maps: an approved report keeps the map stored at
    approval (or none, if it was approved before maps were stored); a live report gets
    today's. One coverage computation for all live reports."""
    if all(r.locked or r.coverage is not None for r in reports):
        return list(reports)
    today = timezone.localdate()
    coverage = coverage_report(today=today)
    return [
        r
        if r.locked or r.coverage is not None
        else replace(r, coverage=coverage_map(coverage, r.office_id, today))
        for r in reports
    ]


def with_today_map(
    reports: list[OfficeReport], day: datetime.date | None = None
) -> list[OfficeReport]:
    """The reports with their activities by municipality totalled on the map of ``day``
    (today by default). A live report's come from the activity log
    (:func:`figures.activities_by_municipality_today`); an approved report's from the
    by-municipality rows of its snapshot (:func:`figures.municipality_counts_today`), so
    they add up to exactly what was approved even if the log changed underneath. A row
    whose number no longer matches a municipality of its year stays as it was."""
    day = day or timezone.localdate()
    live: dict[int, list[int]] = defaultdict(list)
    for r in reports:
        if not r.locked:
            live[r.year].append(r.office_id)
    from_log: dict[int, list[tuple[Any, ...]]] = {}
    for year, ids in live.items():
        from_log.update(F.activities_by_municipality_today(ids, year, day=day))
    frozen: dict[int, list[CountRow]] = {}
    by_year: dict[int, dict[int, list[tuple[str, str, int]]]] = defaultdict(dict)
    for r in reports:
        if r.locked:
            rows = r.municipality_breakdown.rows if r.municipality_breakdown else []
            frozen[r.office_id] = rows
            by_year[r.year][r.office_id] = [(row.key, row.name, row.value) for row in rows]
    from_snapshot: dict[int, list[tuple[Any, ...]]] = {}
    left: dict[int, list[CountRow]] = {}
    for year, counts in by_year.items():
        for office_id, (totals, unknown) in F.municipality_counts_today(
            counts, year, day=day
        ).items():
            from_snapshot[office_id] = totals
            keep = set(unknown)
            left[office_id] = [
                row for row in frozen[office_id] if (row.key, row.name, row.value) in keep
            ]
    result = []
    for r in reports:
        totals = (from_snapshot if r.locked else from_log).get(r.office_id, [])
        rows = [CountRow(mnr, n, name=mname, county=cname) for _c, cname, mnr, mname, n in totals]
        rows += left.get(r.office_id, [])
        result.append(replace(r, municipalities_today=TodayMap(as_of=day, rows=rows)))
    return result


def _sum_figures(chapters: list[OfficeReport]) -> list[FigureRow]:
    this: dict[str, int] = defaultdict(int)
    last: dict[str, int] = defaultdict(int)
    for chapter in chapters:
        for row in chapter.figures:
            this[row.key] += row.value
            last[row.key] += row.last_year
    return figure_rows(this, last)


def build_national_report(*, year: int, approved_only: bool = False) -> NationalReport:
    """The national compilation for ``year``: every office's chapter and the national
    figures as the sum of the chapters' figures. With ``approved_only`` (what the funder
    sees) only approved reports are included, and the other offices are listed as missing.
    """
    offices = list(DistrictOffice.objects.order_by("name"))
    reports = {
        r.office_id: r
        for r in AnnualReport.objects.filter(year=year).select_related(
            "submitted_by", "approved_by"
        )
    }
    missing: list[str] = []
    if approved_only:
        missing = [o.name for o in offices if not (o.pk in reports and reports[o.pk].is_locked)]
        offices = [o for o in offices if o.pk in reports and reports[o.pk].is_locked]
    chapters = build_office_reports(offices, year, reports)
    national = report_models.NationalReport.objects.filter(year=year).first()
    toc = [TocEntry("introduction"), TocEntry("figures")]
    toc += [TocEntry(c.anchor, c.office_name) for c in chapters]
    return NationalReport(
        year=year,
        introduction=national.introduction if national else "",
        figures=_sum_figures(chapters),
        offices=[
            OfficeFigures(
                office_name=c.office_name,
                office_slug=c.office_slug,
                anchor=c.anchor,
                status=c.status,
                figures=c.figures,
            )
            for c in chapters
        ],
        chapters=chapters,
        toc=toc,
        missing_offices=missing,
    )
