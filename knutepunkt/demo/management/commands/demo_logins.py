from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from knutepunkt.accounts.models import User
from knutepunkt.demo.data.users import DEMO_PASSWORD, USERS

SIGN_IN_URL = "http://127.0.0.1:8000/arbeid/logg-inn/"


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
            self.stdout.write("No demo users yet: run `manage.py load_demo` first.")
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
        self.stdout.write(f"Sign in at {SIGN_IN_URL}")
        self.stdout.write(
            "Staff pages need a second factor: `.venv/bin/python manage.py demo_totp` prints each "
            "demo user's authenticator key (or set one up at the first sign-in)."
        )
        self.stdout.write("")
