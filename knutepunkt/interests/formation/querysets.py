from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


class GroupProposalQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> GroupProposalQuerySet:
        """Head office: all; office staff: their office's proposals; a coordinator: the
        proposals to meet at their contact point. The funder: none."""
        return office_scope(self, user, contact_point_field="contact_point")

    def open(self) -> GroupProposalQuerySet:
        """Proposals still waiting for a decision."""
        return self.filter(status="open")
