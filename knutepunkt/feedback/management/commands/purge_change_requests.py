from typing import Any

from django.core.management.base import BaseCommand

from knutepunkt.feedback.services import change_requests_purge


class Command(BaseCommand):
    help = "Delete closed listing corrections older than CHANGE_REQUEST_RETENTION_DAYS."

    def handle(self, *args: Any, **options: Any) -> None:
        count = change_requests_purge()
        self.stdout.write(f"Deleted {count} closed listing corrections.")
