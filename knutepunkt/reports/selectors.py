"""Reads of the reports app: the dashboards' lists and overviews (the access functions are
in :mod:`knutepunkt.reports.access`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from knutepunkt.activity.models import Activity
from knutepunkt.events.models import Event
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.network.models import ContactPoint, DistrictOffice
from knutepunkt.reports import figures as F
from knutepunkt.reports import labels
from knutepunkt.reports.builder import figure_rows
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
