"""The dated sessions of an event that runs over several days.

An event has no session rows (its own start and end are its one session) or two or
more; then the event's start and end span them. ``event_create`` and ``event_update``
take the whole list and call :func:`store_sessions` inside their transaction.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from knutepunkt.events.models import Event, EventSession

MAX_SESSIONS = 10


@dataclass(frozen=True)
class SessionInput:
    """One session as staff enter it; ``pk`` names a stored session to keep (its
    attendance stays), ``None`` a new one."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue_note: str = ""
    pk: int | None = None


def clean_sessions(sessions: Sequence[SessionInput]) -> list[SessionInput]:
    """The sessions in time order; each ends after it starts, none overlaps the next,
    at most ``MAX_SESSIONS``."""
    if not sessions:
        raise ValidationError({"sessions": _("An event needs at least one session.")})
    if len(sessions) > MAX_SESSIONS:
        raise ValidationError(
            {"sessions": _("An event can have at most %(max)d sessions.") % {"max": MAX_SESSIONS}}
        )
    ordered = sorted(sessions, key=lambda s: s.starts_at)
    for session in ordered:
        if session.ends_at < session.starts_at:
            raise ValidationError({"sessions": _("A session cannot end before it starts.")})
        if len(session.venue_note) > 200:
            raise ValidationError({"sessions": _("A venue note is too long.")})
    for earlier, later in itertools.pairwise(ordered):
        if later.starts_at < earlier.ends_at:
            raise ValidationError({"sessions": _("Two sessions overlap.")})
    return ordered


def session_span(sessions: Sequence[SessionInput]) -> tuple[datetime.datetime, datetime.datetime]:
    """The start of the first session and the end of the last."""
    return min(s.starts_at for s in sessions), max(s.ends_at for s in sessions)


def store_sessions(event: Event, sessions: Sequence[SessionInput]) -> list[EventSession]:
    """Make the event's session rows match ``sessions`` (already cleaned): kept ones are
    updated in place, so their attendance stays; removed ones go with their attendance.
    One session means no rows at all. Call inside the service's transaction."""
    existing = {session.pk: session for session in event.sessions.all()}
    unknown = {s.pk for s in sessions if s.pk is not None} - set(existing)
    if unknown:
        raise ValidationError({"sessions": _("Unknown session.")}, code="unknown_session")
    if len(sessions) <= 1:
        event.sessions.all().delete()
        return []
    keep = {s.pk for s in sessions if s.pk is not None}
    event.sessions.exclude(pk__in=keep).delete()
    stored: list[EventSession] = []
    for data in sessions:
        row = existing.get(data.pk) if data.pk is not None else None
        if row is None:
            row = EventSession(event=event)
        row.starts_at, row.ends_at, row.venue_note = data.starts_at, data.ends_at, data.venue_note
        row.full_clean(exclude=["event"])
        row.save()
        stored.append(row)
    return stored
