"""E-mails to a person who registered interest, in the language they registered in.

Messages that go out after the contact data is deleted (placed, expired) get the address
passed in, captured in memory before the row was scrubbed: it is never read back from the
database and never logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from knutepunkt.interests.models import Interest, InterestStatus
from knutepunkt.interests.tokens import status_token
from knutepunkt.operations.outbox import outbox_queue


@dataclass(frozen=True)
class Farewell:
    """What a last message needs, captured before the contact data is deleted."""

    address: str
    language: str
    topic_id: int | None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


def status_url(interest: Interest) -> str:
    with translation.override(interest.language):
        path = reverse("interests:status", kwargs={"token": status_token(interest)})
    return f"{settings.SITE_URL}{path}"


def _waiting_with_email(interest_id: int) -> Interest | None:
    interest = Interest.objects.select_related("municipality").filter(pk=interest_id).first()
    if interest is None or interest.status != InterestStatus.WAITING or not interest.email:
        return None
    return interest


def send_registered(interest_id: int) -> None:
    """Confirmation with the signed status link (change, keep waiting, withdraw)."""
    interest = _waiting_with_email(interest_id)
    if interest is None:
        return
    with translation.override(interest.language):
        body = render_to_string(
            "interests/emails/registered.txt",
            {"interest": interest, "status_url": status_url(interest)},
        )
        outbox_queue(
            EmailMessage(_("We have registered your interest"), body, None, [interest.email]),
            kind="interests.registered",
            ref=f"interests.interest:{interest.pk}",
        )


def send_reminder(interest_id: int, days_left: int) -> None:
    """Before the retention period ends: keep waiting, or the data will be deleted."""
    interest = _waiting_with_email(interest_id)
    if interest is None:
        return
    with translation.override(interest.language):
        body = render_to_string(
            "interests/emails/reminder.txt",
            {"interest": interest, "status_url": status_url(interest), "days_left": days_left},
        )
        outbox_queue(
            EmailMessage(_("Do you still want a self-help group?"), body, None, [interest.email]),
            kind="interests.reminder",
            ref=f"interests.interest:{interest.pk}",
        )


def _topic_name(topic_id: int | None) -> str:
    from knutepunkt.groups.models import Topic

    topic = Topic.objects.filter(pk=topic_id).first() if topic_id is not None else None
    return topic.name if topic else ""


def send_placed(farewell: Farewell) -> None:
    """A group is starting: whom to contact. The address was captured before deletion."""
    with translation.override(farewell.language):
        body = render_to_string(
            "interests/emails/placed.txt",
            {"farewell": farewell, "topic": _topic_name(farewell.topic_id)},
        )
        outbox_queue(
            EmailMessage(_("A self-help group is starting"), body, None, [farewell.address]),
            kind="interests.placed",
        )


def send_expired(farewell: Farewell) -> None:
    """The waiting time ran out; the contact data is gone, a new registration is welcome."""
    with translation.override(farewell.language):
        body = render_to_string(
            "interests/emails/expired.txt",
            {
                "farewell": farewell,
                "topic": _topic_name(farewell.topic_id),
                "register_url": f"{settings.SITE_URL}{reverse('interests:register')}",
            },
        )
        outbox_queue(
            EmailMessage(_("Your interest has been deleted"), body, None, [farewell.address]),
            kind="interests.expired",
        )
