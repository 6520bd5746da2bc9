"""Checking the second factor at sign-in, with its own lockout.

Wrong codes are counted per user in the cache (not in the session, so signing in again
with the password does not start a fresh count) and reported to django-axes as failed
sign-ins, so the password step locks too. After ``AXES_FAILURE_LIMIT`` wrong codes the code
step refuses every attempt until the cool-off time has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


def cool_off() -> timedelta:
    from axes.helpers import get_cool_off

    return get_cool_off() or timedelta(minutes=15)


def _failures_key(user: Any) -> str:
    return f"accounts:second-factor-failures:{user.pk}"


def failure_count(user: Any) -> int:
    return int(cache.get(_failures_key(user), 0))


def is_locked(user: Any) -> bool:
    return failure_count(user) >= settings.AXES_FAILURE_LIMIT


def record_failure(request: HttpRequest, user: Any) -> int:
    """Count one wrong code for ``user`` (here and in django-axes); return the count."""
    key = _failures_key(user)
    seconds = int(cool_off().total_seconds())
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    # Re-arm the timeout: the lock lasts the cool-off time from the last wrong code.
    cache.touch(key, timeout=seconds)
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username()},
        request=request,
    )
    return count


def clear_failures(user: Any) -> None:
    cache.delete(_failures_key(user))


def has_confirmed_device(user: Any) -> bool:
    return bool(user_has_device(user, confirmed=True))


def has_passkey(user: Any) -> bool:
    from django_otp_webauthn.models import WebAuthnCredential

    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


@dataclass(frozen=True)
class CheckResult:
    device: Device | None
    throttled: bool = False


def check_code(user: Any, code: str, *, backup: bool = False) -> CheckResult:
    """Try ``code`` on the user's confirmed authenticators (or backup codes). A device
    that is still throttled after a recent wrong code is not asked (and says so)."""
    code = "".join(code.split()).lower()
    kinds: tuple[type[Device], ...] = (StaticDevice,) if backup else (TOTPDevice,)
    throttled = False
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if not isinstance(device, kinds):
                continue
            allowed, _reason = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(code):
                return CheckResult(device=device)
    return CheckResult(device=None, throttled=throttled)
