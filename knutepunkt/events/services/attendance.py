"""After the event: who came. The office's activity log and, for a starter training,
the starter register follow from it, so nothing is typed twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log

from ..models import Event, EventKind, QuestionKind, Registration
from .access import check_office_organiser

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.activity.models import Activity
    from knutepunkt.starters.models import Starter


@dataclass
class AttendanceResult:
    event: Event
    activity: Activity
    starters: list[Starter] = field(default_factory=list)


def _consented(registration: Registration, consent_keys: set[str]) -> bool:
    return any(registration.answers.get(key) is True for key in consent_keys)


def event_record_attendance(
    *,
    event: Event,
    attended_count: int,
    attended_registration_ids: Iterable[int] = (),
    actor: User | None,
) -> AttendanceResult:
    """Record how many came (and optionally which sign-ups), then create or update the
    office's activity for the event. For a starter training, attendees who consented at
    sign-up become (or are updated as) starters of the office. Recording again updates
    the same activity and starters; it never duplicates them.
    """
    from knutepunkt.activity.services import activity_upsert_for_event
    from knutepunkt.starters.services import starter_record_training

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
        activity = activity_upsert_for_event(actor=actor, event=locked)
        starters: list[Starter] = []
        if locked.kind == EventKind.STARTER_TRAINING:
            consent_keys = {
                str(pk)
                for pk in locked.questions.filter(kind=QuestionKind.STARTER_CONSENT).values_list(
                    "pk", flat=True
                )
            }
            for registration in registrations:
                if registration.attended and _consented(registration, consent_keys):
                    starters.append(
                        starter_record_training(
                            actor=actor,
                            event=locked,
                            name=registration.name,
                            email=registration.email,
                            phone=registration.phone,
                            consent_given_at=registration.created_at,
                        )
                    )
        audit_log(
            actor=actor,
            action="events.event.attendance_recorded",
            target=locked,
            data={
                "attended_count": attended_count,
                "registrations_ticked": len(ids),
                "activity": activity.pk,
                "starters": len(starters),
            },
        )
    event.attended_count = attended_count
    return AttendanceResult(event=locked, activity=activity, starters=starters)
