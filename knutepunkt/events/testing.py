"""Test helpers other apps' tests may use (e.g. the staff URL access matrix)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from knutepunkt.events.models import Event, EventKind


def contact_point_event(get: Callable[[str], Any]) -> Event:
    """A public event of the Molde contact point (office Midt) in ten days, with one
    sign-up question and one sign-up. ``get`` returns a pytest fixture by name."""
    from knutepunkt.conftest import municipality
    from knutepunkt.events.services import event_create, event_question_create, registration_create

    contact_point = get("contact_point_molde")
    existing = Event.objects.filter(contact_point=contact_point, title="Testmøte").first()
    if existing is not None:
        return existing
    starts_at = timezone.now() + datetime.timedelta(days=10)
    event = event_create(
        actor=None,
        title="Testmøte",
        kind=EventKind.OPEN_MEETING,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        office=contact_point.office,
        contact_point=contact_point,
        municipality=municipality("1506"),
    )
    event_question_create(event=event, actor=None, text="Allergier?", kind="short_text")
    registration_create(event=event, name="Kari Nordmann", email="kari@example.org")
    return event


def event_url_kwargs(get: Callable[[str], Any], *names: str) -> dict[str, int]:
    """Kwargs for a staff event URL: ``pk``, ``question_pk``, ``registration_pk``."""
    event = contact_point_event(get)
    values = {
        "pk": event.pk,
        "question_pk": event.questions.order_by("pk").values_list("pk", flat=True)[0],
        "registration_pk": event.registrations.order_by("pk").values_list("pk", flat=True)[0],
    }
    return {name: values[name] for name in names}
