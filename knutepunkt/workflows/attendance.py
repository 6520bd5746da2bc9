"""Attendance after an event, across three domains, so nothing is typed twice.

Recording who came (events) creates or updates the office's activity for the event
(activity) and, for a starter training, registers the attendees who consented at sign-up
as starters of the office (starters). All three happen in one transaction: either the
whole record is saved or none of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction

from knutepunkt.activity.services import activity_upsert_for_event
from knutepunkt.events.models import Event
from knutepunkt.events.services import event_set_attendance
from knutepunkt.starters.services import starter_record_training

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.activity.models import Activity
    from knutepunkt.starters.models import Starter


@dataclass
class AttendanceResult:
    event: Event
    activity: Activity
    starters: list[Starter] = field(default_factory=list)


def event_record_attendance(
    *,
    event: Event,
    attended_count: int,
    attended_registration_ids: Iterable[int] = (),
    session_attendance: Mapping[int, Iterable[int]] | None = None,
    actor: User | None,
) -> AttendanceResult:
    """Record how many came (and optionally which sign-ups), then create or update the
    office's activity for the event and, for a starter training, the starters. Recording
    again updates the same activity and starters; it never duplicates them.

    For an event with several sessions, ``session_attendance`` says who came to each;
    at a starter training only those who came to every session become starters."""
    with transaction.atomic():
        recorded = event_set_attendance(
            event=event,
            attended_count=attended_count,
            attended_registration_ids=attended_registration_ids,
            session_attendance=session_attendance,
            actor=actor,
        )
        activity = activity_upsert_for_event(actor=actor, event=recorded.event)
        starters = [
            starter_record_training(
                actor=actor,
                event=recorded.event,
                name=registration.name,
                email=registration.email,
                phone=registration.phone,
                consent_given_at=registration.created_at,
            )
            for registration in recorded.consenting_attendees
        ]
    event.attended_count = attended_count
    return AttendanceResult(event=recorded.event, activity=activity, starters=starters)
