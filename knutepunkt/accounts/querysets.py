from __future__ import annotations

from typing import Any

from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q


class UserQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> UserQuerySet:
        """Head office sees every user; office staff the people of their office (staff and
        the coordinators of its contact points); a coordinator themselves; nobody else any."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_head_office:
            return self
        if user.is_office_staff:
            return self.filter(Q(office=user.office_id) | Q(contact_point__office=user.office_id))
        if user.is_coordinator:
            return self.filter(pk=user.pk)
        return self.none()

    def editable_by(self, user: Any) -> UserQuerySet:
        """Only head office manages users."""
        if getattr(user, "is_authenticated", False) and user.is_head_office:
            return self
        return self.none()


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    use_in_migrations = True
