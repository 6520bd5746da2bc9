"""Test helpers for the report outputs (e.g. the staff URL access matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from knutepunkt.reports.models import ExportStatus, ReportExport

YEAR = 2024


def finished_export(get: Callable[[str], Any]) -> ReportExport:
    """A finished national PDF export started by head office (created once), its file in
    the test's tmp_path."""
    existing = ReportExport.objects.filter(year=YEAR).first()
    if existing is not None:
        return existing
    path = get("tmp_path") / "national.pdf"
    path.write_bytes(b"%PDF-1.7\n%%EOF\n")
    return ReportExport.objects.create(
        year=YEAR,
        created_by=get("head_office_admin"),
        status=ExportStatus.DONE,
        progress=100,
        file_path=str(path),
    )


def export_url_kwargs(get: Callable[[str], Any]) -> dict[str, Any]:
    return {"pk": finished_export(get).pk}


def office_year_kwargs(get: Callable[[str], Any]) -> dict[str, Any]:
    return {"year": YEAR, "slug": get("office_midt").slug}


def year_kwargs(get: Callable[[str], Any]) -> dict[str, Any]:
    return {"year": YEAR}


def office_kwargs(get: Callable[[str], Any]) -> dict[str, Any]:
    return {"slug": get("office_midt").slug}
