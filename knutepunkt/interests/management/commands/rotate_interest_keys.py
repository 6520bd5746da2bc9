"""Re-encrypt every interest's alias, contact data and topic with the first key in
INTEREST_ENCRYPTION_KEYS, and re-compute the keyed hashes (topic, contact) with the key
derived from it. Roll out a new key by putting it first (keeping the old ones after it),
run this command, then remove the old keys."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from knutepunkt.interests.crypto import DecryptionError


class Command(BaseCommand):
    help = "Re-encrypt interests (alias, contact, topic) and re-hash them with the newest key."

    def handle(self, *args: Any, **options: Any) -> None:
        from knutepunkt.interests.services import interest_keys_rotate

        try:
            count = interest_keys_rotate(actor=None)
        except DecryptionError as exc:
            raise CommandError(
                "Some rows cannot be decrypted with the configured keys; nothing was changed. "
                "Add the old key to INTEREST_ENCRYPTION_KEYS (after the new one)."
            ) from exc
        self.stdout.write(f"Re-encrypted {count} interest(s).")
