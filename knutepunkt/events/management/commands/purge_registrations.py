"""Delete sign-ups whose purpose has ended. Run it daily, e.g. from cron:

python manage.py purge_registrations            # events that ended over 30 days ago
python manage.py purge_registrations --days 7
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from knutepunkt.events.services import registration_purge_for_past_events


class Command(BaseCommand):
    help = (
        "Delete the registrations (names, e-mail addresses, phone numbers) of events that "
        "ended more than --days days ago. The events themselves are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=30,
            help="How many days after the end of an event its registrations are kept (30).",
        )

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if days < 0:
            raise CommandError("--days must not be negative")
        deleted = registration_purge_for_past_events(older_than_days=days, actor=None)
        self.stdout.write(
            f"Deleted {deleted} registration(s) of events that ended over {days} days ago."
        )
