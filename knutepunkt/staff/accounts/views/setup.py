"""Setting up the authenticator app, and the backup codes shown once."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from knutepunkt.accounts.services import backup_codes_issue, totp_device_confirm, totp_device_start
from knutepunkt.staff.access import is_verified
from knutepunkt.staff.accounts import second_factor
from knutepunkt.staff.accounts.forms import CodeForm
from knutepunkt.staff.accounts.views.common import redirect_with_next, requested_next
from knutepunkt.staff.navigation import landing_url

BACKUP_CODES_SESSION_KEY = "accounts_new_backup_codes"


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret, as an authenticator app asks for it."""
    from base64 import b32encode

    return b32encode(device.bin_key).decode("ascii")


def qr_svg(data: str) -> SafeString:
    """An inline SVG QR code (no request to any other server, no inline style)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg") :]
    svg = svg.replace(
        "<svg ",
        '<svg class="qr-code" role="img" aria-labelledby="qr-title" ',
        1,
    )
    close = svg.index(">") + 1
    title = '<title id="qr-title">' + _("QR code for your authenticator app") + "</title>"
    # The SVG is generated from our own secret and the user name; nothing is echoed raw.
    return mark_safe(svg[:close] + title + svg[close:])  # noqa: S308


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
def totp_setup(request: HttpRequest) -> HttpResponse:
    """Add the authenticator app: scan the QR code (or type the key), then prove it with a
    code. A user who already has one must pass the second factor before replacing it."""
    next_url = requested_next(request)
    user: Any = request.user
    if not user.is_authenticated:
        return redirect_with_next("accounts:login", next_url)
    if second_factor.has_confirmed_device(user) and not is_verified(user):
        return redirect_with_next("accounts:verify", next_url)
    device = totp_device_start(user=user)
    form = CodeForm(request.POST or None, initial={"next": next_url})
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = totp_device_confirm(actor=user, device=device)
            otp_login(request, device)
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            return redirect_with_next("accounts:backup_codes", next_url)
        form.add_error(
            "code",
            _(
                "The code did not match. Check that the time on your phone is right, "
                "then try again."
            ),
        )
    secret = secret_of(device)
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "qr": qr_svg(device.config_url), "secret": _grouped(secret)},
    )


@never_cache
def backup_codes(request: HttpRequest) -> HttpResponse:
    """The new backup codes, shown once; POST makes a new set (the old ones stop working)."""
    next_url = requested_next(request)
    user: Any = request.user
    if not user.is_authenticated:
        return redirect_with_next("accounts:login", next_url)
    if not is_verified(user):
        return redirect_with_next("accounts:verify", next_url)
    if request.method == "POST":
        request.session[BACKUP_CODES_SESSION_KEY] = backup_codes_issue(actor=user, user=user)
        messages.success(request, _("New backup codes were made. The old ones no longer work."))
        return redirect_with_next("accounts:backup_codes", next_url)
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    return render(
        request,
        "accounts/backup_codes.html",
        {"codes": codes, "continue_url": next_url or landing_url(user), "next": next_url},
    )
