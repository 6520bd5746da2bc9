from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from knutepunkt.core.scoping import office_scope


class ApiTokenQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> ApiTokenQuerySet:
        """An office's tokens: its own staff and head office; coordinators none."""
        return office_scope(self, user)

    def active(self) -> ApiTokenQuerySet:
        """Not revoked and not expired: the tokens that still open the API."""
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=timezone.localdate())
        )
