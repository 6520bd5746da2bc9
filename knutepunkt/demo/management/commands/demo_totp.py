"""Print each demo user's authenticator key (DEMO ONLY), creating it when missing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice

from knutepunkt.accounts.models import User
from knutepunkt.accounts.services import totp_device_confirm, totp_device_start
from knutepunkt.demo.data.users import DEMO_PASSWORD, USERS
from knutepunkt.staff.accounts.views.setup import secret_of


class Command(BaseCommand):
    help = (
        "DEMO ONLY: print the TOTP key and otpauth:// URI of every demo user (created when "
        "missing) so it can be added to an authenticator app."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", help="Only this demo user.")

    def handle(self, *args: Any, **options: Any) -> None:
        usernames = [u["username"] for u in USERS]
        if options.get("username"):
            usernames = [n for n in usernames if n == options["username"]]
        users = User.objects.filter(username__in=usernames).order_by("username")
        if not users:
            self.stdout.write("No demo users yet: run `make demo` first.")
            return
        self.stdout.write(f"Demo sign-in (DEMO ONLY) – password for all: {DEMO_PASSWORD}")
        self.stdout.write("Add a key to an authenticator app (type it, or open the URI).")
        for user in users:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            codes: list[str] = []
            if device is None:
                device = totp_device_start(user=user)
                codes = totp_device_confirm(actor=None, device=device)
            self.stdout.write("")
            self.stdout.write(f"{user.username} ({user.get_role_display()})")
            self.stdout.write(f"  key: {secret_of(device)}")
            self.stdout.write(f"  uri: {device.config_url}")
            if codes:
                self.stdout.write(f"  backup codes: {' '.join(codes)}")
