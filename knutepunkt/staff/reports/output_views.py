"""Staff downloads of annual reports: PDF and XLSX per office, the national XLSX, and the
national PDF generated in the background with a progress page."""

from __future__ import annotations

from typing import Any

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from knutepunkt.accounts.models import Role
from knutepunkt.reports.access import get_annual_report_for_user, get_export_for_user
from knutepunkt.reports.builder import build_national_report, build_office_report
from knutepunkt.reports.export_services import export_open, report_export_create
from knutepunkt.reports.models import ExportStatus, ReportExport
from knutepunkt.reports.selectors import check_year
from knutepunkt.reports.xlsx import national_report_xlsx, office_report_xlsx
from knutepunkt.staff.access import OFFICE_ROLES, staff_view

REPORT_READERS = OFFICE_ROLES | {Role.FUNDER}
NATIONAL_READERS = frozenset({Role.HEAD_OFFICE, Role.FUNDER})
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pdf_unavailable(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/outputs/pdf_unavailable.html", status=503)


@staff_view(roles=REPORT_READERS)
def office_pdf(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    office = get_annual_report_for_user(request.user, slug, year).office
    from knutepunkt.reports.pdf import PdfUnavailable, office_report_pdf, typst_available

    if not typst_available():
        return _pdf_unavailable(request)
    try:
        content = office_report_pdf(build_office_report(office=office, year=year))
    except PdfUnavailable:
        return _pdf_unavailable(request)
    return _attachment(content, PDF, f"arsrapport-{year}-{office.slug}.pdf")


@staff_view(roles=REPORT_READERS)
def office_xlsx(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    office = get_annual_report_for_user(request.user, slug, year).office
    content = office_report_xlsx(build_office_report(office=office, year=year))
    return _attachment(content, XLSX, f"arsrapport-{year}-{office.slug}.xlsx")


@staff_view(roles=NATIONAL_READERS)
def national_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    check_year(year)
    user: Any = request.user
    report = build_national_report(year=year, approved_only=not user.is_head_office)
    return _attachment(national_report_xlsx(report), XLSX, f"arsrapport-{year}-nasjonal.xlsx")


@staff_view(roles=NATIONAL_READERS)
@require_http_methods(["GET", "POST"])
def national_pdf(request: HttpRequest, year: int) -> HttpResponse:
    """GET: earlier exports for the year and the "Generate" button; POST: queue one."""
    check_year(year)
    from knutepunkt.reports.pdf import typst_available

    available = typst_available()
    if request.method == "POST" and available:
        export = report_export_create(year=year, actor=request.user)
        return redirect("staff:reports:export_status", pk=export.pk)
    exports = ReportExport.objects.visible_to(request.user).filter(year=year)[:10]
    return render(
        request,
        "reports/outputs/national_pdf.html",
        {"year": year, "exports": exports, "available": available},
        status=200 if available else 503,
    )


def _status_data(export: ReportExport) -> dict[str, Any]:
    return {
        "id": export.pk,
        "status": export.status,
        "status_label": str(export.get_status_display()),
        "progress": export.progress,
        "done": export.status == ExportStatus.DONE,
        "failed": export.status == ExportStatus.FAILED,
    }


@staff_view(roles=NATIONAL_READERS)
def export_status(request: HttpRequest, pk: int) -> HttpResponse:
    export = get_export_for_user(request.user, pk)
    return render(
        request,
        "reports/outputs/export_status.html",
        {"export": export, "status": _status_data(export)},
    )


@staff_view(roles=NATIONAL_READERS)
def export_status_json(request: HttpRequest, pk: int) -> HttpResponse:
    return JsonResponse(_status_data(get_export_for_user(request.user, pk)))


@staff_view(roles=NATIONAL_READERS)
def export_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    export = get_export_for_user(request.user, pk)
    if export.status != ExportStatus.DONE or not export.file_path:
        raise Http404
    try:
        handle = export_open(export)  # FileResponse closes it
    except OSError as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"arsrapport-{export.year}-nasjonal.pdf",
        content_type=PDF,
    )
