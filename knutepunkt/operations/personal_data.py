"""What the outbox holds about one person: e-mails queued or recently sent to their
address. Found and erased by ``knutepunkt.workflows.erasure``."""

from __future__ import annotations

from typing import Any

from knutepunkt.operations.models import OutboxMessage
from knutepunkt.operations.outbox import outbox_delete


def find(kind: str, value: str) -> list[OutboxMessage]:
    if kind != "email":
        return []
    return list(OutboxMessage.objects.filter(to_email__iexact=value))


def export(rows: list[OutboxMessage]) -> list[dict[str, Any]]:
    return [
        {
            "to": row.to_email,
            "subject": row.subject,
            "text": row.body,
            "status": row.status,
            "queued_at": row.created_at.isoformat(),
            "sent_at": row.sent_at.isoformat() if row.sent_at else None,
        }
        for row in rows
    ]


def describe(row: OutboxMessage) -> str:
    return f"{row.subject} ({row.created_at.date().isoformat()}): {row.get_status_display()}"


def erase(rows: list[OutboxMessage]) -> int:
    """Every row found is gone afterwards: most went already with the sign-up or interest
    that caused them (``outbox_discard``), the rest go here."""
    outbox_delete(rows)
    return len(rows)
