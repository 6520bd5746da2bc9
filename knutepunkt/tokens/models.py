from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.tokens.querysets import ApiTokenQuerySet


class TokenScope(models.TextChoices):
    ACTIVITIES_READ = "activities:read", _("Read the office's activity log")
    ACTIVITIES_WRITE = "activities:write", _("Log activities")
    EVENTS_READ = "events:read", _("Read the office's events")


class ApiToken(models.Model):
    """A key an office gives its own tools (a spreadsheet, a calendar sync) to use the
    staff part of the API. Only a hash of the key is stored: the key itself is shown once,
    when it is made. A token acts as the person who made it, within its office and scopes,
    and stops working when revoked, expired, or when that person may no longer act for
    the office."""

    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. “Calendar sync”.")
    )
    # The first characters of the key, shown in lists so a person can tell keys apart.
    prefix = models.CharField(_("starts with"), max_length=16)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_on is None or self.expires_on >= timezone.localdate()

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    def expired(self, on: datetime.date | None = None) -> bool:
        day = on or timezone.localdate()
        return self.expires_on is not None and self.expires_on < day
