"""Annual reports in the staff workspace: the office's report with its workflow, and the
national compilation. The funder reads approved reports and the compilation only."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knutepunkt.accounts.models import Role
from knutepunkt.reports.access import get_annual_report_for_user
from knutepunkt.reports.builder import (
    build_national_report,
    build_office_report,
    with_coverage,
    with_today_map,
)
from knutepunkt.reports.maps import map_context
from knutepunkt.reports.models import NationalReport, ReportDeadline, ReportStatus
from knutepunkt.reports.selectors import check_year, report_overview, report_years
from knutepunkt.reports.services import (
    annual_report_approve,
    annual_report_get_or_create,
    annual_report_reopen,
    annual_report_submit,
    annual_report_update,
    national_report_update,
)
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.reports.forms import IntroductionForm, NarrativeForm, ReopenForm
from knutepunkt.web.forms import add_service_errors

REPORT_READERS = OFFICE_ROLES | {Role.FUNDER}
NATIONAL_READERS = frozenset({Role.HEAD_OFFICE, Role.FUNDER})


# The by-municipality table as in the report's year (the default) or on today's map:
# ?kommuner=i-dag. A plain GET parameter, so the switch is two links that work without JS.
PLACES_PARAM = "kommuner"
PLACES_TODAY = "i-dag"
PLACES_THEN = "som-den-gang"


def _places_view(request: HttpRequest) -> dict[str, Any]:
    """What the report templates need for the by-municipality switch."""
    chosen = request.GET.get(PLACES_PARAM, "")
    return {
        "today_map": chosen == PLACES_TODAY,
        # Open the table when the reader has just chosen a view.
        "places_chosen": chosen in (PLACES_TODAY, PLACES_THEN),
        "places_then_query": f"?{PLACES_PARAM}={PLACES_THEN}",
        "places_today_query": f"?{PLACES_PARAM}={PLACES_TODAY}",
    }


def _detail_url(slug: str, year: int) -> str:
    return reverse("staff:reports:report_detail", kwargs={"year": year, "slug": slug})


@staff_view(roles=REPORT_READERS)
def report_list(request: HttpRequest) -> HttpResponse:
    """The reports per year and office the user may open, with their status."""
    user: Any = request.user
    try:
        year = check_year(int(request.GET.get("year", "")))
    except (ValueError, TypeError):
        year = timezone.localdate().year - 1
    return render(
        request,
        "reports/staff/report_list.html",
        {
            "year": year,
            "years": report_years(),
            "rows": report_overview(user, year),
            "deadline": ReportDeadline.objects.filter(year=year).first(),
        },
    )


@staff_view(roles=REPORT_READERS)
def report_detail(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    """One office's annual report: figures, computed and written sections, workflow."""
    user: Any = request.user
    access = get_annual_report_for_user(user, slug, year)
    office, stored = access.office, access.stored
    report = with_coverage([build_office_report(office=office, year=year)])[0]
    places = _places_view(request)
    if places["today_map"]:
        report = with_today_map([report])[0]
    status = stored.status if stored else ReportStatus.DRAFT
    is_office = user.is_head_office or user.is_office_staff
    return render(
        request,
        "reports/staff/report_detail.html",
        {
            **places,
            "report": report,
            "coverage_map": map_context(
                report.coverage,
                label=_("Coverage map of %(office)s") % {"office": report.office_name},
            ),
            "stored": stored,
            "can_edit": is_office and status == ReportStatus.DRAFT,
            "can_submit": is_office and stored is not None and status == ReportStatus.DRAFT,
            "can_approve": user.is_head_office and status == ReportStatus.SUBMITTED,
            "can_reopen": user.is_head_office and status != ReportStatus.DRAFT,
            "reopen_form": ReopenForm(),
        },
    )


@staff_view(roles=OFFICE_ROLES)
def report_edit(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    """The office writes its narrative sections (a draft until submitted)."""
    user: Any = request.user
    access = get_annual_report_for_user(user, slug, year)
    office, stored = access.office, access.stored
    if stored is not None and stored.status != ReportStatus.DRAFT:
        messages.error(request, _("Only a draft can be edited. Head office can reopen it."))
        return HttpResponseRedirect(_detail_url(slug, year))
    form = NarrativeForm(request.POST or None, instance=stored)
    if request.method == "POST" and form.is_valid():
        report = stored or annual_report_get_or_create(office=office, year=year, actor=user)
        try:
            annual_report_update(report=report, actor=user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The report was saved."))
            return HttpResponseRedirect(_detail_url(slug, year))
    return render(
        request,
        "reports/staff/report_edit.html",
        {"form": form, "office": office, "year": year, "stored": stored},
    )


def _workflow_step(request: HttpRequest, year: int, slug: str, step: Any, done: str) -> Any:
    user: Any = request.user
    access = get_annual_report_for_user(user, slug, year)
    office, stored = access.office, access.stored
    if stored is None:
        stored = annual_report_get_or_create(office=office, year=year, actor=user)
    try:
        step(stored, user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return HttpResponseRedirect(_detail_url(slug, year))


@staff_view(roles=OFFICE_ROLES)
@require_POST
def report_submit(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    return _workflow_step(
        request,
        year,
        slug,
        lambda report, user: annual_report_submit(report=report, actor=user),
        _("The report was submitted to head office."),
    )


@staff_view(roles=[Role.HEAD_OFFICE])
@require_POST
def report_approve(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    return _workflow_step(
        request,
        year,
        slug,
        lambda report, user: annual_report_approve(report=report, actor=user),
        _("The report was approved and locked."),
    )


@staff_view(roles=[Role.HEAD_OFFICE])
def report_reopen(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    """Head office sends a report back to draft; the reason is required."""
    user: Any = request.user
    access = get_annual_report_for_user(user, slug, year)
    office, stored = access.office, access.stored
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and stored is not None:
        try:
            annual_report_reopen(report=stored, reason=form.cleaned_data["reason"], actor=user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The report was reopened as a draft."))
            return HttpResponseRedirect(_detail_url(slug, year))
    return render(
        request,
        "reports/staff/report_reopen.html",
        {"form": form, "office": office, "year": year, "stored": stored},
    )


@staff_view(roles=NATIONAL_READERS)
def national(request: HttpRequest, year: int) -> HttpResponse:
    """The national compilation. The funder sees only approved chapters."""
    user: Any = request.user
    check_year(year)
    report = build_national_report(year=year, approved_only=not user.is_head_office)
    places = _places_view(request)
    if places["today_map"] and report.chapters:
        report = replace(report, chapters=with_today_map(report.chapters))
    return render(request, "reports/staff/national.html", {**places, "national": report})


@staff_view(roles=[Role.HEAD_OFFICE])
def national_edit(request: HttpRequest, year: int) -> HttpResponse:
    """Head office writes the compilation's introduction."""
    check_year(year)
    instance = NationalReport.objects.filter(year=year).first()
    form = IntroductionForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        user: Any = request.user
        national_report_update(
            year=year, introduction=form.cleaned_data["introduction"], actor=user
        )
        messages.success(request, _("The introduction was saved."))
        return HttpResponseRedirect(reverse("staff:reports:national", kwargs={"year": year}))
    return render(request, "reports/staff/national_edit.html", {"form": form, "year": year})
