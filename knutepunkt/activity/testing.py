"""Test helpers other apps' tests may use (e.g. the staff URL access matrix)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from knutepunkt.activity.models import Activity


def midt_activity(get: Callable[[str], Any]) -> Activity:
    """An activity in office Midt's log (created once). ``get`` returns a fixture by name."""
    from knutepunkt.activity.services import activity_create

    office = get("office_midt")
    existing = Activity.objects.filter(office=office, title="Testaktivitet").first()
    if existing is not None:
        return existing
    return activity_create(
        actor=None,
        office=office,
        date=datetime.date(2024, 3, 5),
        kind="own_event",
        title="Testaktivitet",
    )


def activity_url_kwargs(get: Callable[[str], Any]) -> dict[str, Any]:
    return {"pk": midt_activity(get).pk}
