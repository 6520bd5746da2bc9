"""Sign-ups: places, the waiting list, answers to the organiser's questions."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.audit import audit_log
from knutepunkt.events import emails
from knutepunkt.events.models import (
    Event,
    EventQuestion,
    QuestionKind,
    Registration,
    RegistrationStatus,
)
from knutepunkt.events.services.access import check_can_manage
from knutepunkt.operations.outbox import outbox_discard

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

ANSWER_MAX_LENGTH = 500


def _check_open_for_signup(event: Event, now: datetime.datetime) -> None:
    if not event.is_public:
        raise ValidationError(_("This event does not take sign-ups."), code="not_public")
    if event.is_cancelled:
        raise ValidationError(_("This event has been cancelled."), code="cancelled")
    if event.ends_at <= now:
        raise ValidationError(_("This event is over."), code="past")
    if event.signup_opens_at and now < event.signup_opens_at:
        raise ValidationError(_("Sign-up has not opened yet."), code="not_open")
    closes_at = event.signup_closes_at or event.starts_at
    if now >= closes_at:
        raise ValidationError(_("Sign-up for this event has closed."), code="closed")


def _language(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    language = language.split("-")[0].lower()
    return language if language in codes else settings.LANGUAGE_CODE


def answer_field_name(question: EventQuestion) -> str:
    """The form field (and error key) of a question's answer."""
    return f"q_{question.pk}"


def clean_answers(questions: list[EventQuestion], answers: Mapping[Any, Any]) -> dict[str, Any]:
    """Answers keyed by question id → what is stored: text (stripped), True/False for yes/no
    and consent. Missing required answers and unknown questions are validation errors."""
    given = {str(key): value for key, value in answers.items()}
    known = {question.key for question in questions}
    unknown = set(given) - known
    if unknown:
        raise ValidationError(_("Unknown question."), code="unknown_question")
    cleaned: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    for question in questions:
        value = given.get(question.key)
        if question.kind == QuestionKind.SHORT_TEXT:
            text = "" if value is None else str(value).strip()
            if len(text) > ANSWER_MAX_LENGTH:
                errors[answer_field_name(question)] = _("The answer is too long.")
            elif text:
                cleaned[question.key] = text
        elif question.kind == QuestionKind.STARTER_CONSENT:
            cleaned[question.key] = value is True
        elif value is not None and value != "":
            if not isinstance(value, bool):
                errors[answer_field_name(question)] = _("Answer yes or no.")
            else:
                cleaned[question.key] = value
        if question.required and question.key not in cleaned and question.pk is not None:
            errors.setdefault(answer_field_name(question), _("Please answer this question."))
    if errors:
        raise ValidationError(errors)
    return cleaned


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    phone: str = "",
    language: str | None = None,
    answers: Mapping[Any, Any] | None = None,
    submission_key: str = "",
    actor: User | None = None,
) -> Registration:
    """Sign a person up: confirmed while places remain, then on the waiting list. For an
    event whose sign-ups need approval, "confirmed" reads "awaiting approval" (pending):
    the place is held until staff approve or decline.

    The event row is locked before the confirmed sign-ups are counted, so simultaneous
    sign-ups are placed one after the other and never overfill the event. ``answers``
    maps question ids to answers (personal data: never written to the audit log).

    The confirmation e-mail is queued in the outbox in the same transaction, so a saved
    sign-up always has its e-mail, whatever the mail server does. ``submission_key`` (the
    form's random key) makes a repeated POST idempotent: the same key and address return
    the sign-up already saved, unchanged and without a second e-mail.
    """
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        existing = locked.registrations.active().filter(email=email).first()
        if existing is not None and submission_key and existing.submission_key == submission_key:
            return existing  # the same form sent again: its sign-up, as saved
        _check_open_for_signup(locked, now)
        stored_answers = clean_answers(list(locked.questions.all()), answers or {})
        if existing is not None:
            raise ValidationError(
                {"email": _("This e-mail address is already signed up for this event.")},
                code="duplicate",
            )
        status = _place_status(locked)
        full = (
            locked.capacity is not None
            and locked.registrations.holding_place().count() >= locked.capacity
        )
        if full:
            if not locked.has_waiting_list:
                raise ValidationError(_("This event is full."), code="full")
            status = RegistrationStatus.WAITING
        registration = Registration(
            event=locked,
            name=name.strip(),
            email=email,
            phone=phone.strip(),
            status=status,
            language=_language(language),
            answers=stored_answers,
            submission_key=submission_key[:64],
        )
        registration.full_clean()
        registration.save()
        audit_log(
            actor=actor,
            action="events.registration.created",
            target=registration,
            data={"status": status, "name": name, "email": email, "phone": phone},
        )
        emails.send_registration_received(registration.pk)
    return registration


def _place_status(event: Event) -> str:
    """The status of a sign-up that gets a place: awaiting approval where sign-ups need
    it, otherwise confirmed."""
    if event.needs_approval:
        return RegistrationStatus.PENDING
    return RegistrationStatus.CONFIRMED


def fill_places(event: Event, *, actor: User | None) -> list[Registration]:
    """Move the longest-waiting people up while places are free (confirmed and pending
    sign-ups both hold a place). Where sign-ups need approval, the person moves up to
    "awaiting approval". ``event`` must be locked."""
    if event.is_cancelled or event.ends_at <= timezone.now():
        return []
    waiting = event.registrations.waiting().order_by("created_at", "id")
    if event.capacity is not None:
        free = event.capacity - event.registrations.holding_place().count()
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        if event.needs_approval:
            _move_to_pending(registration, actor=actor)
        else:
            _promote(registration, actor=actor)
    return promoted


def _move_to_pending(registration: Registration, *, actor: User | None) -> None:
    registration.status = RegistrationStatus.PENDING
    registration.save(update_fields=["status"])
    audit_log(actor=actor, action="events.registration.moved_to_pending", target=registration)
    emails.send_moved_to_pending(registration.pk)


def _promote(registration: Registration, *, actor: User | None) -> None:
    registration.status = RegistrationStatus.CONFIRMED
    registration.save(update_fields=["status"])
    audit_log(actor=actor, action="events.registration.promoted", target=registration)
    emails.send_promoted(registration.pk)


def registration_cancel(*, registration: Registration, actor: User | None = None) -> None:
    """Cancel a sign-up: the row, with the person's name, contact details and answers, is
    deleted at once and the event only counts it (``Event.cancelled_count``). A freed
    place goes to the person who has waited longest.

    Cancelling twice is harmless: the second call finds nothing and changes nothing. Staff
    may cancel only sign-ups for events they organise; the person themself uses the
    e-mailed link (``actor=None``).
    """
    if actor is not None:
        check_can_manage(actor, registration.event.office, registration.event.contact_point)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if current is None:
            return
        was_confirmed = current.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING)
        audit_log(
            actor=actor,
            action="events.registration.cancelled",
            target=current,
            data={"previous_status": current.status},
            office=event.office,
        )
        outbox_discard(f"events.registration:{current.pk}")
        current.delete()
        Event.objects.filter(pk=event.pk).update(cancelled_count=F("cancelled_count") + 1)
        event.cancelled_count += 1
        if was_confirmed:
            fill_places(event, actor=actor)


def registration_erase(*, registration: Registration, actor: User | None) -> None:
    """Delete one person's sign-up on their request. While the event is ahead this is a
    cancellation (the place goes to the next in line); afterwards the row just goes."""
    event = registration.event
    if not event.is_cancelled and event.ends_at > timezone.now():
        registration_cancel(registration=registration, actor=actor)
        return
    if actor is not None:
        check_can_manage(actor, event.office, event.contact_point)
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="events.registration.erased",
            target=registration,
            office=event.office,
        )
        outbox_discard(f"events.registration:{registration.pk}")
        registration.delete()


def registration_confirm(*, registration: Registration, actor: User | None) -> Registration:
    """Staff move someone from the waiting list to a place by hand — only while a place
    is free (the event row is locked, as for sign-ups)."""
    check_can_manage(actor, registration.event.office, registration.event.contact_point)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != RegistrationStatus.WAITING:
            raise ValidationError(
                _("Only someone on the waiting list can be given a place."), code="not_waiting"
            )
        if event.capacity is not None and (
            event.registrations.holding_place().count() >= event.capacity
        ):
            raise ValidationError(_("There is no free place."), code="full")
        _promote(current, actor=actor)
    registration.status = current.status
    return current


def registration_retention_days() -> int:
    """How many days after an event its sign-ups are kept
    (``EVENT_REGISTRATION_RETENTION_DAYS``, 30 by default)."""
    return int(getattr(settings, "EVENT_REGISTRATION_RETENTION_DAYS", 30))


def registration_purge_for_past_events(
    *,
    older_than_days: int | None = None,
    actor: User | None = None,
    now: datetime.datetime | None = None,
) -> int:
    """Delete the sign-ups of events that ended more than ``older_than_days`` ago
    (default: the setting above), with their answers. Running it again deletes nothing
    more.

    Their purpose has ended; the event keeps its ``attended_count`` and
    ``cancelled_count`` for the figures. Returns the number of registrations deleted.
    """
    if older_than_days is None:
        older_than_days = registration_retention_days()
    if older_than_days < 0:
        raise ValueError("older_than_days must not be negative")
    cutoff = (now or timezone.now()) - datetime.timedelta(days=older_than_days)
    with transaction.atomic():
        purged = Registration.objects.filter(event__ends_at__lt=cutoff)
        outbox_discard(*(f"events.registration:{pk}" for pk in purged.values_list("pk", flat=True)))
        _total, per_model = purged.delete()
        deleted = per_model.get(Registration._meta.label, 0)
        if deleted:
            audit_log(
                actor=actor,
                action="events.registration.purged",
                data={"count": deleted, "older_than_days": older_than_days},
            )
    return deleted
