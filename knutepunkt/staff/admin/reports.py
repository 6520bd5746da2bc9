"""Reports in the admin are read-only: the workflow (write, submit, approve, reopen)
lives in the staff workspace, through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from knutepunkt.reports.models import AnnualReport, NationalReport, ReportDeadline
from knutepunkt.reports.services import report_deadline_set
from knutepunkt.staff.admin.base import ReadOnlyModelAdmin, ScopedModelAdmin, actor


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyModelAdmin):
    list_display = ["year", "office", "status", "submitted_at", "approved_at"]
    list_filter = ["status", "year", "office"]
    exclude = ["locked_snapshot"]


@admin.register(NationalReport)
class NationalReportAdmin(ReadOnlyModelAdmin):
    office_staff_access = None  # type: ignore[assignment]
    list_display = ["year", "updated_at"]


@admin.register(ReportDeadline)
class ReportDeadlineAdmin(ScopedModelAdmin):
    """Head office sets when each year's reports are due; offices that have not submitted
    get reminders (``reports.tasks.remind_report_deadlines``)."""

    allow_delete = False
    head_office_only_fields = ()
    list_display = ["year", "due_on", "remind_days_before"]
    fields = ["year", "due_on", "remind_days_before"]

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Any:
        return report_deadline_set(actor=actor(request), **data)

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Any:
        return report_deadline_set(actor=actor(request), **{**data, "year": obj.year})
