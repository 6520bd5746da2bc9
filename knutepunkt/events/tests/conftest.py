from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from knutepunkt.conftest import municipality
from knutepunkt.events.models import Event, EventKind
from knutepunkt.events.services import event_create
from knutepunkt.network.models import DistrictOffice


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def in_days(days: float, hour: int = 18) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def make_event(office_midt: DistrictOffice) -> Callable[..., Event]:
    """``make_event(**overrides)``: a public open meeting in Molde in ten days, via the service."""

    def _make(**overrides: Any) -> Event:
        starts_at = overrides.pop("starts_at", in_days(10))
        fields: dict[str, Any] = {
            "actor": None,
            "title": "Åpent møte om selvhjelp",
            "kind": EventKind.OPEN_MEETING,
            "starts_at": starts_at,
            "ends_at": starts_at + datetime.timedelta(hours=2),
            "office": office_midt,
            "municipality": municipality("1506"),
            "venue": "Molde bibliotek",
            "address": "Storgata 1",
        }
        fields.update(overrides)
        return event_create(**fields)

    return _make


def past_event(event: Event, *, days_ago: int) -> Event:
    """Move an event into the past (the service refuses to sign up for past events, which
    is what tests need; creating one in the past directly is simplest)."""
    ends = timezone.now() - datetime.timedelta(days=days_ago)
    Event.objects.filter(pk=event.pk).update(
        starts_at=ends - datetime.timedelta(hours=2), ends_at=ends
    )
    event.refresh_from_db()
    return event
