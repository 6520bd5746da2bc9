from typing import Any

from django.core.management.base import BaseCommand

from knutepunkt.core.i18n import compile_po, po_files


class Command(BaseCommand):
    help = "Compile every .po under LOCALE_PATHS to .mo (pure Python, no gettext needed)."

    def handle(self, *args: Any, **options: Any) -> None:
        for po in po_files():
            mo = compile_po(po)
            self.stdout.write(f"compiled {mo}")
