"""What interests hold about one person, found by e-mail address or phone number. The
contact value is encrypted, so the rows are found by its keyed hash (``contact_hash``).
Only waiting interests hold contact data; placed and expired ones hold nothing that
identifies anyone. ``knutepunkt.workflows.erasure`` calls these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knutepunkt.interests.models import Interest
from knutepunkt.interests.selectors import attach_topics, interest_personal_data, topic_name
from knutepunkt.interests.services import interest_erase

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


def find(kind: str, value: str) -> list[Interest]:
    return attach_topics(
        Interest.objects.with_contact(kind, value)
        .select_related("municipality", "contact_point", "office", "group")
        .order_by("pk")
    )


def export(rows: list[Interest]) -> list[dict[str, Any]]:
    return [interest_personal_data(interest) for interest in rows]


def describe(interest: Interest) -> str:
    topic = topic_name(interest) or "–"
    status = interest.get_status_display()
    return f"#{interest.pk}: {topic}, {interest.municipality.name} ({status})"


def erase(rows: list[Interest], *, actor: User | None) -> int:
    for interest in rows:
        interest_erase(interest=interest, actor=actor, reason="deleted_on_request")
    return len(rows)
