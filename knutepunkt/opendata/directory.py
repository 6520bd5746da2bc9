"""The public directory as data: what other systems may have, in one place.

Every machine-readable output (the JSON API, HSDS, the Meeting Guide feed, the CSV and
XLSX files) is built from these rows, so the publishing rules live here once:

* Only what the public site shows: groups open for new members or forming, established
  contact points and meeting places, the district offices.
* Groups are closed and confidential: never who takes part, never where a group meets.
  A group's place is given as its municipality, with the municipality's centre as an
  approximate point. The way in is always an organisation: the group's contact point, or
  the district office.
* Contact points and offices are organisations: their public address and contact details
  are published as they are on the site.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from knutepunkt.core.models import AuditEntry
from knutepunkt.geo.distance import haversine_km
from knutepunkt.groups.models import GroupFormat, SelfHelpGroup, Topic
from knutepunkt.network.models import ContactPoint, DistrictOffice, OfficeCounty

# How far "near a point" reaches when no radius is given, and at most.
DEFAULT_RADIUS_KM = 50
MAX_RADIUS_KM = 2000


def english() -> bool:
    return (get_language() or "nb").startswith("en")


def localised(nb: str, en: str) -> str:
    """The English text on the English side when there is one, bokmål otherwise."""
    return en if (english() and en) else nb


@dataclass(frozen=True)
class Area:
    """A municipality, as the approximate place of something (its centre point)."""

    municipality_number: str
    municipality_name: str
    county_number: str
    county_name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Contact:
    """How to get in touch: always an organisation, never a group member."""

    name: str
    email: str = ""
    phone: str = ""
    website: str = ""
    via_office: bool = False


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float

    def km_to(self, area: Area) -> float:
        return haversine_km(self.latitude, self.longitude, area.latitude, area.longitude)


@dataclass(frozen=True)
class PublicGroup:
    id: int
    own_title: str
    topic_slug: str
    topic_name_nb: str
    topic_name_en: str
    format: str
    target: str
    status: str
    description_nb: str
    description_en: str
    meeting_time: str
    weekday: int | None
    starts: datetime.time | None
    ends: datetime.time | None
    area: Area | None
    contact_point_slug: str
    contact_point_name: str
    office_slug: str
    office_name: str
    contact: Contact
    created_at: datetime.datetime
    updated_at: datetime.datetime
    distance_km: float | None = None

    @property
    def topic_name(self) -> str:
        return localised(self.topic_name_nb, self.topic_name_en)

    @property
    def title(self) -> str:
        return self.own_title or self.topic_name

    @property
    def description(self) -> str:
        return localised(self.description_nb, self.description_en)


@dataclass(frozen=True)
class PublicContactPoint:
    id: int
    slug: str
    name: str
    kind: str
    description_nb: str
    description_en: str
    email: str
    phone: str
    address: str
    website: str
    opening_hours: str
    host_name: str
    office_slug: str
    office_name: str
    area: Area
    served: tuple[tuple[str, str], ...]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    distance_km: float | None = None

    @property
    def description(self) -> str:
        return localised(self.description_nb, self.description_en)


@dataclass(frozen=True)
class PublicOffice:
    id: int
    slug: str
    name: str
    seat: Area
    counties: tuple[tuple[str, str], ...]
    email: str
    phone: str
    address: str
    description_nb: str
    description_en: str

    @property
    def description(self) -> str:
        return localised(self.description_nb, self.description_en)


@dataclass(frozen=True)
class GroupFilters:
    topic: str = ""  # topic slug
    municipality: str = ""  # four-digit number
    county: str = ""  # two-digit number
    format: str = ""
    target: str = ""
    near: Point | None = None
    radius_km: float = DEFAULT_RADIUS_KM
    office: str = ""  # office slug
    contact_point: str = ""  # contact point slug


@dataclass(frozen=True)
class ContactPointFilters:
    municipality: str = ""  # located in or serving
    county: str = ""
    kind: str = ""
    office: str = ""
    near: Point | None = None
    radius_km: float = DEFAULT_RADIUS_KM


@dataclass
class Page:
    """A slice of a result list and where it sits in the whole."""

    items: list[Any]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1


def _last_change(model_label: str) -> Subquery:
    """When the row was last written, from the audit log (every write is audited)."""
    return Subquery(
        AuditEntry.objects.filter(
            target_type=model_label, target_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by()
        .values("target_id")
        .annotate(last=Max("created_at"))
        .values("last")[:1]
    )


def _area(row: dict[str, Any], prefix: str) -> Area | None:
    number = row.get(f"{prefix}number")
    if not number:
        return None
    # Annotations are flat (area_county_number); relations are spelled with "__".
    county = f"{prefix}county__" if prefix.endswith("__") else f"{prefix}county_"
    return Area(
        municipality_number=number,
        municipality_name=row[f"{prefix}name"],
        county_number=row[f"{county}number"],
        county_name=row[f"{county}name"],
        latitude=row[f"{prefix}latitude"],
        longitude=row[f"{prefix}longitude"],
    )


# --- Groups ---------------------------------------------------------------------------------

_GROUP_VALUES = (
    "id",
    "title",
    "format",
    "target",
    "status",
    "description_nb",
    "description_en",
    "meeting_time",
    "meeting_weekday",
    "meeting_starts",
    "meeting_ends",
    "created_at",
    "topic__slug",
    "topic__name_nb",
    "topic__name_en",
    "contact_point__slug",
    "contact_point__name",
    "contact_point__status",
    "contact_point__email",
    "contact_point__phone",
    "contact_point__website",
    "office__slug",
    "office__name",
    "office__email",
    "office__phone",
    "area_number",
    "area_name",
    "area_county_number",
    "area_county_name",
    "area_latitude",
    "area_longitude",
    "last_change",
)


def _groups_queryset(filters: GroupFilters) -> QuerySet[SelfHelpGroup]:
    groups = SelfHelpGroup.objects.public().annotate(
        # Where an in-person group is: its own municipality, else its contact point's.
        area_number=Coalesce("municipality__number", "contact_point__municipality__number"),
        area_name=Coalesce("municipality__name", "contact_point__municipality__name"),
        area_county_number=Coalesce(
            "municipality__county__number", "contact_point__municipality__county__number"
        ),
        area_county_name=Coalesce(
            "municipality__county__name", "contact_point__municipality__county__name"
        ),
        area_latitude=Coalesce("municipality__latitude", "contact_point__municipality__latitude"),
        area_longitude=Coalesce(
            "municipality__longitude", "contact_point__municipality__longitude"
        ),
        last_change=_last_change("groups.selfhelpgroup"),
    )
    if filters.topic:
        groups = groups.filter(topic__slug=filters.topic)
    if filters.format:
        groups = groups.filter(format=filters.format)
    if filters.target:
        groups = groups.filter(target=filters.target)
    if filters.office:
        groups = groups.filter(office__slug=filters.office)
    if filters.contact_point:
        groups = groups.filter(
            contact_point__slug=filters.contact_point, contact_point__status="established"
        )
    if filters.municipality:
        groups = groups.filter(area_number=filters.municipality, format=GroupFormat.IN_PERSON)
    if filters.county:
        groups = groups.filter(area_county_number=filters.county, format=GroupFormat.IN_PERSON)
    if filters.near is not None:
        groups = groups.filter(format=GroupFormat.IN_PERSON, area_number__isnull=False)
    return groups.order_by("topic__name_nb", "id")


def _group(row: dict[str, Any], distance: float | None = None) -> PublicGroup:
    established = row["contact_point__slug"] and row["contact_point__status"] == "established"
    if established:
        contact = Contact(
            name=row["contact_point__name"],
            email=row["contact_point__email"],
            phone=row["contact_point__phone"],
            website=row["contact_point__website"],
        )
    else:
        contact = Contact(
            name=row["office__name"],
            email=row["office__email"],
            phone=row["office__phone"],
            via_office=True,
        )
    in_person = row["format"] == GroupFormat.IN_PERSON
    return PublicGroup(
        id=row["id"],
        own_title=row["title"],
        topic_slug=row["topic__slug"],
        topic_name_nb=row["topic__name_nb"],
        topic_name_en=row["topic__name_en"],
        format=row["format"],
        target=row["target"],
        status=row["status"],
        description_nb=row["description_nb"],
        description_en=row["description_en"],
        meeting_time=row["meeting_time"],
        weekday=row["meeting_weekday"],
        starts=row["meeting_starts"],
        ends=row["meeting_ends"],
        area=_area(row, "area_") if in_person else None,
        contact_point_slug=row["contact_point__slug"] if established else "",
        contact_point_name=row["contact_point__name"] if established else "",
        office_slug=row["office__slug"],
        office_name=row["office__name"],
        contact=contact,
        created_at=row["created_at"],
        updated_at=max(row["created_at"], row["last_change"] or row["created_at"]),
        distance_km=None if distance is None else round(distance, 1),
    )


def _paged(
    queryset: QuerySet[Any],
    values: Iterable[str],
    build: Any,
    near: Point | None,
    radius_km: float,
    page: int,
    per_page: int | None,
) -> Page:
    """Count and slice in SQL; with a point, rank every candidate by distance first (a few
    thousand rows at most, measured against municipality centres)."""
    if near is None:
        total = queryset.count()
        rows = queryset.values(*values)
        if per_page is not None:
            start = (page - 1) * per_page
            rows = rows[start : start + per_page]
        return Page([build(row) for row in rows], total, page, per_page or max(total, 1))
    ranked = []
    for row in queryset.values(*values):
        item = build(row)
        distance = near.km_to(item.area) if item.area is not None else None
        if distance is not None and distance <= radius_km:
            ranked.append((distance, item.id, row))
    ranked.sort(key=lambda entry: entry[:2])
    total = len(ranked)
    if per_page is not None:
        start = (page - 1) * per_page
        ranked = ranked[start : start + per_page]
    return Page(
        [build(row, distance) for distance, _id, row in ranked],
        total,
        page,
        per_page or max(total, 1),
    )


def public_groups(
    filters: GroupFilters | None = None, *, page: int = 1, per_page: int | None = None
) -> Page:
    """Public groups matching ``filters``; ``per_page=None`` gives them all on one page."""
    filters = filters or GroupFilters()
    return _paged(
        _groups_queryset(filters),
        _GROUP_VALUES,
        _group,
        filters.near,
        filters.radius_km,
        page,
        per_page,
    )


def public_group(pk: int) -> PublicGroup | None:
    row = _groups_queryset(GroupFilters()).filter(pk=pk).values(*_GROUP_VALUES).first()
    return None if row is None else _group(row)


# --- Contact points -------------------------------------------------------------------------

_CONTACT_POINT_VALUES = (
    "id",
    "slug",
    "name",
    "kind",
    "description_nb",
    "description_en",
    "email",
    "phone",
    "address",
    "website",
    "opening_hours",
    "created_at",
    "host__name",
    "office__slug",
    "office__name",
    "municipality__number",
    "municipality__name",
    "municipality__county__number",
    "municipality__county__name",
    "municipality__latitude",
    "municipality__longitude",
    "last_change",
)


def _contact_points_queryset(filters: ContactPointFilters) -> QuerySet[ContactPoint]:
    points = ContactPoint.objects.public().annotate(
        last_change=_last_change("network.contactpoint")
    )
    if filters.kind:
        points = points.filter(kind=filters.kind)
    if filters.office:
        points = points.filter(office__slug=filters.office)
    if filters.municipality:
        serving = ContactPoint.municipalities_served.through.objects.filter(
            municipality__number=filters.municipality,
            municipality__valid_to__isnull=True,
        ).values("contactpoint_id")
        points = points.filter(
            Q(municipality__number=filters.municipality) | Q(pk__in=Subquery(serving))
        )
    if filters.county:
        points = points.filter(municipality__county__number=filters.county)
    return points.order_by("name", "id")


def _served(ids: Iterable[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    served: dict[int, list[tuple[str, str]]] = {}
    through = ContactPoint.municipalities_served.through.objects.filter(contactpoint_id__in=ids)
    for cp_id, number, name in through.order_by("municipality__name").values_list(
        "contactpoint_id", "municipality__number", "municipality__name"
    ):
        served.setdefault(cp_id, []).append((number, name))
    return {key: tuple(value) for key, value in served.items()}


def _contact_point(
    row: dict[str, Any],
    distance: float | None = None,
    served: dict[int, tuple[tuple[str, str], ...]] | None = None,
) -> PublicContactPoint:
    area = _area(row, "municipality__")
    assert area is not None  # a contact point always has its municipality
    return PublicContactPoint(
        id=row["id"],
        slug=row["slug"],
        name=row["name"],
        kind=row["kind"],
        description_nb=row["description_nb"],
        description_en=row["description_en"],
        email=row["email"],
        phone=row["phone"],
        address=row["address"],
        website=row["website"],
        opening_hours=row["opening_hours"],
        host_name=row["host__name"] or "",
        office_slug=row["office__slug"],
        office_name=row["office__name"],
        area=area,
        served=(served or {}).get(row["id"], ()),
        created_at=row["created_at"],
        updated_at=max(row["created_at"], row["last_change"] or row["created_at"]),
        distance_km=None if distance is None else round(distance, 1),
    )


def _with_served(page: Page) -> Page:
    served = _served([item.id for item in page.items])
    page.items = [
        PublicContactPoint(**{**item.__dict__, "served": served.get(item.id, ())})
        for item in page.items
    ]
    return page


def public_contact_points(
    filters: ContactPointFilters | None = None, *, page: int = 1, per_page: int | None = None
) -> Page:
    filters = filters or ContactPointFilters()
    return _with_served(
        _paged(
            _contact_points_queryset(filters),
            _CONTACT_POINT_VALUES,
            _contact_point,
            filters.near,
            filters.radius_km,
            page,
            per_page,
        )
    )


def public_contact_point(slug: str) -> PublicContactPoint | None:
    row = (
        _contact_points_queryset(ContactPointFilters())
        .filter(slug=slug)
        .values(*_CONTACT_POINT_VALUES)
        .first()
    )
    if row is None:
        return None
    return _contact_point(row, served=_served([row["id"]]))


# --- Offices ----------------------------------------------------------------------------------


def public_offices(slug: str = "") -> list[PublicOffice]:
    """Every district office (offices are public), with the counties each covers."""
    offices = DistrictOffice.objects.order_by("name")
    if slug:
        offices = offices.filter(slug=slug)
    rows = list(
        offices.values(
            "id",
            "slug",
            "name",
            "email",
            "phone",
            "address",
            "description_nb",
            "description_en",
            "seat__number",
            "seat__name",
            "seat__county__number",
            "seat__county__name",
            "seat__latitude",
            "seat__longitude",
        )
    )
    counties: dict[int, list[tuple[str, str]]] = {}
    for office_id, number, name in (
        OfficeCounty.objects.filter(office_id__in=[r["id"] for r in rows])
        .order_by("county__number")
        .values_list("office_id", "county__number", "county__name")
    ):
        counties.setdefault(office_id, []).append((number, name))
    result = []
    for row in rows:
        seat = _area(row, "seat__")
        assert seat is not None
        result.append(
            PublicOffice(
                id=row["id"],
                slug=row["slug"],
                name=row["name"],
                seat=seat,
                counties=tuple(counties.get(row["id"], [])),
                email=row["email"],
                phone=row["phone"],
                address=row["address"],
                description_nb=row["description_nb"],
                description_en=row["description_en"],
            )
        )
    return result


def public_topics() -> list[Topic]:
    return list(Topic.objects.order_by("name_nb"))


@dataclass(frozen=True)
class Snapshot:
    """Everything public at one moment, for the open data files and the HSDS export."""

    groups: list[PublicGroup] = field(default_factory=list)
    contact_points: list[PublicContactPoint] = field(default_factory=list)
    offices: list[PublicOffice] = field(default_factory=list)
    taken_at: datetime.datetime = field(default_factory=timezone.now)


def snapshot() -> Snapshot:
    return Snapshot(
        groups=public_groups().items,
        contact_points=public_contact_points().items,
        offices=public_offices(),
    )
