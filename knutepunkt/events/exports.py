"""The organiser's list of sign-ups as CSV or XLSX, with the answers to the questions.
Personal data: only staff views of the event's organiser call this."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.events.models import (
    Event,
    EventQuestion,
    QuestionKind,
    Registration,
    RegistrationStatus,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet cannot run as a formula (CSV/formula injection)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def _answer(registration: Registration, question: EventQuestion) -> Any:
    value = registration.answers.get(question.key)
    if question.kind == QuestionKind.STARTER_CONSENT:
        return value is True
    return value


def _session_header(number: int, session: Any) -> str:
    start = timezone.localtime(session.starts_at).strftime("%d.%m.%Y")
    return _("Attended session %(number)d (%(date)s)") % {"number": number, "date": start}


def rows(event: Event) -> list[list[Any]]:
    """Header and one row per sign-up: places first, then those awaiting approval, then
    the waiting list in order (cancelled and declined sign-ups are deleted). An event
    with several sessions has a column per session for attendance."""
    questions = list(event.questions.all())
    sessions = list(event.sessions.order_by("starts_at", "pk"))
    header = [
        _("Name"),
        _("E-mail"),
        _("Phone"),
        _("Status"),
        _("Place on waiting list"),
        _("Signed up"),
        _("Attended"),
        *[_session_header(number, session) for number, session in enumerate(sessions, 1)],
        *[question.label for question in questions],
    ]
    order = {
        RegistrationStatus.CONFIRMED: 0,
        RegistrationStatus.PENDING: 1,
        RegistrationStatus.WAITING: 2,
    }
    registrations = sorted(
        event.registrations.prefetch_related("attended_sessions"),
        key=lambda r: (order.get(r.status, 3), r.created_at, r.pk),
    )
    result: list[list[Any]] = [header]
    position = 0
    for registration in registrations:
        waiting = registration.status == RegistrationStatus.WAITING
        position += 1 if waiting else 0
        result.append(
            [
                registration.name,
                registration.email,
                registration.phone,
                registration.get_status_display(),
                position if waiting else None,
                timezone.localtime(registration.created_at).strftime("%d.%m.%Y %H:%M"),
                registration.attended,
                *[session in registration.attended_sessions.all() for session in sessions],
                *[_answer(registration, question) for question in questions],
            ]
        )
    return [[safe_cell(value) for value in row] for row in result]


def _filename(event: Event, extension: str) -> str:
    return f"pameldinger-{event.slug}.{extension}"


def csv_response(event: Event) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(rows(event))
    # The BOM lets Excel read the Norwegian letters as UTF-8.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(event, "csv")}"'
    return response


def xlsx_response(event: Event) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Sign-ups")[:31])
    for row in rows(event):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(event, "xlsx")}"'
    return response
