"""Writes for background report exports (ReportExport): create, progress, finish."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.utils import timezone

from knutepunkt.core.audit import audit_log
from knutepunkt.reports.models import ExportStatus, ReportExport


def export_storage() -> Storage:
    """Where generated files are kept: the ``exports`` storage (``settings.STORAGES``),
    shared by every node; never public (downloads go through a staff view)."""
    return storages["exports"]


def export_open(export: ReportExport) -> IO[bytes]:
    """The export's file. Exports written before the storage held an absolute path."""
    if Path(export.file_path).is_absolute():
        return open(export.file_path, "rb")
    return export_storage().open(export.file_path, "rb")


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
            name = f"{export.kind}-{export.year}-{export.pk}.pdf"
            export.file_path = export_storage().save(name, ContentFile(content))
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


def report_exports_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the files of exports finished more than ``EXPORT_RETENTION_DAYS`` ago; the
    row stays (and says it can no longer be downloaded). Idempotent. Returns the number of
    files deleted."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=int(getattr(settings, "EXPORT_RETENTION_DAYS", 30)))
    storage = export_storage()
    deleted = 0
    old = ReportExport.objects.filter(finished_at__lt=cutoff).exclude(file_path="")
    for export in old.order_by("pk"):
        if Path(export.file_path).is_absolute():
            Path(export.file_path).unlink(missing_ok=True)
        else:
            storage.delete(export.file_path)
        export.file_path = ""
        export.save(update_fields=["file_path"])
        deleted += 1
    if deleted:
        audit_log(actor=None, action="reports.export.purged", data={"count": deleted})
    return deleted
