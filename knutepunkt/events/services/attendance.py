"""After the event: who came. The events side of it; the office's activity log and the
starter register follow through :mod:`knutepunkt.workflows.attendance`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log
from knutepunkt.events.models import Event, EventKind, EventSession, QuestionKind, Registration
from knutepunkt.events.services.access import check_office_organiser

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


@dataclass
class AttendanceRecorded:
    """What the events domain knows after attendance is recorded: the event, and the
    attendees who agreed at sign-up to be registered as starters (starter trainings)."""

    event: Event
    consenting_attendees: list[Registration] = field(default_factory=list)


def _consented(registration: Registration, consent_keys: set[str]) -> bool:
    return any(registration.answers.get(key) is True for key in consent_keys)


def event_set_attendance(
    *,
    event: Event,
    attended_count: int,
    attended_registration_ids: Iterable[int] = (),
    session_attendance: Mapping[int, Iterable[int]] | None = None,
    actor: User | None,
) -> AttendanceRecorded:
    """Record how many came (and optionally which sign-ups). Only the event and its
    sign-ups change here; what follows in other domains (the office's activity, the
    starter register) is done by :mod:`knutepunkt.workflows.attendance`, which calls this
    inside its own transaction.

    For an event with several sessions, ``session_attendance`` maps each session's id to
    the sign-ups that came to it; a sign-up counts as attended (``Registration.attended``,
    and so as trained at a starter training) only when it came to every session.
    ``attended_count`` is the number of people who came to at least one. Without
    ``session_attendance``, the ticked sign-ups count as present at every session.
    """
    check_office_organiser(actor, event.office)
    ids = {int(pk) for pk in attended_registration_ids}
    per_session = (
        {int(key): {int(pk) for pk in value} for key, value in session_attendance.items()}
        if session_attendance is not None
        else None
    )
    if attended_count is None or attended_count < 0:
        raise ValidationError({"attended_count": _("The number cannot be negative.")})
    if event.is_cancelled:
        raise ValidationError(_("The event was cancelled."), code="cancelled")
    if event.starts_at > timezone.now():
        raise ValidationError(
            _("Attendance can be recorded once the event has started."), code="not_started"
        )
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        registrations = list(locked.registrations.active().select_for_update())
        known = {registration.pk for registration in registrations}
        sessions = list(locked.sessions.order_by("starts_at", "pk"))
        if sessions:
            per_session = _check_sessions(sessions, per_session, ids)
            ids = set.intersection(*per_session.values())
            ticked = set.union(*per_session.values())
        else:
            ticked = ids
        if ticked - known:
            raise ValidationError(_("Unknown sign-up."), code="unknown_registration")
        if len(ticked) > attended_count:
            raise ValidationError(
                {"attended_count": _("Fewer came than the sign-ups ticked as attended.")}
            )
        locked.attended_count = attended_count
        locked.save(update_fields=["attended_count"])
        for registration in registrations:
            attended = registration.pk in ids
            if registration.attended != attended:
                registration.attended = attended
                registration.save(update_fields=["attended"])
        if sessions and per_session is not None:
            _store_session_attendance(sessions, per_session)
        consenting: list[Registration] = []
        if locked.kind == EventKind.STARTER_TRAINING:
            consent_keys = {
                str(pk)
                for pk in locked.questions.filter(kind=QuestionKind.STARTER_CONSENT).values_list(
                    "pk", flat=True
                )
            }
            consenting = [
                registration
                for registration in registrations
                if registration.attended and _consented(registration, consent_keys)
            ]
        audit_log(
            actor=actor,
            action="events.event.attendance_recorded",
            target=locked,
            data={
                "attended_count": attended_count,
                "registrations_ticked": len(ticked),
                "sessions": max(len(sessions), 1),
            },
        )
    event.attended_count = attended_count
    return AttendanceRecorded(event=locked, consenting_attendees=consenting)


def _check_sessions(
    sessions: list[EventSession],
    per_session: dict[int, set[int]] | None,
    ids: set[int],
) -> dict[int, set[int]]:
    """Who came to each session: as given, or everyone ticked at every session. Only
    sessions that have started can have attendees."""
    if per_session is None:
        per_session = {session.pk: set(ids) for session in sessions}
    if set(per_session) - {session.pk for session in sessions}:
        raise ValidationError(_("Unknown session."), code="unknown_session")
    now = timezone.now()
    result: dict[int, set[int]] = {}
    for session in sessions:
        attendees = per_session.get(session.pk, set())
        if attendees and session.starts_at > now:
            raise ValidationError(
                _("Attendance for a session can be recorded once it has started."),
                code="session_not_started",
            )
        result[session.pk] = attendees
    return result


def _store_session_attendance(
    sessions: list[EventSession], per_session: dict[int, set[int]]
) -> None:
    through = Registration.attended_sessions.through
    through.objects.filter(eventsession__in=sessions).delete()
    through.objects.bulk_create(
        through(eventsession_id=session_pk, registration_id=registration_pk)
        for session_pk, registration_pks in per_session.items()
        for registration_pk in registration_pks
    )
