"""The staff workspace's start page (/arbeid/): a dashboard for each role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from knutepunkt.accounts.models import Role
from knutepunkt.accounts.roles import role_of
from knutepunkt.interests.demand import waiting_demand
from knutepunkt.reports import figures as F
from knutepunkt.reports.builder import figure_rows
from knutepunkt.reports.labels import figure_label
from knutepunkt.reports.models import AnnualReport
from knutepunkt.reports.selectors import (
    check_year,
    contact_points_to_follow_up,
    coordinator_groups,
    figures_by_office,
    national_charts,
    office_charts,
    recent_activities,
    report_overview,
    upcoming_events,
)
from knutepunkt.staff.access import ALL_STAFF_ROLES, staff_view


def _year(request: HttpRequest) -> int:
    try:
        return check_year(int(request.GET.get("year", "")))
    except (ValueError, TypeError):
        return timezone.localdate().year
    # Http404 from check_year for a year out of range propagates.


@staff_view(roles=ALL_STAFF_ROLES | {Role.FUNDER})
def dashboard(request: HttpRequest) -> HttpResponse:
    """The signed-in staff member's start page, by role."""
    user: Any = request.user
    year = _year(request)
    role = role_of(user)
    context: dict[str, Any] = {"year": year, "today": timezone.localdate(), "role": role}
    if role == Role.HEAD_OFFICE:
        context["office_lines"] = figures_by_office(year)
        context["overview"] = report_overview(user, year)
        context["figure_labels"] = [figure_label(k) for k in F.FIGURE_KEYS]
        context["national_figures"] = _national_totals(context["office_lines"])
        context["charts"] = national_charts(context["office_lines"], year)
        context["demand"] = waiting_demand(user=user)
    elif role == Role.OFFICE_STAFF:
        ids = [user.office_id]
        context["office"] = user.office
        context["figures"] = figure_rows(
            F.all_figures(ids, year)[user.office_id], F.all_figures(ids, year - 1)[user.office_id]
        )
        context["charts"] = office_charts(user.office_id, year)
        context["events"] = upcoming_events(user)
        context["follow_ups"] = contact_points_to_follow_up(user)
        context["recent"] = recent_activities(user)
        context["report"] = AnnualReport.objects.visible_to(user).filter(year=year).first()
        context["demand"] = waiting_demand(user=user, office=user.office)
    elif role == Role.CONTACT_POINT:
        context["contact_point"] = user.contact_point
        context["groups"] = coordinator_groups(user)
        context["demand"] = waiting_demand(user=user, contact_point=user.contact_point)
        context["events"] = upcoming_events(user)
    else:
        context["approved"] = (
            AnnualReport.objects.visible_to(user).select_related("office").order_by("-year")
        )
        context["national_years"] = sorted({r.year for r in context["approved"]}, reverse=True)
    return render(request, "reports/dashboard.html", context)


def _national_totals(lines: list[Any]) -> list[Any]:
    if not lines:
        return []
    this = dict.fromkeys(F.FIGURE_KEYS, 0)
    last = dict.fromkeys(F.FIGURE_KEYS, 0)
    for line in lines:
        for row in line.figures:
            this[row.key] += row.value
            last[row.key] += row.last_year
    return figure_rows(this, last)
