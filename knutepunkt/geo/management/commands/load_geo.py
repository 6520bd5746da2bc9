from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from knutepunkt.geo.loading import load_geography


class Command(BaseCommand):
    help = "Load or refresh the 2024 counties and municipalities (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        counties, municipalities = load_geography()
        self.stdout.write(
            self.style.SUCCESS(
                f"Geography loaded: {counties} counties, {municipalities} municipalities."
            )
        )
