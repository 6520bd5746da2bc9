from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


class AuditEntryQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: User) -> AuditEntryQuerySet:
        """Head office sees the whole log; nobody else reads it."""
        if user.is_authenticated and user.is_head_office:
            return self
        return self.none()
