"""Writes of operations other than the outbox (``outbox.py``): heartbeats."""

from __future__ import annotations

import datetime

from django.utils import timezone

from knutepunkt.operations.models import Heartbeat


def heartbeat(name: str) -> None:
    """Record that the process ``name`` is alive (one row, updated in place)."""
    Heartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})


def last_heartbeat(name: str) -> datetime.datetime | None:
    return Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()
