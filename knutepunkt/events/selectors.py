"""Reads about events that views, feeds and the admin share (the staff access functions
are in :mod:`knutepunkt.events.access`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from knutepunkt.events.models import Event, Registration, RegistrationStatus


def get_public_event(slug: str) -> Event:
    """A public event by slug, including cancelled and past ones (their page says so)."""
    event = (
        Event.objects.public()
        .with_public_details()
        .prefetch_related("partners")
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404("No such event")
    return event


@dataclass(frozen=True)
class Availability:
    """Whether and how a person can sign up right now."""

    open: bool
    reason: str  # "", "cancelled", "past", "not_open", "closed", "full"
    places_left: int | None  # None: no limit
    waiting_list: bool  # a sign-up now lands on the waiting list


def event_availability(event: Event) -> Availability:
    now = timezone.now()
    places_left: int | None = None
    if event.capacity is not None:
        # A sign-up awaiting approval holds its place too.
        taken = event.registrations.holding_place().count()
        places_left = max(event.capacity - taken, 0)
    full = places_left == 0
    reason = ""
    if event.is_cancelled:
        reason = "cancelled"
    elif event.ends_at <= now:
        reason = "past"
    elif event.signup_opens_at and now < event.signup_opens_at:
        reason = "not_open"
    elif now >= (event.signup_closes_at or event.starts_at):
        reason = "closed"
    elif full and not event.has_waiting_list:
        reason = "full"
    return Availability(
        open=not reason,
        reason=reason,
        places_left=places_left,
        waiting_list=full and event.has_waiting_list,
    )


def waiting_position(registration: Registration) -> int | None:
    """1 for the next to move up; None when the person is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = (
        Registration.objects.filter(event_id=registration.event_id)
        .waiting()
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1
