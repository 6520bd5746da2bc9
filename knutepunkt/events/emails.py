"""E-mails to people who signed up, in the language they signed up in.

Each function takes ids, not objects, and is called inside the transaction of the change
that causes it: the e-mail is written to the outbox in that transaction
(``knutepunkt.operations.outbox``) and the worker sends it after the commit.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from knutepunkt.events.calendar import event_calendar, event_filename
from knutepunkt.events.models import Event, Registration, RegistrationStatus
from knutepunkt.events.tokens import cancel_token
from knutepunkt.operations.outbox import outbox_queue


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def cancel_url(registration: Registration) -> str:
    with translation.override(registration.language):
        path = reverse("events:cancel", kwargs={"token": cancel_token(registration)})
    return absolute_url(path)


def event_url(event: Event, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("events:detail", kwargs={"slug": event.slug}))


def _ref(registration: Registration) -> str:
    return f"events.registration:{registration.pk}"


def _send(
    registration: Registration,
    subject: str,
    template: str,
    *,
    kind: str,
    with_calendar: bool = False,
    **context: object,
) -> None:
    url = event_url(registration.event, registration.language)
    context.update(registration=registration, event=registration.event, event_url=url)
    body = render_to_string(template, context)
    message = EmailMessage(subject, body, None, [registration.email])
    if with_calendar:
        message.attach(
            event_filename(registration.event),
            event_calendar(registration.event, url=url, language=registration.language),
            "text/calendar",
        )
    outbox_queue(message, kind=kind, ref=_ref(registration))


def send_registration_received(registration_id: int) -> None:
    """Confirmation, or the waiting-list notice, with the time, place and a cancel link."""
    registration = _load(registration_id)
    if registration is None:  # cancelled (deleted) before the e-mail went
        return
    with translation.override(registration.language):
        if registration.status == RegistrationStatus.CONFIRMED:
            subject = _("You are signed up: %(title)s") % {"title": registration.event.title}
        else:
            subject = _("You are on the waiting list: %(title)s") % {
                "title": registration.event.title
            }
        _send(
            registration,
            subject,
            "events/email/registered.txt",
            kind="events.registration_received",
            # A confirmed place comes with the event for the person's calendar.
            with_calendar=registration.status == RegistrationStatus.CONFIRMED,
            cancel_url=cancel_url(registration),
            confirmed=registration.status == RegistrationStatus.CONFIRMED,
        )


def send_promoted(registration_id: int) -> None:
    """A place became free and the person moved up from the waiting list."""
    registration = _load(registration_id)
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return
    with translation.override(registration.language):
        subject = _("You have a place: %(title)s") % {"title": registration.event.title}
        _send(
            registration,
            subject,
            "events/email/promoted.txt",
            kind="events.registration_promoted",
            with_calendar=True,
            cancel_url=cancel_url(registration),
        )


def send_event_cancelled(registration_ids: list[int]) -> None:
    """Tell everyone who was signed up that the event will not take place."""
    for registration in Registration.objects.filter(pk__in=registration_ids).select_related(
        "event__municipality"
    ):
        with translation.override(registration.language):
            subject = _("Cancelled: %(title)s") % {"title": registration.event.title}
            _send(
                registration,
                subject,
                "events/email/event_cancelled.txt",
                kind="events.event_cancelled",
            )


def send_organiser_message(registration_ids: list[int], subject: str, body: str) -> None:
    """The organiser's message: one e-mail per person, so nobody sees another's address.
    Replies go to the organising office."""
    registrations = Registration.objects.filter(pk__in=registration_ids).select_related(
        "event__office"
    )
    for registration in registrations:
        with translation.override(registration.language):
            text = render_to_string(
                "events/email/organiser_message.txt",
                {
                    "body": body,
                    "event": registration.event,
                    "event_url": event_url(registration.event, registration.language),
                    "cancel_url": cancel_url(registration),
                },
            )
        reply_to = [registration.event.office.email] if registration.event.office.email else []
        outbox_queue(
            EmailMessage(subject, text, None, [registration.email], reply_to=reply_to),
            kind="events.organiser_message",
            ref=_ref(registration),
        )


def _load(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("event__municipality", "event__office")
        .filter(pk=registration_id)
        .first()
    )
