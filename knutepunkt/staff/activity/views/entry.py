"""Fast entry of an activity, and its edit and delete pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from knutepunkt.activity import services
from knutepunkt.activity.access import get_activity_for_user
from knutepunkt.network.access import get_office_for_user
from knutepunkt.network.models import DistrictOffice
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.activity.forms import (
    ActivityForm,
    ChooseOfficeForm,
    QuickInquiryForm,
    initial_for_new,
    kind_profiles,
)
from knutepunkt.web.forms import add_service_errors


def _office_for_entry(request: HttpRequest) -> DistrictOffice | None:
    """Office staff log for their office; head office names one in ``?office=``."""
    user: Any = request.user
    if not user.is_head_office:
        return user.office
    value = request.GET.get("office", "")
    if not value.isdigit():
        return None
    try:
        return get_office_for_user(user, int(value))
    except Http404:
        return None


def _choose_office(request: HttpRequest) -> HttpResponse:
    """Head office logs for an office: which one (``?office=``) comes first."""
    form = ChooseOfficeForm(request.GET if "office" in request.GET else None)
    return render(request, "activity/staff/choose_office.html", {"form": form})


@staff_view(roles=OFFICE_ROLES)
def activity_create(request: HttpRequest) -> HttpResponse:
    """Log an activity in well under a minute; "save and add another" keeps date and type."""
    user: Any = request.user
    office = _office_for_entry(request)
    if office is None:
        return _choose_office(request)
    if request.method == "POST":
        form = ActivityForm(request.POST, user=user, office=office)
        if form.is_valid():
            try:
                activity = services.activity_create(
                    actor=user,
                    office=office,
                    new_partners=form.new_partner_pairs(),
                    **form.service_kwargs(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, _("Activity “%(title)s” saved.") % {"title": activity.title}
                )
                if "save_another" in request.POST:
                    params = {"date": activity.date.isoformat(), "kind": activity.kind}
                    if user.is_head_office:
                        params["office"] = str(office.pk)
                    return HttpResponseRedirect(
                        f"{reverse('staff:activity:activity_create')}?{urlencode(params)}"
                    )
                return redirect("staff:activity:activity_list")
    else:
        form = ActivityForm(initial=initial_for_new(request.GET), user=user, office=office)
    action = request.path
    if user.is_head_office:
        action = f"{action}?{urlencode({'office': office.pk})}"
    return render(
        request,
        "activity/staff/form.html",
        {
            "form": form,
            "office": office,
            "action": action,
            "activity": None,
            "kind_profiles": kind_profiles(),
        },
    )


@staff_view(roles=OFFICE_ROLES)
def activity_inquiry_create(request: HttpRequest) -> HttpResponse:
    """Log direct inquiries fast: date (today), channel, number of people. The list page
    shows this form to office staff; head office names the office in ``?office=``."""
    user: Any = request.user
    office = _office_for_entry(request)
    if office is None:
        return _choose_office(request)
    form = QuickInquiryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(actor=user, office=office, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Logged: %(title)s, %(count)d.")
                % {"title": activity.title, "count": activity.participants or 1},
            )
            return redirect("staff:activity:activity_list")
    action = request.path
    if user.is_head_office:
        action = f"{action}?{urlencode({'office': office.pk})}"
    return render(
        request,
        "activity/staff/inquiry_form.html",
        {"inquiry_form": form, "form": form, "office": office, "action": action},
    )


@staff_view(roles=OFFICE_ROLES)
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    activity = get_activity_for_user(user, pk)
    if request.method == "POST":
        form = ActivityForm(request.POST, user=user, office=activity.office)
        if form.is_valid():
            try:
                services.activity_update(
                    actor=user,
                    activity=activity,
                    data=form.service_kwargs(),
                    new_partners=form.new_partner_pairs(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, _("Activity “%(title)s” saved.") % {"title": activity.title}
                )
                return redirect("staff:activity:activity_list")
    else:
        form = ActivityForm(
            initial={
                "date": activity.date,
                "end_date": activity.end_date,
                "kind": activity.kind,
                "title": activity.title,
                "municipality": activity.municipality,
                "participants": activity.participants,
                "people_reached": activity.people_reached,
                "channel": activity.channel,
                "partners": list(activity.partners.all()),
                "office_tasks": list(activity.office_tasks.all()),
                "plan_goals": list(activity.plan_goals.all()),
                "notes": activity.notes,
                "event": activity.event_id,
                "contact_point": activity.contact_point_id,
                "url": activity.url,
            },
            user=user,
            office=activity.office,
        )
    return render(
        request,
        "activity/staff/form.html",
        {
            "form": form,
            "office": activity.office,
            "action": request.path,
            "activity": activity,
            "kind_profiles": kind_profiles(),
        },
    )


@staff_view(roles=OFFICE_ROLES)
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirm page (GET) and the deletion itself (POST)."""
    activity = get_activity_for_user(request.user, pk)
    if request.method == "POST":
        title = activity.title
        try:
            services.activity_delete(actor=request.user, activity=activity)  # type: ignore[arg-type]
        except ValidationError as exc:
            # E.g. the year is closed: say why, and keep the activity.
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Activity “%(title)s” deleted.") % {"title": title})
        return redirect("staff:activity:activity_list")
    return render(request, "activity/staff/confirm_delete.html", {"activity": activity})
