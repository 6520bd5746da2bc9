"""Exports go through the "exports" storage (any node can serve what the worker made)
and their files are deleted after EXPORT_RETENTION_DAYS by the scheduler's job."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from knutepunkt.reports.export_services import export_storage, report_export_finish
from knutepunkt.reports.models import ExportStatus, ReportExport
from knutepunkt.reports.tasks import purge_old_exports

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_dir(settings: Any, tmp_path: Any) -> Any:
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


def test_a_finished_export_is_in_the_shared_storage_and_goes_after_the_retention(
    shared_dir: Any, settings: Any
) -> None:
    export = ReportExport.objects.create(year=2024)
    report_export_finish(export=export, content=b"%PDF-1.7\n%%EOF\n")
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE
    assert not export.file_path.startswith("/")  # a storage name, not a local path
    assert (shared_dir / export.file_path).read_bytes().startswith(b"%PDF")
    with export_storage().open(export.file_path) as handle:
        assert handle.read().startswith(b"%PDF")

    assert purge_old_exports.enqueue().return_value == {"deleted": 0}  # still fresh
    settings.EXPORT_RETENTION_DAYS = 30
    ReportExport.objects.filter(pk=export.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert purge_old_exports.enqueue().return_value == {"deleted": 1}
    export.refresh_from_db()
    assert export.file_path == "" and not any(shared_dir.iterdir())
    assert purge_old_exports.enqueue().return_value == {"deleted": 0}  # idempotent
