"""Reads of the reports app: the dashboards' lists and overviews (the access functions are
in :mod:`knutepunkt.reports.access`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.events.models import Event
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.network.models import ContactPoint, DistrictOffice
from knutepunkt.reports import figures as F
from knutepunkt.reports import labels
from knutepunkt.reports.builder import figure_rows
from knutepunkt.reports.charts import Chart, ChartRow
from knutepunkt.reports.models import NARRATIVE_FIELDS, AnnualReport
from knutepunkt.reports.types import FigureRow

FIRST_YEAR = 2000
FOLLOW_UP_WINDOW = datetime.timedelta(days=14)


def check_year(year: int) -> int:
    """Reports exist from 2000 to next year; anything else is a 404, not a 500."""
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404
    return year


def report_offices_for(user: Any) -> QuerySet[DistrictOffice]:
    """Offices whose reports the user may open: head office and the funder all of them
    (the funder only approved ones, see
    :func:`knutepunkt.reports.access.get_annual_report_for_user`), office staff their own;
    everyone else none."""
    return DistrictOffice.objects.followed_by(user).order_by("name")


def report_years() -> list[int]:
    """Years with logged activity or a report, newest first, always including this year."""
    years = {d.year for d in Activity.objects.dates("date", "year")}
    years |= set(AnnualReport.objects.values_list("year", flat=True))
    years.add(timezone.localdate().year)
    return sorted((y for y in years if y >= FIRST_YEAR), reverse=True)


@dataclass
class ReportOverviewRow:
    office: DistrictOffice
    year: int
    status: str  # "" when the office has not started its report
    empty_sections: list[str]  # the keys of the narrative sections not written yet
    report: AnnualReport | None

    @property
    def status_label(self) -> str:
        return labels.report_status_label(self.status)

    @property
    def empty_section_titles(self) -> list[str]:
        return [labels.narrative_title(key) for key in self.empty_sections]


def report_overview(user: Any, year: int) -> list[ReportOverviewRow]:
    """One row per office the user may see: the report's status and its empty narrative
    sections (the completeness head office follows). Two queries."""
    reports = {r.office_id: r for r in AnnualReport.objects.visible_to(user).filter(year=year)}
    rows = []
    for office in report_offices_for(user):
        report = reports.get(office.pk)
        if user.is_funder and report is None:
            continue
        rows.append(
            ReportOverviewRow(
                office=office,
                year=year,
                status=report.status if report else "",
                empty_sections=[
                    f for f in NARRATIVE_FIELDS if not (report and getattr(report, f).strip())
                ],
                report=report,
            )
        )
    return rows


@dataclass
class OfficeFigureLine:
    office: DistrictOffice
    figures: list[FigureRow]


def figures_by_office(year: int) -> list[OfficeFigureLine]:
    """Every office's figures for the year with last year's: the head-office dashboard."""
    offices = list(DistrictOffice.objects.order_by("name"))
    ids = [o.pk for o in offices]
    this_year = F.all_figures(ids, year)
    last_year = F.all_figures(ids, year - 1)
    return [OfficeFigureLine(o, figure_rows(this_year[o.pk], last_year[o.pk])) for o in offices]


def office_charts(office_id: int, year: int) -> list[Chart]:
    """The office dashboard's charts: activities per month and per type, this year against
    last year (counted from the live log, like the figures table beside them)."""
    months = dict(F.activities_by_month([office_id], year).get(office_id, []))
    months_last = dict(F.activities_by_month([office_id], year - 1).get(office_id, []))
    kinds = dict(F.activities_by_kind([office_id], year).get(office_id, []))
    kinds_last = dict(F.activities_by_kind([office_id], year - 1).get(office_id, []))
    return [
        Chart(
            "months",
            gettext("Activities per month, %(year)s and %(last)s")
            % {"year": year, "last": year - 1},
            year,
            [
                ChartRow(
                    date_format(datetime.date(year, m, 1), "M"),
                    months.get(m, 0),
                    months_last.get(m, 0),
                )
                for m in range(1, 13)
            ],
            columns=True,
        ),
        Chart(
            "kinds",
            gettext("Activities by type, %(year)s and %(last)s") % {"year": year, "last": year - 1},
            year,
            [
                ChartRow(str(label), kinds.get(kind, 0), kinds_last.get(kind, 0))
                for kind, label in ActivityKind.choices
                if kinds.get(kind) or kinds_last.get(kind)
            ],
        ),
    ]


def national_charts(lines: list[OfficeFigureLine], year: int) -> list[Chart]:
    """The head-office dashboard's charts, from the figures-by-office lines already built:
    activities and people informed per district office, this year against last year."""
    charts = []
    for key, title in (
        ("activities_total", gettext("Activities per district office, %(year)s and %(last)s")),
        ("people_informed", gettext("People informed per district office, %(year)s and %(last)s")),
    ):
        rows = []
        for line in lines:
            figure = next(f for f in line.figures if f.key == key)
            rows.append(ChartRow(line.office.name, figure.value, figure.last_year))
        charts.append(Chart(key, title % {"year": year, "last": year - 1}, year, rows))
    return charts


def upcoming_events(user: Any, limit: int = 8) -> QuerySet[Event]:
    return (
        Event.objects.visible_to(user)
        .upcoming()
        .not_cancelled()
        .select_related("municipality")
        .order_by("starts_at", "id")[:limit]
    )


def contact_points_to_follow_up(user: Any) -> QuerySet[ContactPoint]:
    """Contact points whose follow-up date has passed or is within 14 days, soonest first."""
    due = timezone.localdate() + FOLLOW_UP_WINDOW
    return (
        ContactPoint.objects.visible_to(user)
        .filter(follow_up_on__lte=due)
        .select_related("municipality")
        .order_by("follow_up_on", "name")
    )


def recent_activities(user: Any, limit: int = 10) -> QuerySet[Activity]:
    return (
        Activity.objects.visible_to(user)
        .select_related("municipality")
        .order_by("-date", "-id")[:limit]
    )


def coordinator_groups(user: Any) -> QuerySet[SelfHelpGroup]:
    return SelfHelpGroup.objects.visible_to(user).select_related("topic").order_by("status", "id")
