"""The access functions of annual reports and background exports (see
:mod:`knutepunkt.core.scoping`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404

from knutepunkt.core.scoping import one_or_404
from knutepunkt.network.access import get_office_for_user
from knutepunkt.network.models import DistrictOffice
from knutepunkt.reports.models import AnnualReport, ReportExport
from knutepunkt.reports.selectors import check_year


@dataclass(frozen=True)
class OfficeReport:
    """One office's annual report for one year, as a report page opens it."""

    office: DistrictOffice
    year: int
    stored: AnnualReport | None  # None while nobody has written anything yet


def get_annual_report_for_user(user: Any, slug: str, year: int) -> OfficeReport:
    """The report of the office ``slug`` for ``year``, or 404: a year out of range, an
    office the user does not follow (another office's report for office staff), and for
    the funder any report not approved."""
    check_year(year)
    office = get_office_for_user(user, slug)
    stored = (
        AnnualReport.objects.visible_to(user)
        .filter(office=office, year=year)
        .select_related("office", "submitted_by", "approved_by")
        .first()
    )
    if stored is None and user.is_funder:
        raise Http404
    return OfficeReport(office=office, year=year, stored=stored)


def get_export_for_user(user: Any, pk: int) -> ReportExport:
    """A background export the user may follow and download, or 404."""
    return one_or_404(ReportExport.objects.visible_to(user), pk=pk)
