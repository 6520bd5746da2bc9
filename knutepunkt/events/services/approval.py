"""Sign-ups that need approval: staff of the organiser approve or decline each one.

A sign-up awaiting approval (pending) holds a place, so approving never overfills the
event; declining frees the place, and the waiting list moves up as when someone cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log
from knutepunkt.events import emails
from knutepunkt.events.models import Event, Registration, RegistrationStatus
from knutepunkt.events.services.access import check_can_manage
from knutepunkt.events.services.registrations import fill_places
from knutepunkt.operations.outbox import outbox_discard

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

DECLINE_MESSAGE_MAX_LENGTH = 2000


def _lock_pending(registration: Registration) -> tuple[Event, Registration]:
    """The event and the sign-up, locked; a sign-up no longer pending is an error."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    current = Registration.objects.select_for_update().filter(pk=registration.pk).first()
    if current is None or current.status != RegistrationStatus.PENDING:
        raise ValidationError(_("This sign-up is no longer awaiting approval."), code="not_pending")
    return event, current


def registration_approve(*, registration: Registration, actor: User | None) -> Registration:
    """Approve a sign-up awaiting approval: the person has a confirmed place and gets the
    confirmation e-mail with the event for their calendar and the cancel link."""
    check_can_manage(actor, registration.event.office, registration.event.contact_point)
    with transaction.atomic():
        event, current = _lock_pending(registration)
        if event.is_cancelled:
            raise ValidationError(_("This event has been cancelled."), code="cancelled")
        if event.ends_at <= timezone.now():
            raise ValidationError(_("This event is over."), code="past")
        current.status = RegistrationStatus.CONFIRMED
        current.save(update_fields=["status"])
        audit_log(actor=actor, action="events.registration.approved", target=current)
        emails.send_registration_approved(current.pk)
    registration.status = current.status
    return current


def registration_decline(
    *, registration: Registration, actor: User | None, message: str = ""
) -> None:
    """Decline a sign-up awaiting approval. The person gets a kind e-mail (with the
    organiser's optional ``message``; no reason is required), then the sign-up is deleted
    like a cancelled one (the event only counts it) and the freed place goes to the
    longest-waiting person.

    The message is personal to the person: it goes into the e-mail only, never into the
    audit log or the database.
    """
    check_can_manage(actor, registration.event.office, registration.event.contact_point)
    message = message.strip()
    if len(message) > DECLINE_MESSAGE_MAX_LENGTH:
        raise ValidationError({"message": _("The message is too long.")}, code="too_long")
    with transaction.atomic():
        event, current = _lock_pending(registration)
        audit_log(
            actor=actor,
            action="events.registration.declined",
            target=current,
            data={"with_message": bool(message)},
            office=event.office,
        )
        # Written to the outbox now, with what the e-mail needs: the row is gone when it
        # is sent. Its unsent "request received" e-mail is dropped with it.
        emails.send_registration_declined(
            event_id=event.pk,
            name=current.name,
            email=current.email,
            language=current.language,
            message=message,
        )
        outbox_discard(f"events.registration:{current.pk}")
        current.delete()
        Event.objects.filter(pk=event.pk).update(declined_count=F("declined_count") + 1)
        event.declined_count += 1
        fill_places(event, actor=actor)
