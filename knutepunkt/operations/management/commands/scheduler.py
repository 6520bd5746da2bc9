"""``manage.py scheduler [--once]``: enqueue due jobs (settings.SCHEDULED_JOBS) into the
task queue, every few seconds, until stopped (SIGTERM/SIGINT). Run ONE per site, next to
at least one ``db_worker`` (deploy/systemd/knutepunkt-scheduler.service)."""

from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection

from knutepunkt.operations.scheduling import enqueue_due, jobs_sync
from knutepunkt.operations.services import heartbeat


class Command(BaseCommand):
    help = "Enqueue the scheduled jobs (purges, reminders, formation, outbox) when due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="One round, then exit.")
        parser.add_argument("--tick", type=float, default=5.0, help="Seconds between rounds.")

    def handle(self, *args: Any, once: bool = False, tick: float = 5.0, **options: Any) -> None:
        stopping = False

        def stop(_signum: int, _frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        jobs_sync()
        while not stopping:
            # A connection the database dropped is replaced each round (never inside a
            # transaction: a test's, where closing would break the test's connection).
            if not connection.in_atomic_block:
                close_old_connections()
            try:
                heartbeat("scheduler")
                for name in enqueue_due():
                    self.stdout.write(f"enqueued {name}")
            except Exception as exc:  # the database restarts: try again next round
                self.stderr.write(f"scheduler: round failed ({type(exc).__name__})")
            if once:
                return
            deadline = time.monotonic() + tick
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.2)
