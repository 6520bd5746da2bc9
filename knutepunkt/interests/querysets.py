from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet
from knutepunkt.interests.crypto import contact_hashes, topic_hashes


class InterestQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> InterestQuerySet:
        """Head office: all; office staff: interests their office is responsible for;
        coordinators: interests routed to their contact point. The funder: none."""
        return office_scope(self, user, contact_point_field="contact_point")

    def waiting(self) -> InterestQuerySet:
        """Interests still waiting for a group (the only ones that hold contact data)."""
        return self.filter(status="waiting")

    def for_topic(self, topic: Any) -> InterestQuerySet:
        """Interests on ``topic`` (a Topic or its id), matched by the keyed hash."""
        return self.for_topics([getattr(topic, "pk", topic)])

    def for_topics(self, topic_ids: Iterable[int]) -> InterestQuerySet:
        return self.filter(topic_hash__in=list(topic_hashes(topic_ids)))

    def with_contact(self, kind: str, value: str) -> InterestQuerySet:
        """Interests holding this e-mail address (``kind="email"``) or phone number
        (``"phone"``), matched by the keyed hash of the normalised value."""
        hashes = contact_hashes(kind, value)
        return self.filter(contact_hash__in=hashes) if hashes else self.none()

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
