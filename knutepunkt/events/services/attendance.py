"""After the event: who came. The events side of it; the office's activity log and the
starter register follow through :mod:`knutepunkt.workflows.attendance`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log
from knutepunkt.events.models import Event, EventKind, QuestionKind, Registration
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
    actor: User | None,
) -> AttendanceRecorded:
    """Record how many came (and optionally which sign-ups). Only the event and its
    sign-ups change here; what follows in other domains (the office's activity, the
    starter register) is done by :mod:`knutepunkt.workflows.attendance`, which calls this
    inside its own transaction.
    """
    check_office_organiser(actor, event.office)
    ids = {int(pk) for pk in attended_registration_ids}
    if attended_count is None or attended_count < 0:
        raise ValidationError({"attended_count": _("The number cannot be negative.")})
    if event.is_cancelled:
        raise ValidationError(_("The event was cancelled."), code="cancelled")
    if event.starts_at > timezone.now():
        raise ValidationError(
            _("Attendance can be recorded once the event has started."), code="not_started"
        )
    if len(ids) > attended_count:
        raise ValidationError(
            {"attended_count": _("Fewer came than the sign-ups ticked as attended.")}
        )
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        registrations = list(locked.registrations.active().select_for_update())
        known = {registration.pk for registration in registrations}
        if ids - known:
            raise ValidationError(_("Unknown sign-up."), code="unknown_registration")
        locked.attended_count = attended_count
        locked.save(update_fields=["attended_count"])
        for registration in registrations:
            attended = registration.pk in ids
            if registration.attended != attended:
                registration.attended = attended
                registration.save(update_fields=["attended"])
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
            data={"attended_count": attended_count, "registrations_ticked": len(ids)},
        )
    event.attended_count = attended_count
    return AttendanceRecorded(event=locked, consenting_attendees=consenting)
