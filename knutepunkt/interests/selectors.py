"""Reads for interests: the list and one person's data export. The access function is in
:mod:`knutepunkt.interests.access`; the waiting demand (counts only) in
:mod:`knutepunkt.interests.demand`."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from knutepunkt.interests.models import Interest


def interest_list(user: Any, *, status: str = "waiting", topic: Any = None) -> QuerySet[Interest]:
    """The staff list: no contact fields are loaded (they are shown on the detail page)."""
    interests = (
        Interest.objects.visible_to(user)
        .select_related("topic", "municipality", "contact_point", "office")
        .defer("email", "phone")
        .order_by("created_at", "pk")
    )
    if status:
        interests = interests.filter(status=status)
    if topic is not None:
        interests = interests.filter(topic=topic)
    return interests


def interest_personal_data(interest: Interest) -> dict[str, Any]:
    """Everything stored about the person, for a data-access request (GDPR art. 15)."""
    return {
        "id": interest.pk,
        "status": interest.status,
        "topic": interest.topic.name,
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
