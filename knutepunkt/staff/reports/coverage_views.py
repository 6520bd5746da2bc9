"""Staff pages: coverage and white spots, for the country and per district office."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from knutepunkt.accounts.models import Role
from knutepunkt.interests.demand import LEFT_OUT_BELOW, counts_may_be_left_out, waiting_demand
from knutepunkt.network.access import get_office_for_user
from knutepunkt.network.models import DistrictOffice
from knutepunkt.reports.coverage import (
    choropleth_svg,
    coverage_report,
    legend_items,
    office_county_numbers,
    projected_map,
    rows_for_display,
    white_spots_csv,
)
from knutepunkt.staff.access import staff_view

COVERAGE_ROLES = frozenset({Role.HEAD_OFFICE, Role.OFFICE_STAFF, Role.FUNDER})


@staff_view(roles=COVERAGE_ROLES)
def coverage_country(request: HttpRequest) -> HttpResponse:
    report = coverage_report()
    label = gettext("Coverage map of Norway's municipalities")
    offices = DistrictOffice.objects.followed_by(request.user).order_by("name")
    return render(
        request,
        "reports/coverage/coverage.html",
        {
            "report": report,
            "office": None,
            "offices": offices,
            "svg": choropleth_svg(report, projected_map(None), label=label),
            "legend": legend_items(report),
            "rows": rows_for_display(report),
            "white_spots": report.white_spots,
            "demand": waiting_demand(user=request.user, by_topic=False),
            "demand_left_out_below": (
                LEFT_OUT_BELOW if counts_may_be_left_out(request.user) else None
            ),
        },
    )


@staff_view(roles=COVERAGE_ROLES)
def coverage_office(request: HttpRequest, slug: str) -> HttpResponse:
    office = get_office_for_user(request.user, slug)
    counties = office_county_numbers(office)
    report = coverage_report(county_numbers=counties)
    label = gettext("Coverage map of %(office)s") % {"office": office.name}
    return render(
        request,
        "reports/coverage/coverage.html",
        {
            "report": report,
            "office": office,
            "offices": [],
            "svg": choropleth_svg(report, projected_map(counties), label=label),
            "legend": legend_items(report),
            "rows": rows_for_display(report),
            "white_spots": report.white_spots,
            "demand": waiting_demand(user=request.user, county_numbers=counties, by_topic=False),
            "demand_left_out_below": (
                LEFT_OUT_BELOW if counts_may_be_left_out(request.user, office=office) else None
            ),
        },
    )


@staff_view(roles=COVERAGE_ROLES)
def white_spots_download(request: HttpRequest, slug: str) -> HttpResponse:
    """The office's ranked white spots as CSV, for its plan for next year."""
    office = get_office_for_user(request.user, slug)
    report = coverage_report(county_numbers=office_county_numbers(office))
    response = HttpResponse(
        "\ufeff" + white_spots_csv(report), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="hvite-flekker-{office.slug}.csv"'
    return response
