"""Reads for interests: staff access, the list, one person's data export, and the waiting
demand (counts only) for dashboards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from knutepunkt.interests.models import Interest


def get_interest_for_user(user: Any, pk: int) -> Interest:
    """An interest the user may see (routed to their office or contact point), or 404."""
    interest = (
        Interest.objects.visible_to(user)
        .select_related("topic", "municipality", "contact_point", "office", "group")
        .filter(pk=pk)
        .first()
    )
    if interest is None:
        raise Http404
    return interest


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


@dataclass(frozen=True)
class DemandRow:
    topic_id: int
    topic: str
    municipality_number: str
    municipality: str
    count: int


def waiting_demand(*, office: Any = None, contact_point: Any = None) -> list[DemandRow]:
    """How many people wait, by topic and municipality (largest first). Counts only: no
    interest row, alias or contact leaves this function. One query."""
    interests = Interest.objects.waiting()
    if office is not None:
        interests = interests.filter(office=office)
    if contact_point is not None:
        interests = interests.filter(contact_point=contact_point)
    rows = (
        interests.values(
            "topic_id",
            "topic__name_nb",
            "topic__name_en",
            "municipality__number",
            "municipality__name",
        )
        .annotate(count=Count("pk"))
        .order_by("-count", "topic__name_nb", "municipality__name")
    )
    from django.utils.translation import get_language

    english = (get_language() or "nb").startswith("en")
    return [
        DemandRow(
            topic_id=row["topic_id"],
            topic=row["topic__name_en"] if english else row["topic__name_nb"],
            municipality_number=row["municipality__number"],
            municipality=row["municipality__name"],
            count=row["count"],
        )
        for row in rows
    ]
