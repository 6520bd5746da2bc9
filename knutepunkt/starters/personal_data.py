"""What the starter register holds about one person, found by e-mail address or phone
number. ``knutepunkt.workflows.erasure`` calls these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knutepunkt.core.privacy import rows_with_contact
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_delete

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


def find(kind: str, value: str) -> list[Starter]:
    return rows_with_contact(
        Starter.objects.select_related("office", "home_municipality"), kind, value
    )


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def export(rows: list[Starter]) -> list[dict[str, Any]]:
    return [
        {
            "name": starter.name,
            "email": starter.email,
            "phone": starter.phone,
            "district_office": starter.office.name,
            "home_municipality": starter.home_municipality.name
            if starter.home_municipality
            else None,
            "topics": [topic.name for topic in starter.topics.all()],
            "places": [m.name for m in starter.municipalities.defer("outline").order_by("name")],
            "trained_on": _iso(starter.trained_on),
            "trainings": [
                f"{event.title} ({event.starts_at.date().isoformat()})"
                for event in starter.trainings.order_by("starts_at")
            ],
            "consent_to_contact": starter.consent_to_contact,
            "consent_given_at": _iso(starter.consent_given_at),
            "notes": starter.notes,
            "registered_at": _iso(starter.created_at),
            "last_active_at": _iso(starter.active_at),
        }
        for starter in rows
    ]


def describe(starter: Starter) -> str:
    return f"{starter.name} ({starter.office.name})"


def erase(rows: list[Starter], *, actor: User | None) -> int:
    for starter in rows:
        starter_delete(actor=actor, starter=starter)
    return len(rows)
