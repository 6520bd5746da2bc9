"""Every write to events and registrations goes through these functions.

Views, the admin and management commands call them; none of them saves a model itself.
"""

from knutepunkt.events.services.access import check_can_manage, check_office_organiser
from knutepunkt.events.services.approval import registration_approve, registration_decline
from knutepunkt.events.services.attendance import AttendanceRecorded, event_set_attendance
from knutepunkt.events.services.events import (
    EVENT_EDITABLE_FIELDS,
    event_cancel,
    event_create,
    event_update,
)
from knutepunkt.events.services.messaging import MessageRecipients, event_message_send
from knutepunkt.events.services.questions import event_question_create, event_question_delete
from knutepunkt.events.services.registrations import (
    answer_field_name,
    clean_answers,
    fill_places,
    registration_cancel,
    registration_confirm,
    registration_create,
    registration_erase,
    registration_purge_for_past_events,
)
from knutepunkt.events.services.sessions import MAX_SESSIONS, SessionInput

__all__ = [
    "EVENT_EDITABLE_FIELDS",
    "MAX_SESSIONS",
    "AttendanceRecorded",
    "MessageRecipients",
    "SessionInput",
    "answer_field_name",
    "check_can_manage",
    "check_office_organiser",
    "clean_answers",
    "event_cancel",
    "event_create",
    "event_message_send",
    "event_question_create",
    "event_question_delete",
    "event_set_attendance",
    "event_update",
    "fill_places",
    "registration_approve",
    "registration_cancel",
    "registration_confirm",
    "registration_create",
    "registration_decline",
    "registration_erase",
    "registration_purge_for_past_events",
]
