"""Staff pages of the events app: the organiser's side of events and sign-ups."""

from knutepunkt.staff.events.views.attendance import event_attendance
from knutepunkt.staff.events.views.events import event_create, event_detail, event_edit, event_list
from knutepunkt.staff.events.views.signups import (
    event_export_csv,
    event_export_xlsx,
    event_message,
    question_add,
    question_delete,
    registration_approve,
    registration_cancel,
    registration_confirm,
    registration_decline,
)

__all__ = [
    "event_attendance",
    "event_create",
    "event_detail",
    "event_edit",
    "event_export_csv",
    "event_export_xlsx",
    "event_list",
    "event_message",
    "question_add",
    "question_delete",
    "registration_approve",
    "registration_cancel",
    "registration_confirm",
    "registration_decline",
]
