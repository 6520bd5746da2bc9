"""Daily retention run for interests: reminders, then deletion of contact data for those
who waited longer than INTEREST_RETENTION_DAYS. Run it from a timer (docs/operations.md).
With --enqueue it queues the task for ``manage.py db_worker`` instead of running now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Remind waiting people and delete expired interests' contact data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the purge_expired_interests task instead of running it here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from knutepunkt.interests.tasks import purge_expired_interests

            result = purge_expired_interests.enqueue()
            self.stdout.write(f"Queued task {result.id}.")
            return
        from knutepunkt.interests.services import purge_expired

        outcome = purge_expired(actor=None)
        self.stdout.write(f"Reminded: {outcome.reminded}. Expired: {outcome.expired}.")
