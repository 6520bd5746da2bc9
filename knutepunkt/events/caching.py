"""The public calendar's cache: keyed by a version that every event write bumps.

The cached part never contains the number of places left, so a sign-up does not need
to invalidate it; event writes bump the version, and the timeout bounds the rest
(events dropping off the list as they end).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "events:calendar:version"


def calendar_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def bump_calendar_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def calendar_key(*parts: object) -> str:
    raw = "|".join(str(part) for part in parts)
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
    return f"events:calendar:{calendar_version()}:{digest}"


def timeout() -> int:
    return int(settings.KNUTEPUNKT["PUBLIC_CACHE_SECONDS"])
