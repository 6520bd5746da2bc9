from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


class TopicQuerySet(WithoutOutlinesQuerySet):
    pass


class SelfHelpGroupQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> SelfHelpGroupQuerySet:
        """Staff view: office staff their office's groups, coordinators their contact
        point's groups."""
        return office_scope(self, user, contact_point_field="contact_point")

    def public(self) -> SelfHelpGroupQuerySet:
        """Groups a person can join or wait for: open for new members, or forming."""
        return self.filter(status__in=["open", "forming"])

    def remote(self) -> SelfHelpGroupQuerySet:
        return self.filter(format__in=["phone", "online"])
