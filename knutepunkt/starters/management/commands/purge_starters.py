"""Retention run for starters: reminders first, then deletion of records without activity
for STARTER_RETENTION_DAYS. The scheduler runs the task
``knutepunkt.starters.tasks.purge_inactive_starters`` daily; this command does the same by
hand (``--enqueue`` queues the task for the worker instead)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Remind inactive starters and delete the records of those past the retention time."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the purge_inactive_starters task instead of running it here.",
        )

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            from knutepunkt.starters.tasks import purge_inactive_starters

            result = purge_inactive_starters.enqueue()
            self.stdout.write(f"Queued task {result.id}.")
            return
        from knutepunkt.starters.services import starter_purge_inactive

        outcome = starter_purge_inactive(actor=None)
        self.stdout.write(f"Reminded: {outcome.reminded}. Deleted: {outcome.deleted}.")
