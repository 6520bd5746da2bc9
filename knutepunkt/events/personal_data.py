"""What events hold about one person, found by e-mail address or phone number: their
sign-ups (with the answers to the organiser's questions). For a request to see the data
(GDPR art. 15) or to erase it (art. 17); ``knutepunkt.workflows.erasure`` calls these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knutepunkt.core.privacy import rows_with_contact
from knutepunkt.events.models import Registration
from knutepunkt.events.services import registration_erase

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


def find(kind: str, value: str) -> list[Registration]:
    return rows_with_contact(
        Registration.objects.select_related("event"), kind, value, email_field="email"
    )


def export(rows: list[Registration]) -> list[dict[str, Any]]:
    result = []
    for registration in rows:
        questions = {q.key: q.label for q in registration.event.questions.all()}
        result.append(
            {
                "event": registration.event.title,
                "event_starts_at": registration.event.starts_at.isoformat(),
                "name": registration.name,
                "email": registration.email,
                "phone": registration.phone,
                "status": registration.status,
                "language": registration.language,
                "answers": {
                    str(questions.get(key, key)): value
                    for key, value in registration.answers.items()
                },
                "attended": registration.attended,
                "signed_up_at": registration.created_at.isoformat(),
            }
        )
    return result


def describe(registration: Registration) -> str:
    when = registration.event.starts_at.date().isoformat()
    return f"{registration.event.title} ({when}): {registration.get_status_display()}"


def erase(rows: list[Registration], *, actor: User | None) -> int:
    for registration in rows:
        registration_erase(registration=registration, actor=actor)
    return len(rows)
