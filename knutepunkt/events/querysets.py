from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class EventQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> EventQuerySet:
        """Staff view of events: the office's, or a coordinator's contact point's."""
        return office_scope(self, user, contact_point_field="contact_point")

    def public(self) -> EventQuerySet:
        return self.filter(is_public=True)

    def upcoming(self) -> EventQuerySet:
        """Events that have not ended yet (so one running now is still listed)."""
        return self.filter(ends_at__gte=timezone.now())

    def not_cancelled(self) -> EventQuerySet:
        return self.filter(is_cancelled=False)

    def in_calendar(self) -> EventQuerySet:
        """What the public calendar lists: public, not cancelled, not over."""
        return self.public().not_cancelled().upcoming()

    def in_county(self, county_number: str) -> EventQuerySet:
        return self.filter(municipality__county__number=county_number)

    def of_kind(self, kind: str) -> EventQuerySet:
        return self.filter(kind=kind)

    def between(
        self, date_from: datetime.date | None = None, date_to: datetime.date | None = None
    ) -> EventQuerySet:
        """Events that overlap the given days (local dates, both ends included)."""
        queryset = self
        if date_from is not None:
            queryset = queryset.filter(ends_at__gte=_start_of_day(date_from))
        if date_to is not None:
            next_day = date_to + datetime.timedelta(days=1)
            queryset = queryset.filter(starts_at__lt=_start_of_day(next_day))
        return queryset

    def with_public_details(self) -> EventQuerySet:
        """Everything a public list or page shows, in a fixed number of queries."""
        return self.select_related(
            "municipality__county", "office", "contact_point", "organiser_partner"
        )


class RegistrationQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> RegistrationQuerySet:
        """Sign-ups are seen by the organiser only: the event's office or contact point."""
        return office_scope(
            self,
            user,
            office_field="event__office",
            contact_point_field="event__contact_point",
        )

    def active(self) -> RegistrationQuerySet:
        """Confirmed, awaiting approval or waiting: everyone signed up (a cancelled or
        declined sign-up is deleted)."""
        return self.filter(status__in=("confirmed", "pending", "waiting"))

    def holding_place(self) -> RegistrationQuerySet:
        """The sign-ups that take a place: confirmed, and those awaiting approval."""
        return self.filter(status__in=("confirmed", "pending"))

    def pending(self) -> RegistrationQuerySet:
        return self.filter(status="pending")

    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status="confirmed")

    def waiting(self) -> RegistrationQuerySet:
        return self.filter(status="waiting")
