"""``manage.py verify_restore --source URL --target URL``: compare a restored database with
its original, table by table (row count and checksum). Exits 1 on any difference; prints
``VERIFY tables N`` and ``VERIFY mismatches M``. Without ``--source`` the site's own
database (DATABASE_URL) is the original."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from knutepunkt.operations.restore_check import compare


class Command(BaseCommand):
    help = "Compare a restored PostgreSQL database with the original (counts and checksums)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", default="", help="The original (default: DATABASE_URL).")
        parser.add_argument("--target", required=True, help="The restored copy (a URL).")

    def handle(self, *args: Any, source: str, target: str, **options: Any) -> None:
        source = source or settings.DATABASE_URL
        if not source.startswith(("postgres://", "postgresql://")):
            raise CommandError("verify_restore compares PostgreSQL databases (postgres://…).")
        tables, mismatches = compare(source, target)
        for mismatch in mismatches:
            self.stdout.write(f"MISMATCH {mismatch.table}: {mismatch.problem}")
        self.stdout.write(f"VERIFY tables {tables}")
        self.stdout.write(f"VERIFY mismatches {len(mismatches)}")
        if mismatches:
            raise CommandError(f"{len(mismatches)} tables differ")
