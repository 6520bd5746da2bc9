"""Reads for interests: the list and one person's data export. The access function is in
:mod:`knutepunkt.interests.access`; the waiting demand (counts only) in
:mod:`knutepunkt.interests.demand`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from knutepunkt.groups.models import Topic
from knutepunkt.interests.models import Interest


def attach_topics(interests: Iterable[Interest]) -> list[Interest]:
    """Give each interest its topic from one query (the stored topic is encrypted, so a
    join cannot do it)."""
    rows = list(interests)
    topics = Topic.objects.in_bulk({i.topic_id for i in rows if i.topic_id is not None})
    for interest in rows:
        if interest.topic_id in topics:
            interest.__dict__["_topic"] = topics[interest.topic_id]
    return rows


def topic_name(interest: Interest) -> str:
    """The interest's topic in the current language ("" if the topic is gone)."""
    try:
        return interest.topic.name
    except Topic.DoesNotExist:
        return ""


def interest_list(user: Any, *, status: str = "waiting", topic: Any = None) -> QuerySet[Interest]:
    """The staff list, oldest first, as a queryset to page through: no contact fields are
    loaded (they are shown on the detail page). Give each page's rows to
    :func:`attach_topics`."""
    interests = (
        Interest.objects.visible_to(user)
        .select_related("municipality", "contact_point", "office")
        .defer("email", "phone")
        .order_by("created_at", "pk")
    )
    if status:
        interests = interests.filter(status=status)
    if topic is not None:
        interests = interests.for_topic(topic)
    return interests


def interest_duplicates(interest: Interest, user: Any) -> list[Interest]:
    """Other waiting interests the user may see with the same e-mail address or phone
    number (matched by the keyed hash): the same person registered twice."""
    if not interest.contact_hash:
        return []
    return attach_topics(
        Interest.objects.visible_to(user)
        .waiting()
        .filter(contact_hash=interest.contact_hash)
        .exclude(pk=interest.pk)
        .select_related("municipality")
        .defer("email", "phone")
        .order_by("created_at", "pk")
    )


def interest_personal_data(interest: Interest) -> dict[str, Any]:
    """Everything stored about the person, for a data-access request (GDPR art. 15)."""
    return {
        "id": interest.pk,
        "status": interest.status,
        "topic": topic_name(interest),
        "municipality": {
            "number": interest.municipality.number,
            "name": interest.municipality.name,
        },
        "for_whom": interest.for_whom,
        "formats": interest.formats,
        "contact_method": interest.contact_method,
        "alias": interest.alias,
        "email": interest.email,
        "phone": interest.phone,
        "language": interest.language,
        "consent_at": _iso(interest.consent_at),
        "created_at": _iso(interest.created_at),
        "waiting_confirmed_at": _iso(interest.renewed_at),
        "reminded_at": _iso(interest.reminded_at),
        "placed_at": _iso(interest.placed_at),
        "handled_by": interest.contact_point.name
        if interest.contact_point
        else interest.office.name,
        "district_office": interest.office.name,
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None
