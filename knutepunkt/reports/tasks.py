"""Background tasks (django-tasks). In production `manage.py db_worker` runs them (see
docs/operations.md); tests use the immediate backend."""

from __future__ import annotations

import logging

from django.utils import translation
from django_tasks import task

from knutepunkt.reports.models import ReportExport

logger = logging.getLogger(__name__)


@task()
def generate_national_pdf(export_id: int) -> None:
    """Build and typeset the national compilation for the export's year. The creator's
    role decides the content: head office gets every chapter, the funder approved ones."""
    from django.conf import settings

    from knutepunkt.reports.builder import build_national_report
    from knutepunkt.reports.export_services import report_export_finish, report_export_progress
    from knutepunkt.reports.pdf import national_report_pdf

    export = ReportExport.objects.select_related("created_by").get(pk=export_id)
    user = export.created_by
    approved_only = not (user is not None and user.is_head_office)
    with translation.override(settings.LANGUAGE_CODE):
        try:
            report_export_progress(export=export, percent=5)
            report = build_national_report(year=export.year, approved_only=approved_only)
            report_export_progress(export=export, percent=10)
            pdf = national_report_pdf(
                report, progress=lambda p: report_export_progress(export=export, percent=p)
            )
        except Exception as exc:
            logger.exception("National PDF export %s failed", export_id)
            report_export_finish(export=export, content=None, error=f"{type(exc).__name__}")
            return
    report_export_finish(export=export, content=pdf)


@task()
def purge_old_exports() -> dict[str, int]:
    """Daily: delete export files older than ``EXPORT_RETENTION_DAYS``."""
    from knutepunkt.reports.export_services import report_exports_purge

    return {"deleted": report_exports_purge()}


@task()
def remind_report_deadlines() -> int:
    """Daily: remind offices whose annual report is due soon or overdue (once each)."""
    from knutepunkt.reports.services import report_deadline_reminders

    return report_deadline_reminders()
