"""Recording who came, after the event."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.events.access import get_event_for_user
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.events.forms import AttendanceForm, session_field_name
from knutepunkt.web.forms import add_service_errors
from knutepunkt.workflows.attendance import event_record_attendance


def _session_grid(form: AttendanceForm, registrations: list[Any]) -> list[dict[str, Any]]:
    """One row per person, one checkbox per session (for an event with several)."""
    now = timezone.now()
    if form.is_bound:
        ticked = {
            session.pk: {str(v) for v in form.data.getlist(session_field_name(session))}  # type: ignore[attr-defined]
            for session in form.sessions
        }
    else:
        ticked = {
            session.pk: {str(pk) for pk in form.initial.get(session_field_name(session), [])}
            for session in form.sessions
        }
    return [
        {
            "registration": registration,
            "cells": [
                {
                    "name": session_field_name(session),
                    "id": f"attended-{session.pk}-{registration.pk}",
                    "session": session,
                    "number": number,
                    "checked": str(registration.pk) in ticked[session.pk],
                    "disabled": session.starts_at > now,
                }
                for number, session in enumerate(form.sessions, start=1)
            ],
        }
        for registration in registrations
    ]


@staff_view(roles=OFFICE_ROLES)
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """The number who came, and optionally who (per session, for an event with several);
    the office's activity follows from it."""
    event = get_event_for_user(request.user, pk)
    registrations = list(
        event.registrations.active()
        .prefetch_related("attended_sessions")
        .order_by("status", "created_at", "id")
    )
    sessions = event.session_list()
    initial: dict[str, Any] = {
        "attended_count": event.attended_count,
        "attended": [r.pk for r in registrations if r.attended],
    }
    for session in sessions:
        if session.pk is not None:
            initial[session_field_name(session)] = [
                r.pk for r in registrations if session in r.attended_sessions.all()
            ]
    form = AttendanceForm(
        request.POST or None, registrations=registrations, sessions=sessions, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = event_record_attendance(
                event=event,
                attended_count=form.cleaned_data["attended_count"],
                attended_registration_ids=form.cleaned_data.get("attended") or [],
                session_attendance=form.session_attendance(),
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
        {
            "event": event,
            "form": form,
            "has_registrations": bool(registrations),
            "sessions": form.sessions,
            "grid": _session_grid(form, registrations) if form.sessions else [],
        },
    )
