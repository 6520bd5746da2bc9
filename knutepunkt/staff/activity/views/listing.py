"""The office's activity list with filters and totals, and its CSV / XLSX export."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from knutepunkt.activity import exports
from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.activity.selectors import activity_totals, filter_activities, with_display_relations
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.activity.forms import ActivityFilterForm, QuickInquiryForm

PER_PAGE = 50


class _CountedPaginator(Paginator):
    """A paginator told its count (from the totals query) instead of counting again."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


_ID_MARKER = 918273645


def _rows(activities: list[Activity]) -> list[dict[str, Any]]:
    """Display values computed once here, so the template loop stays lean."""
    kinds = {value: str(label) for value, label in ActivityKind.choices}
    # Reversed once with a marker id, then filled in per row (a reverse() per row is slow).
    edit_prefix, edit_suffix = reverse("staff:activity:activity_edit", args=[_ID_MARKER]).split(
        str(_ID_MARKER)
    )
    rows = []
    for activity in activities:
        date = date_format(activity.date, "SHORT_DATE_FORMAT")
        if activity.end_date and activity.end_date != activity.date:
            date = f"{date}–{date_format(activity.end_date, 'SHORT_DATE_FORMAT')}"
        rows.append(
            {
                "pk": activity.pk,
                "date": date,
                "kind": kinds.get(activity.kind, activity.kind),
                "title": activity.title,
                "municipality": activity.municipality.name if activity.municipality else "",
                "office": activity.office.name,
                "partners": ", ".join(p.name for p in activity.partners.all()),
                "participants": "" if activity.participants is None else activity.participants,
                "people_reached": (
                    "" if activity.people_reached is None else activity.people_reached
                ),
                "edit_url": f"{edit_prefix}{activity.pk}{edit_suffix}",
            }
        )
    return rows


def _query_without(request: HttpRequest, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


@staff_view(roles=OFFICE_ROLES)
def activity_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = ActivityFilterForm(request.GET, user=user)
    filters = form.filters()
    per_page = form.cleaned_data.get("per_page") or PER_PAGE
    queryset = filter_activities(user, filters)
    totals = activity_totals(queryset)
    paginator = _CountedPaginator(
        queryset.select_related("municipality", "office").prefetch_related("partners"),
        per_page,
        totals.count,
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "activity/staff/list.html",
        {
            "form": form,
            "filter_errors": form.error_texts(),
            "totals": totals,
            "page": page,
            "rows": _rows(list(page.object_list)),
            "show_office": user.is_head_office and filters.office is None,
            "page_query": _query_without(request, "page"),
            "export_query": _query_without(request, "page", "per_page", "format"),
            # Office staff log direct inquiries right here (head office picks an office
            # on the inquiry page first).
            "inquiry_form": None if user.is_head_office else QuickInquiryForm(),
        },
    )


@staff_view(roles=OFFICE_ROLES)
def activity_export(request: HttpRequest) -> HttpResponseBase:
    """The filtered list as CSV (``?format=csv``) or XLSX (``?format=xlsx``)."""
    user: Any = request.user
    form = ActivityFilterForm(request.GET, user=user)
    activities = with_display_relations(filter_activities(user, form.filters()))
    rows = activities.iterator(chunk_size=exports.CHUNK)
    filename = f"aktiviteter-{timezone.localdate():%Y-%m-%d}"
    if request.GET.get("format") == "xlsx":
        return exports.xlsx_response(rows, filename)
    return exports.csv_response(rows, filename)
