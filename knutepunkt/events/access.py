"""The access functions of events and sign-ups (see :mod:`knutepunkt.core.scoping`).

Who may *write* (organise) an event is checked by the services, in
:mod:`knutepunkt.events.services.access`."""

from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import one_or_404
from knutepunkt.events.models import Event, Registration


def get_event_for_user(user: Any, pk: int) -> Event:
    """An event the signed-in user may manage, or 404."""
    return one_or_404(Event.objects.visible_to(user), message="No such event", pk=pk)


def get_registration_for_user(user: Any, pk: int) -> Registration:
    """A sign-up the user may see (the event's organiser), or 404."""
    return one_or_404(Registration.objects.visible_to(user), message="No such registration", pk=pk)
