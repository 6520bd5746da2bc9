"""Recording who came, after the event."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from knutepunkt.events.access import get_event_for_user
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.events.forms import AttendanceForm
from knutepunkt.web.forms import add_service_errors
from knutepunkt.workflows.attendance import event_record_attendance


@staff_view(roles=OFFICE_ROLES)
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """The number who came, and optionally who; the office's activity follows from it."""
    event = get_event_for_user(request.user, pk)
    registrations = list(event.registrations.active().order_by("status", "created_at", "id"))
    initial = {
        "attended_count": event.attended_count,
        "attended": [r.pk for r in registrations if r.attended],
    }
    form = AttendanceForm(request.POST or None, registrations=registrations, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result = event_record_attendance(
                event=event,
                attended_count=form.cleaned_data["attended_count"],
                attended_registration_ids=form.cleaned_data["attended"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            text = _("Attendance was recorded, and the activity log is up to date.")
            if result.starters:
                text += " " + _("Starters registered or updated: %(count)d.") % {
                    "count": len(result.starters)
                }
            messages.success(request, text)
            return redirect("staff:events:event_detail", pk=event.pk)
    return render(
        request,
        "events/staff/event_attendance.html",
        {"event": event, "form": form, "has_registrations": bool(registrations)},
    )
