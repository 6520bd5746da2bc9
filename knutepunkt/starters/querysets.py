from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


class StarterQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> StarterQuerySet:
        """Office staff see their office's starters; a coordinator sees the starters of
        their office who agreed to be contacted."""
        if getattr(user, "is_authenticated", False) and user.is_coordinator:
            return self.filter(office=user.contact_point.office_id, consent_to_contact=True)
        return office_scope(self, user)

    def editable_by(self, user: Any) -> StarterQuerySet:
        """Only the office (and head office) changes a starter's record."""
        return office_scope(self, user)
