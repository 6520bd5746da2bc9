from __future__ import annotations

from typing import Any

from django.db import models

from knutepunkt.core.scoping import office_scope


class InterestQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> InterestQuerySet:
        """Head office: all; office staff: interests their office is responsible for;
        coordinators: interests routed to their contact point. The funder: none."""
        return office_scope(self, user, contact_point_field="contact_point")

    def waiting(self) -> InterestQuerySet:
        """Interests still waiting for a group (the only ones that hold contact data)."""
        return self.filter(status="waiting")

    def for_topic(self, topic: Any) -> InterestQuerySet:
        return self.filter(topic=topic)

    def accepting_format(self, fmt: str) -> InterestQuerySet:
        """Interests that accept a group format (``GroupFormat`` value)."""
        fields = {
            "in_person": "accepts_in_person",
            "phone": "accepts_phone",
            "online": "accepts_online",
        }
        if fmt not in fields:
            raise ValueError(f"Unknown group format: {fmt!r}")
        return self.filter(**{fields[fmt]: True})
