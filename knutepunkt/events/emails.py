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
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    if registration.status == RegistrationStatus.PENDING:
        send_request_received(registration)
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


def _send_if(
    registration_id: int,
    status: str,
    subject: Promise,
    template: str,
    *,
    kind: str,
    with_calendar: bool = False,
) -> None:
    """A change of status to tell the person about, with the cancel link; nothing when the
    sign-up is gone or has changed again before the e-mail was written."""
    registration = _load(registration_id)
    if registration is None or registration.status != status:
        return
    with translation.override(registration.language):
        _send(
            registration,
            str(subject) % {"title": registration.event.title},
            template,
            kind=kind,
            with_calendar=with_calendar,
            cancel_url=cancel_url(registration),
        )


def send_promoted(registration_id: int) -> None:
    """A place became free and the person moved up from the waiting list."""
    _send_if(
        registration_id,
        RegistrationStatus.CONFIRMED,
        gettext_lazy("You have a place: %(title)s"),
        "events/email/promoted.txt",
        kind="events.registration_promoted",
        with_calendar=True,
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
        outbox_queue(
            EmailMessage(
                subject, text, None, [registration.email], reply_to=_reply_to(registration.event)
            ),
            kind="events.organiser_message",
            ref=_ref(registration),
        )


def send_request_received(registration: Registration) -> None:
    """A sign-up that needs approval: the request is received and holds a place, but it
    is not confirmed yet (no calendar file until it is)."""
    with translation.override(registration.language):
        subject = _("We received your request: %(title)s") % {"title": registration.event.title}
        _send(
            registration,
            subject,
            "events/email/request_received.txt",
            kind="events.request_received",
            cancel_url=cancel_url(registration),
        )


def send_moved_to_pending(registration_id: int) -> None:
    """A place became free at an event whose sign-ups need approval: the person moved up
    from the waiting list and their request now waits for the organiser."""
    _send_if(
        registration_id,
        RegistrationStatus.PENDING,
        gettext_lazy("Your request is being considered: %(title)s"),
        "events/email/moved_to_pending.txt",
        kind="events.moved_to_pending",
    )


def send_registration_approved(registration_id: int) -> None:
    """The organiser approved the sign-up: the place is confirmed, with the event for the
    person's calendar and the cancel link (as the confirmation of an ordinary sign-up)."""
    _send_if(
        registration_id,
        RegistrationStatus.CONFIRMED,
        gettext_lazy("Your place is confirmed: %(title)s"),
        "events/email/approved.txt",
        kind="events.registration_approved",
        with_calendar=True,
    )


def send_registration_declined(
    *, event_id: int, name: str, email: str, language: str, message: str = ""
) -> None:
    """The organiser could not offer a place. The sign-up is deleted by now, so the
    person's name, address and language come as values; the organiser's optional
    message is included as written."""
    event = Event.objects.select_related("municipality", "office").filter(pk=event_id).first()
    if event is None:
        return
    with translation.override(language):
        url = event_url(event, language)
        subject = _("About your request: %(title)s") % {"title": event.title}
        body = render_to_string(
            "events/email/declined.txt",
            {"name": name, "event": event, "event_url": url, "message": message},
        )
    # No ``ref``: the sign-up is deleted in the same transaction, and this e-mail must
    # outlive it (like an interest's farewell).
    outbox_queue(
        EmailMessage(subject, body, None, [email], reply_to=_reply_to(event)),
        kind="events.registration_declined",
    )


def _reply_to(event: Event) -> list[str]:
    """Replies go to the organising office, when it has an address."""
    return [event.office.email] if event.office.email else []


def _load(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("event__municipality", "event__office")
        .filter(pk=registration_id)
        .first()
    )
