"""Public statistics: national and county figures anyone may see, with small counts
suppressed.

:func:`public_statistics` reads the figures (a few aggregate queries), suppresses the two
published tables together (:func:`knutepunkt.core.disclosure.suppress_together`) and caches
them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from knutepunkt.activity.models import Activity
from knutepunkt.core.disclosure import Link, PublishedTable, Table, suppress_together
from knutepunkt.events.models import Event
from knutepunkt.geo.models import County
from knutepunkt.groups.models import GroupFormat, GroupStatus, SelfHelpGroup
from knutepunkt.network.models import ContactPoint, ContactPointStatus

CACHE_SECONDS = 60 * 30


@dataclass(frozen=True)
class PublicStatistics:
    year: int
    county_table: PublishedTable
    group_table: PublishedTable


def _county_figures(year: int) -> tuple[list[tuple[int, str]], Table, Table]:
    counties = list(County.objects.current().order_by("number").values_list("pk", "name"))
    start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    contact_points = dict(
        ContactPoint.objects.filter(status=ContactPointStatus.ESTABLISHED)
        .values("municipality__county_id")
        .annotate(n=Count("pk"))
        .values_list("municipality__county_id", "n")
    )
    groups: dict[int, dict[str, int]] = {}
    for county_id, status, n in (
        SelfHelpGroup.objects.filter(
            status__in=[GroupStatus.OPEN, GroupStatus.FORMING, GroupStatus.CLOSED],
            format=GroupFormat.IN_PERSON,
        )
        .annotate(
            county=Coalesce("municipality__county_id", "contact_point__municipality__county_id")
        )
        .values("county", "status")
        .annotate(n=Count("pk"))
        .values_list("county", "status", "n")
    ):
        if county_id is not None:
            groups.setdefault(county_id, {})[status] = n
    tz = timezone.get_current_timezone()
    events = dict(
        Event.objects.filter(
            is_cancelled=False,
            municipality__isnull=False,
            starts_at__gte=datetime.datetime.combine(start, datetime.time.min, tz),
            starts_at__lt=datetime.datetime.combine(end, datetime.time.min, tz),
        )
        .values("municipality__county_id")
        .annotate(n=Count("pk"))
        .values_list("municipality__county_id", "n")
    )
    reached = dict(
        Activity.objects.filter(municipality__isnull=False)
        .in_year(year)
        .values("municipality__county_id")
        .annotate(n=Coalesce(Sum("people_reached"), 0))
        .values_list("municipality__county_id", "n")
    )
    open_forming = (GroupStatus.OPEN, GroupStatus.FORMING)
    names = [name for _, name in counties]
    county_table = Table(
        rows=names,
        columns=[
            gettext("Contact points and meeting places established"),
            gettext("Groups open or forming"),
            gettext("Events held in %(year)s") % {"year": year},
            gettext("People reached by the offices in %(year)s") % {"year": year},
        ],
        cells=[
            [
                contact_points.get(pk, 0),
                sum(groups.get(pk, {}).get(s, 0) for s in open_forming),
                events.get(pk, 0),
                reached.get(pk, 0),
            ]
            for pk, _ in counties
        ],
        # Different measures: a row total would mean nothing.
        row_totals=False,
        column_totals=True,
    )
    statuses = (GroupStatus.OPEN, GroupStatus.FORMING, GroupStatus.CLOSED)
    group_table = Table(
        rows=names,
        columns=[str(GroupStatus(s).label) for s in statuses],
        cells=[[groups.get(pk, {}).get(s, 0) for s in statuses] for pk, _ in counties],
    )
    return counties, county_table, group_table


def public_statistics(year: int | None = None) -> PublicStatistics:
    """Published (suppressed) tables for ``year`` (last year by default), cached."""
    from django.utils.translation import get_language

    year = year or timezone.localdate().year - 1
    key = f"kp-statistics:{year}:{get_language()}"
    cached: PublicStatistics | None = cache.get(key)
    if cached is None:
        counties, county_table, group_table = _county_figures(year)
        # The first table's "open or forming" column is the second table's open + forming,
        # row by row: the tables are suppressed together so neither gives the other away.
        links = [
            Link(left=((0, r, 1),), right=((1, r, 0), (1, r, 1))) for r in range(len(counties))
        ]
        published_counties, published_groups = suppress_together([county_table, group_table], links)
        cached = PublicStatistics(
            year=year, county_table=published_counties, group_table=published_groups
        )
        cache.set(key, cached, CACHE_SECONDS)
    return cached
