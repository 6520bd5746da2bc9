from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone

from knutepunkt.core.scoping import office_scope


class EventQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> EventQuerySet:
        """Staff view of events: the office's, or a coordinator's contact point's."""
        return office_scope(self, user, contact_point_field="contact_point")

    def public(self) -> EventQuerySet:
        return self.filter(is_public=True)

    def upcoming(self) -> EventQuerySet:
        return self.filter(ends_at__gte=timezone.now())


class RegistrationQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> RegistrationQuerySet:
        """Sign-ups are seen by the organiser only: the event's office or contact point."""
        return office_scope(
            self,
            user,
            office_field="event__office",
            contact_point_field="event__contact_point",
        )
