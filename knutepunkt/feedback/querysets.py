from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


class ChangeRequestQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> ChangeRequestQuerySet:
        """The responsible office's queue: its staff and head office."""
        return office_scope(self, user)

    def open(self) -> ChangeRequestQuerySet:
        return self.filter(status="new")
