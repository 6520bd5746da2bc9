"""Demand for new groups on the coverage map: how many people wait, per municipality.

Counts only, never who. Health data in small numbers can point at a person, so anyone
but district office staff and head office (the funder) sees only municipalities where at
least ``SUPPRESS_BELOW`` people wait; smaller counts are left out altogether.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from knutepunkt.interests.models import Interest, InterestStatus

SUPPRESS_BELOW = 5


@dataclass(frozen=True)
class DemandRow:
    number: str
    name: str
    county_name: str
    waiting: int
    topics: int


@dataclass(frozen=True)
class Demand:
    rows: list[DemandRow]
    exact: bool
    suppress_below: int = SUPPRESS_BELOW


def sees_exact_demand(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and (user.is_head_office or user.is_office_staff)
    )


def waiting_demand(*, user: Any, county_numbers: Sequence[str] | None = None) -> Demand:
    """Waiting interests per municipality (of ``county_numbers`` when given), most first.
    One query."""
    exact = sees_exact_demand(user)
    waiting = Interest.objects.filter(status=InterestStatus.WAITING)
    if county_numbers:
        waiting = waiting.filter(municipality__county__number__in=county_numbers)
    counted = (
        waiting.values("municipality__number", "municipality__name", "municipality__county__name")
        .annotate(n=Count("pk"), topics=Count("topic", distinct=True))
        .order_by("-n", "municipality__name")
    )
    rows = [
        DemandRow(
            number=row["municipality__number"],
            name=row["municipality__name"],
            county_name=row["municipality__county__name"],
            waiting=row["n"],
            topics=row["topics"],
        )
        for row in counted
        if exact or row["n"] >= SUPPRESS_BELOW
    ]
    return Demand(rows=rows, exact=exact)
