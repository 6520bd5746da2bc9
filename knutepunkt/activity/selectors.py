"""Reads of the activity log for the staff workspace: filtering, totals, choices (the
access function is in :mod:`knutepunkt.activity.access`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext_lazy

from knutepunkt.activity.models import Activity
from knutepunkt.events.models import Event
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import match_place, place_error
from knutepunkt.network.models import ContactPoint, DistrictOffice, Partner

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


def partners_for_office(user: User | Any, office: DistrictOffice | None) -> QuerySet[Partner]:
    if office is None:
        return Partner.objects.none()
    return Partner.objects.visible_to(user).filter(office=office).order_by("name")


def contact_points_for_office(
    user: User | Any, office: DistrictOffice | None
) -> QuerySet[ContactPoint]:
    if office is None:
        return ContactPoint.objects.none()
    return ContactPoint.objects.visible_to(user).filter(office=office).order_by("name")


def events_for_office(user: User | Any, office: DistrictOffice | None) -> QuerySet[Event]:
    """The office's events, newest first (a select, so the list stays bounded)."""
    if office is None:
        return Event.objects.none()
    return Event.objects.visible_to(user).filter(office=office).order_by("-starts_at")[:300]


def municipality_by_number(number: str) -> Municipality | None:
    return Municipality.objects.by_number(number).first()


@dataclass(frozen=True)
class ActivityFilters:
    """Cleaned list filters; every field optional."""

    office: DistrictOffice | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    year: int | None = None
    kind: str = ""
    municipality: Municipality | None = None
    partner: Partner | None = None
    text: str = ""


def filter_activities(user: User | Any, filters: ActivityFilters) -> QuerySet[Activity]:
    """The user's activities narrowed by the filters, newest first."""
    queryset = Activity.objects.visible_to(user)
    if filters.office is not None:
        queryset = queryset.filter(office=filters.office)
    if filters.year is not None:
        queryset = queryset.in_year(filters.year)
    if filters.date_from is not None:
        queryset = queryset.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        queryset = queryset.filter(date__lte=filters.date_to)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.municipality is not None:
        queryset = queryset.filter(municipality=filters.municipality)
    if filters.partner is not None:
        queryset = queryset.filter(partners=filters.partner)
    if filters.text:
        queryset = queryset.filter(title__icontains=filters.text)
    return queryset.order_by("-date", "-id")


@dataclass(frozen=True)
class ActivityTotals:
    count: int
    participants: int
    people_reached: int


def activity_totals(queryset: QuerySet[Activity]) -> ActivityTotals:
    """Count and sums of the filtered set in one query."""
    values = queryset.order_by().aggregate(
        count=Count("pk"),
        participants=Sum("participants", default=0),
        people_reached=Sum("people_reached", default=0),
    )
    return ActivityTotals(
        count=values["count"],
        participants=values["participants"],
        people_reached=values["people_reached"],
    )


def with_display_relations(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """What a list row or an export line shows, fetched in a constant number of queries."""
    return queryset.select_related("municipality", "office").prefetch_related(
        "partners", "office_tasks", "plan_goals"
    )


# How the activity log (its forms and its spreadsheet import) words a municipality it does
# not know; the other messages are geo.places.PLACE_ERRORS as everywhere.
MUNICIPALITY_ERRORS = {
    "unknown": gettext_lazy("Unknown municipality: “%(text)s”."),
    "unknown_suggest": gettext_lazy("Unknown municipality: “%(text)s”. Did you mean: %(names)s?"),
}


def municipality_number_for(text: str) -> str:
    """The number of the current municipality that ``text`` names (a name, "Name (County)"
    or the four-digit number); a clear validation error otherwise."""
    match = match_place(text)
    if match.place is not None:
        return match.place.number
    raise place_error(match, text, MUNICIPALITY_ERRORS)
