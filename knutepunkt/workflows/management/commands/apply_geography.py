from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from knutepunkt.geo.loading import load_geography
from knutepunkt.workflows.geography import apply_geography


class Command(BaseCommand):
    help = (
        "Load every vintage of the geography, then re-point everything current (offices' "
        "coverage, contact points and the areas they serve, groups, partners, waiting "
        "interests, starters, events ahead) from ended counties and municipalities to their "
        "successors. History (activities, approved reports) is left as it was."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day whose structure applies (YYYY-MM-DD; today by default).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would move; change nothing."
        )
        parser.add_argument(
            "--no-load", action="store_true", help="Do not (re)load the vintages first."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_load"]:
            counties, municipalities = load_geography()
            self.stdout.write(
                f"Geography loaded: {counties} counties, {municipalities} municipalities."
            )
        report = apply_geography(actor=None, day=options["date"], dry_run=options["dry_run"])
        prefix = "Would move" if options["dry_run"] else "Moved"
        for line in report.lines:
            self.stdout.write(f"  {line}")
        for line in report.to_check:
            self.stdout.write(self.style.WARNING(f"  check: {line}"))
        summary = ", ".join(f"{kind}: {n}" for kind, n in sorted(report.moved.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix} {report.total} references to the structure of "
                f"{report.day:%d.%m.%Y}" + (f" ({summary})." if summary else ".")
            )
        )
