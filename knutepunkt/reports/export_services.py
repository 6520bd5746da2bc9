"""Writes for background report exports (ReportExport): create, progress, finish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from knutepunkt.core.audit import audit_log
from knutepunkt.reports.models import ExportStatus, ReportExport


def export_dir() -> Path:
    """Where generated files are kept (not public: downloads go through a staff view)."""
    configured = getattr(settings, "REPORT_EXPORT_DIR", None)
    path = Path(configured) if configured else Path(settings.VAR_DIR) / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def report_export_create(*, year: int, kind: str = "national_pdf", actor: Any) -> ReportExport:
    """Queue a national PDF export; the task starts when the transaction commits."""
    from knutepunkt.reports.tasks import generate_national_pdf

    export = ReportExport(kind=kind, year=year, created_by=actor)
    export.full_clean()
    with transaction.atomic():
        export.save()
        audit_log(actor=actor, action="reports.export.created", target=export, data={"year": year})

        def enqueue() -> None:
            result = generate_national_pdf.enqueue(export.pk)
            ReportExport.objects.filter(pk=export.pk, task_id="").update(task_id=str(result.id))

        transaction.on_commit(enqueue)
    return export


def report_export_progress(*, export: ReportExport, percent: int, actor: Any = None) -> None:
    export.status = ExportStatus.RUNNING
    export.progress = max(0, min(percent, 100))
    export.save(update_fields=["status", "progress"])


def report_export_finish(
    *, export: ReportExport, content: bytes | None, error: str = "", actor: Any = None
) -> ReportExport:
    """Store the file (or the error) and mark the export done (or failed)."""
    with transaction.atomic():
        if content is not None:
            path = export_dir() / f"{export.kind}-{export.year}-{export.pk}.pdf"
            path.write_bytes(content)
            export.file_path = str(path)
            export.status = ExportStatus.DONE
            export.progress = 100
        else:
            export.status = ExportStatus.FAILED
            export.error = error[:2000]
        export.finished_at = timezone.now()
        export.save(update_fields=["file_path", "status", "progress", "error", "finished_at"])
        audit_log(
            actor=actor,
            action=f"reports.export.{export.status}",
            target=export,
            data={"year": export.year},
        )
    return export
