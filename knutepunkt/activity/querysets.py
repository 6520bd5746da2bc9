from __future__ import annotations

import datetime
from typing import Any

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


class ActivityQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> ActivityQuerySet:
        """The activity log belongs to the office: office staff see theirs, head office all."""
        return office_scope(self, user)

    def in_year(self, year: int) -> ActivityQuerySet:
        return self.filter(
            date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1)
        )

    def chronological(self) -> ActivityQuerySet:
        return self.order_by("date", "id")
