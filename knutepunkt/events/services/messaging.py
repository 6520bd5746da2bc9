"""Writing to the people signed up for an event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log
from knutepunkt.events import emails
from knutepunkt.events.models import Event, RegistrationStatus
from knutepunkt.events.services.access import check_can_manage

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


class MessageRecipients(models.TextChoices):
    CONFIRMED = "confirmed", _("Everyone with a place")
    WAITING = "waiting", _("Everyone on the waiting list")
    ALL = "all", _("Everyone signed up (places and waiting list)")


def event_message_send(
    *, event: Event, actor: User | None, subject: str, body: str, recipients: str
) -> int:
    """E-mail the chosen people, one message each (nobody sees another's address).

    The e-mails go after the transaction commits; the audit entry records the subject,
    the chosen set and the count, never addresses. Returns the number of recipients.
    """
    check_can_manage(actor, event.office, event.contact_point)
    subject = " ".join(subject.split())
    errors = {}
    if not subject:
        errors["subject"] = _("Write a subject.")
    if not body.strip():
        errors["body"] = _("Write a message.")
    if recipients not in MessageRecipients.values:
        errors["recipients"] = _("Choose who gets the message.")
    if errors:
        raise ValidationError(errors)
    registrations = event.registrations.active()
    if recipients == MessageRecipients.CONFIRMED:
        registrations = registrations.filter(status=RegistrationStatus.CONFIRMED)
    elif recipients == MessageRecipients.WAITING:
        registrations = registrations.filter(status=RegistrationStatus.WAITING)
    ids = list(registrations.values_list("pk", flat=True))
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="events.event.messaged",
            target=event,
            data={"subject": subject, "recipients": recipients, "count": len(ids)},
        )
        if ids:
            emails.send_organiser_message(ids, subject, body)
    return len(ids)
