"""Every write to events and registrations goes through these functions.

Views, the admin and management commands call them; none of them saves a model itself.
"""

from .access import check_can_manage, check_office_organiser
from .attendance import AttendanceResult, event_record_attendance
from .events import EVENT_EDITABLE_FIELDS, event_cancel, event_create, event_update
from .messaging import MessageRecipients, event_message_send
from .questions import event_question_create, event_question_delete
from .registrations import (
    answer_field_name,
    clean_answers,
    fill_places,
    registration_cancel,
    registration_confirm,
    registration_create,
    registration_purge_for_past_events,
)

__all__ = [
    "EVENT_EDITABLE_FIELDS",
    "AttendanceResult",
    "MessageRecipients",
    "answer_field_name",
    "check_can_manage",
    "check_office_organiser",
    "clean_answers",
    "event_cancel",
    "event_create",
    "event_message_send",
    "event_question_create",
    "event_question_delete",
    "event_record_attendance",
    "event_update",
    "fill_places",
    "registration_cancel",
    "registration_confirm",
    "registration_create",
    "registration_purge_for_past_events",
]
