"""Test helpers for signing in, shared by every app's tests.

``sign_in(page, live_server_url, user, password)`` signs a Playwright page in through the
real forms (password, then a code computed from the user's authenticator secret).
``totp_code(device)`` gives a code the device will accept right now.
"""

from __future__ import annotations

import time
from typing import Any

from django.urls import reverse
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device(user: Any) -> TOTPDevice:
    """The user's confirmed authenticator, created when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return device


def totp_code(device: TOTPDevice) -> str:
    """A code ``device`` accepts now. A code is accepted only once, so after a recent
    sign-in this uses the next time step (within the device's tolerance) or waits."""
    while True:
        device.refresh_from_db()
        now_t = (int(time.time()) - device.t0) // device.step + device.drift
        t = max(now_t, device.last_t + 1)
        if t <= now_t + device.tolerance:
            return f"{hotp(device.bin_key, t, digits=device.digits):0{device.digits}d}"
        time.sleep(1)


def sign_in(page: Any, live_server_url: str, user: Any, password: str, next_url: str = "") -> None:
    """Sign ``user`` in on ``page`` with ``password`` and the second factor."""
    device = totp_device(user)
    url = live_server_url + reverse("accounts:login")
    if next_url:
        from urllib.parse import urlencode

        url += "?" + urlencode({"next": next_url})
    page.goto(url)
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", password)
    page.click("form.signin-form button[type=submit]")
    page.wait_for_url("**" + reverse("accounts:verify") + "**")
    page.fill("#id_code", totp_code(device))
    page.click("form.signin-form button[type=submit]")
    page.wait_for_load_state()
