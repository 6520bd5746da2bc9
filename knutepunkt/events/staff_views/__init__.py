"""Staff pages of the events app: the organiser's side of events and sign-ups."""

from .attendance import event_attendance
from .events import event_create, event_detail, event_edit, event_list
from .signups import (
    event_export_csv,
    event_export_xlsx,
    event_message,
    question_add,
    question_delete,
    registration_cancel,
    registration_confirm,
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
    "registration_cancel",
    "registration_confirm",
]
