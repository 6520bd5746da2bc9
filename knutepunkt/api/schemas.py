"""The shapes of /api/v1/ answers (pydantic, through django-ninja): the OpenAPI document
is generated from these."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

Language = Literal["nb", "en"]
GroupFormatValue = Literal["in_person", "phone", "online"]
GroupTargetValue = Literal["affected", "relatives"]
GroupStatusValue = Literal["open", "forming"]
ContactPointKindValue = Literal["contact_point", "meeting_place"]
EventKindValue = Literal[
    "open_meeting",
    "information_meeting",
    "seminar",
    "county_conference",
    "starter_training",
    "starter_follow_up",
    "network_gathering",
    "teaching",
    "stand",
]
ActivityKindValue = Literal[
    "own_event",
    "contribution",
    "stand",
    "starter_training",
    "starter_follow_up",
    "planning_group_meeting",
    "partner_meeting",
    "teaching",
    "media_coverage",
    "advertisement",
    "inquiry",
    "other",
]


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in the answer's language.")


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]] = Field(description="One entry per invalid parameter.")


class BadRequestOut(Schema):
    detail: str | list[dict[str, Any]] = Field(
        description="Why the request was refused: a sentence, or one entry per invalid field."
    )


class CountyRef(Schema):
    number: str = Field(description="Official two-digit county number.", examples=["15"])
    name: str


class MunicipalityRef(Schema):
    number: str = Field(description="Official four-digit municipality number.", examples=["1506"])
    name: str


class PlaceOut(Schema):
    """A municipality as the approximate place of something: its centre point."""

    municipality: MunicipalityRef
    county: CountyRef
    latitude: float = Field(description="WGS84 latitude of the municipality's centre.")
    longitude: float = Field(description="WGS84 longitude of the municipality's centre.")
    approximate: bool = Field(
        description="Always true: the point is the municipality's centre, not an address."
    )


class ContactOut(Schema):
    """An organisation to contact: a contact point, or the district office."""

    name: str
    email: str
    phone: str
    website: str
    via_office: bool = Field(description="True when the way in is the district office.")


class TopicOut(Schema):
    slug: str
    name: str = Field(description="The name in the answer's language.")
    name_nb: str
    name_en: str


class TopicRef(Schema):
    slug: str
    name: str


class WeeklyTimeOut(Schema):
    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday.")
    weekday_name: str
    starts: str = Field(description="Local time (Europe/Oslo), HH:MM.", examples=["18:00"])
    ends: str | None = Field(description="Local time (Europe/Oslo), HH:MM.")


class GroupOut(Schema):
    id: int
    url: str = Field(description="The group's page on the public site.")
    title: str
    topic: TopicRef
    format: GroupFormatValue
    format_label: str
    target: GroupTargetValue
    target_label: str
    status: GroupStatusValue
    status_label: str
    description: str
    meeting_time: str = Field(description="When the group meets, in words.")
    weekly: WeeklyTimeOut | None = Field(description="A fixed weekly time, when there is one.")
    place: PlaceOut | None = Field(
        description="Where an in-person group meets, as its municipality only; null for "
        "phone and online groups."
    )
    contact_point: str | None = Field(description="Slug of the group's contact point.")
    office: str = Field(description="Slug of the responsible district office.")
    contact: ContactOut
    updated_at: datetime.datetime
    distance_km: float | None = Field(description="Distance from `near`, when given.")


class ContactPointOut(Schema):
    slug: str
    url: str
    name: str
    kind: ContactPointKindValue
    kind_label: str
    description: str
    host: str = Field(description="The hosting organisation.")
    address: str
    email: str
    phone: str
    website: str
    opening_hours: str
    place: PlaceOut
    municipalities_served: list[MunicipalityRef]
    office: str
    updated_at: datetime.datetime
    distance_km: float | None


class OfficeOut(Schema):
    slug: str
    url: str
    name: str
    seat: MunicipalityRef
    counties: list[CountyRef]
    email: str
    phone: str
    address: str
    description: str


class CountyOut(Schema):
    number: str
    name: str
    office: str | None = Field(description="Slug of the district office covering it.")


class MunicipalityOut(Schema):
    number: str
    name: str
    county: CountyRef
    latitude: float
    longitude: float
    office: str | None


class EventOut(Schema):
    slug: str
    url: str
    ics_url: str = Field(description="The event as an iCalendar file.")
    title: str
    kind: EventKindValue
    kind_label: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    online: bool
    venue: str
    address: str
    municipality: MunicipalityRef | None
    county: CountyRef | None
    organiser: str
    office: str
    target_group: str
    description: str
    places_left: int | None = Field(description="Null when there is no limit.")
    waiting_list: bool = Field(description="Full, and further sign-ups go on a waiting list.")


class PageMeta(Schema):
    count: int = Field(description="Results in all pages.")
    page: int
    per_page: int
    pages: int


class TopicList(PageMeta):
    items: list[TopicOut]


class GroupList(PageMeta):
    items: list[GroupOut]


class ContactPointList(PageMeta):
    items: list[ContactPointOut]


class OfficeList(PageMeta):
    items: list[OfficeOut]


class CountyList(PageMeta):
    items: list[CountyOut]


class MunicipalityList(PageMeta):
    items: list[MunicipalityOut]


class EventList(PageMeta):
    items: list[EventOut]


# --- The token part ----------------------------------------------------------------------


class ActivityOut(Schema):
    id: int
    date: datetime.date
    end_date: datetime.date | None
    kind: ActivityKindValue
    kind_label: str
    title: str
    municipality: MunicipalityRef | None
    participants: int | None
    people_reached: int | None
    partners: list[int]
    office_tasks: list[int]
    plan_goals: list[int]
    notes: str
    event: str | None = Field(description="Slug of the event, when the activity is one.")
    url: str
    created_at: datetime.datetime


class ActivityList(PageMeta):
    items: list[ActivityOut]


class ActivityIn(Schema):
    date: datetime.date
    end_date: datetime.date | None = None
    kind: ActivityKindValue
    title: str = Field(min_length=1, max_length=255)
    municipality: str | None = Field(
        default=None, pattern=r"^[0-9]{4}$", description="Four-digit municipality number."
    )
    participants: int | None = Field(default=None, ge=0, le=1_000_000)
    people_reached: int | None = Field(default=None, ge=0, le=10_000_000)
    partners: list[int] = Field(default=[], description="Ids of the office's partners.")
    office_tasks: list[int] = Field(default=[], description="Office task numbers, 1–6.")
    plan_goals: list[int] = Field(default=[], description="National plan goal numbers, 1–4.")
    notes: str = Field(default="", max_length=5000)
    url: str = Field(default="", max_length=200)


class StaffEventOut(Schema):
    id: int
    slug: str
    title: str
    kind: EventKindValue
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    is_public: bool
    cancelled: bool
    capacity: int | None
    confirmed: int
    waiting: int
    attended_count: int | None


class StaffEventList(PageMeta):
    items: list[StaffEventOut]
