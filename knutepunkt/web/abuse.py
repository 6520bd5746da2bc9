"""Abuse protection shared by the public forms, without any third party: a per-address
rate limit kept in the cache (keys hold a keyed hash of the address, never the address) and
a honeypot field people never see.

Counts live in the cache: production must use a shared cache (``REDIS_URL``) when it runs
more than one process.
"""

from __future__ import annotations

import hashlib
import hmac

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

RATE_WINDOW_SECONDS = 60 * 60
HONEYPOT_FIELD = "website"


def address_key(request: HttpRequest) -> str:
    ip = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()[:32]


def _rate_key(request: HttpRequest, prefix: str, bucket: str) -> str:
    return f"{prefix}:rate:{bucket}:{address_key(request)}"


def rate_exceeded(request: HttpRequest, prefix: str, bucket: str, limit: int) -> bool:
    """True when this address already used up ``limit`` in the current window."""
    return int(cache.get(_rate_key(request, prefix, bucket), 0)) >= limit


def rate_count(
    request: HttpRequest, prefix: str, bucket: str, window: int = RATE_WINDOW_SECONDS
) -> None:
    key = _rate_key(request, prefix, bucket)
    if cache.add(key, 1, window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)


class HoneypotMixin(forms.Form):
    """A text field hidden from people (CSS and ``tabindex``); bots fill it. A filled one
    means: answer as if all went well, store nothing."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_honeypot(self) -> bool:
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())
