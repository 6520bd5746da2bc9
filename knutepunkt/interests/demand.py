"""Waiting demand: how many people wait for a new group, per municipality (and topic).

Counts only, never who: no interest row, alias or contact detail leaves this module.

One small-count rule. Health data in small numbers can point at a person, so a count is
shown as it is only to whoever handles every interest it counts (``Interest.objects.
visible_to``: head office all, an office its own, a contact point's coordinator those
routed to it). A count that goes beyond that (the funder; another office's staff on the
national coverage map) passes through :func:`knutepunkt.core.disclosure.public_count`, and
a row whose count would be "under 5" is left out altogether: a municipality listed as
"under 5" would still tell that someone there waits for help with that topic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from knutepunkt.core.disclosure import SMALL, SMALL_MAX, public_count
from knutepunkt.geo.models import Municipality
from knutepunkt.groups.models import Topic
from knutepunkt.interests.crypto import topic_hashes
from knutepunkt.interests.models import Interest
from knutepunkt.interests.querysets import InterestQuerySet

# Rows counting fewer people than this are left out for readers who do not handle them.
LEFT_OUT_BELOW = SMALL_MAX + 1


@dataclass(frozen=True)
class DemandRow:
    municipality_number: str
    municipality: str
    county: str
    count: int  # people waiting
    topics: int  # distinct topics they wait for (1 in a row per topic)
    topic_id: int | None = None  # by topic only
    topic: str = ""


def _waiting(
    office: Any, contact_point: Any, county_numbers: Sequence[str] | None
) -> InterestQuerySet:
    interests = Interest.objects.waiting()
    if office is not None:
        interests = interests.filter(office=office)
    if contact_point is not None:
        interests = interests.filter(contact_point=contact_point)
    if county_numbers:
        interests = interests.filter(municipality__county__number__in=county_numbers)
    return interests


def _by_key(
    rows: Iterable[dict[str, Any]], topic_of: dict[str, int], by_topic: bool
) -> dict[tuple[Any, ...], dict[str, Any]]:
    """Rows counted per municipality and topic hash, added up per municipality (and topic
    id when ``by_topic``). The hash is mapped back to its topic here: under two keys (during
    a key rotation) one topic has two hashes, and they count together."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        topic_id = topic_of.get(row["topic_hash"])
        key = (row["municipality_id"], *((topic_id,) if by_topic else ()))
        entry = merged.setdefault(key, {**row, "n": 0, "topic_ids": set(), "topic_id": topic_id})
        entry["n"] += row["n"]
        entry["topic_ids"].add(topic_id if topic_id is not None else row["topic_hash"])
    return merged


_NO_PLACE: dict[str, Any] = {"municipality_number": None, "municipality": None, "county": None}


def waiting_demand(
    *,
    user: Any = None,
    office: Any = None,
    contact_point: Any = None,
    county_numbers: Sequence[str] | None = None,
    by_topic: bool = True,
) -> list[DemandRow]:
    """Waiting interests per municipality and topic (``by_topic=False``: per municipality,
    with the number of topics), of ``office``, ``contact_point`` and ``county_numbers``
    when given; most first.

    ``user`` is the reader: rows counting interests the reader does not handle follow the
    small-count rule above. Without a user (a command, a task) every count is exact.
    The topic is read from its keyed hash (the stored topic is encrypted). Four queries
    (five by topic)."""
    interests = _waiting(office, contact_point, county_numbers)
    topic_of = topic_hashes(Topic.objects.values_list("pk", flat=True))
    # Counted on the interests alone, then named: grouping tens of thousands of rows joined
    # to the municipality and county tables costs four times as much.
    counted = _by_key(
        interests.values("municipality_id", "topic_hash").annotate(n=Count("pk")).order_by(),
        topic_of,
        by_topic,
    )
    places = {
        pk: {"municipality_number": number, "municipality": name, "county": county}
        for pk, number, name, county in Municipality.objects.filter(
            pk__in={row["municipality_id"] for row in counted.values()}
        ).values_list("pk", "number", "name", "county__name")
    }
    handled: dict[tuple[Any, ...], int] | None = None
    if user is not None:
        visible = (
            interests.visible_to(user)
            .values("municipality_id", "topic_hash")
            .annotate(n=Count("pk"))
            .order_by()
        )
        handled = {key: row["n"] for key, row in _by_key(visible, topic_of, by_topic).items()}
    rows = [
        row
        for key, row in counted.items()
        if handled is None or handled.get(key, 0) == row["n"] or public_count(row["n"]) != SMALL
    ]
    names: dict[int, str] = {}
    if by_topic and rows:
        names = {t.pk: t.name for t in Topic.objects.filter(pk__in={r["topic_id"] for r in rows})}
    result = [
        DemandRow(
            **places.get(row["municipality_id"], _NO_PLACE),
            count=row["n"],
            topics=len(row["topic_ids"]),
            topic_id=row["topic_id"] if by_topic else None,
            topic=names.get(row["topic_id"] or 0, "") if by_topic else "",
        )
        for row in rows
    ]
    if by_topic:
        result.sort(key=lambda r: (-r.count, r.topic, r.municipality))
    else:
        result.sort(key=lambda r: (-r.count, r.municipality))
    return result


def counts_may_be_left_out(user: Any, *, office: Any = None) -> bool:
    """Whether :func:`waiting_demand` may leave rows out for ``user`` on a page about
    ``office`` (about the whole country without one): unless the user handles every
    interest there (head office; an office's staff on their own office's page)."""
    if user.is_head_office:
        return False
    return not (user.is_office_staff and office is not None and office.pk == user.office_id)
