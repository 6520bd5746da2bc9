from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from knutepunkt.demo.data.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo network (offices, partners, contact points, groups, events, the 2012 "
        "activity log and demo users). Idempotent: existing rows are left untouched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing at all when any district office exists.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo(if_empty=options["if_empty"])
        if created is None:
            self.stdout.write("Demo data not loaded: the database already has district offices.")
            return
        if not created:
            self.stdout.write("Demo data already present: nothing new to create.")
            return
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Created:"))
        for name, count in sorted(created.items()):
            self.stdout.write(f"  {count:4d}  {name}")
