"""Delete sign-ups whose purpose has ended: the scheduler runs the task
``knutepunkt.events.tasks.purge_past_registrations`` daily; this command does the same by
hand.

python manage.py purge_registrations            # EVENT_REGISTRATION_RETENTION_DAYS (30)
python manage.py purge_registrations --days 7
python manage.py purge_registrations --enqueue  # queue the task for the worker
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from knutepunkt.events.services import registration_purge_for_past_events
from knutepunkt.events.services.registrations import registration_retention_days


class Command(BaseCommand):
    help = (
        "Delete the registrations (names, e-mail addresses, phone numbers, answers) of "
        "events that ended more than --days days ago. The events themselves are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=(
                "How many days after the end of an event its registrations are kept "
                "(default: EVENT_REGISTRATION_RETENTION_DAYS)."
            ),
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the purge_past_registrations task instead of running it here.",
        )

    def handle(self, *args: Any, days: int | None, enqueue: bool, **options: Any) -> None:
        if enqueue:
            from knutepunkt.events.tasks import purge_past_registrations

            result = purge_past_registrations.enqueue()
            self.stdout.write(f"Queued task {result.id}.")
            return
        if days is None:
            days = registration_retention_days()
        if days < 0:
            raise CommandError("--days must not be negative")
        deleted = registration_purge_for_past_events(older_than_days=days, actor=None)
        self.stdout.write(
            f"Deleted {deleted} registration(s) of events that ended over {days} days ago."
        )
