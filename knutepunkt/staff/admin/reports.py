"""Reports in the admin are read-only: the workflow (write, submit, approve, reopen)
lives in the staff workspace, through the services."""

from __future__ import annotations

from django.contrib import admin

from knutepunkt.reports.models import AnnualReport, NationalReport
from knutepunkt.staff.admin.base import ReadOnlyModelAdmin


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyModelAdmin):
    list_display = ["year", "office", "status", "submitted_at", "approved_at"]
    list_filter = ["status", "year", "office"]
    exclude = ["locked_snapshot"]


@admin.register(NationalReport)
class NationalReportAdmin(ReadOnlyModelAdmin):
    office_staff_access = None  # type: ignore[assignment]
    list_display = ["year", "updated_at"]
