from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation

from knutepunkt.accounts.models import User
from knutepunkt.demo.data.users import DEMO_PASSWORD, USERS


def sign_in_url() -> str:
    """The staff sign-in page on this site (``SITE_URL``, which `make run` sets from its
    HOST and PORT)."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse("accounts:login")


class Command(BaseCommand):
    help = "Print the demo users, their roles and the shared demo password."

    def handle(self, *args: Any, **options: Any) -> None:
        usernames = [u["username"] for u in USERS]
        found = {
            u.username: u
            for u in User.objects.filter(username__in=usernames).select_related(
                "office", "contact_point"
            )
        }
        if not found:
            self.stdout.write("No demo users yet: run `make demo` first.")
            return
        rows = [("user", "role", "office / contact point")]
        for username in usernames:
            user = found.get(username)
            if user is None:
                continue
            scope = user.office or user.contact_point or ""
            rows.append((username, user.get_role_display(), str(scope)))
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(f"Demo logins (DEMO ONLY) – password for all: {DEMO_PASSWORD}")
        for index, row in enumerate(rows):
            self.stdout.write(
                "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            )
            if index == 0:
                self.stdout.write("  " + "  ".join("-" * w for w in widths))
        self.stdout.write(f"Sign in at {sign_in_url()}")
        # Commands that work as printed in a checkout with the development defaults
        # (`make` sets DEBUG=1); `make logins` prints this again.
        self.stdout.write(
            "Staff pages need a second factor: `make totp` prints each demo user's "
            "authenticator key (or set one up at the first sign-in)."
        )
        self.stdout.write("")
