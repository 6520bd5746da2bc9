"""Delete partner contact persons whose details nobody has confirmed for
PARTNER_CONTACT_RETENTION_DAYS. The scheduler runs the task
``knutepunkt.network.tasks.purge_stale_partner_contacts`` daily; this command does the same
by hand (``--enqueue`` queues the task for the worker instead)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Delete partner contact persons whose details have not been confirmed for long."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the purge_stale_partner_contacts task instead of running it here.",
        )

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            from knutepunkt.network.tasks import purge_stale_partner_contacts

            result = purge_stale_partner_contacts.enqueue()
            self.stdout.write(f"Queued task {result.id}.")
            return
        from knutepunkt.network.services import partner_contacts_purge_stale

        deleted = partner_contacts_purge_stale(actor=None)
        self.stdout.write(f"Deleted {deleted} contact person(s).")
