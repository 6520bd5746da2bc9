"""The "Find help" ranking as the database computed it before the in-memory index
(knutepunkt.groups.index): the reference the index's answers are compared with, on the
same data (test_find_index.py). Kept only for that test; not used by the application.
Later rules of the find page (a contact point with no way in sends people to the office;
each hit links to the group's page) are followed here too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, F, FloatField, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from knutepunkt.core.i18n import LocalizedText, localized_text
from knutepunkt.geo.distance import haversine_km
from knutepunkt.geo.places import Place
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, SelfHelpGroup, Topic
from knutepunkt.groups.search import ParsedQuery, TopicText, matching_topic_ids
from knutepunkt.network.models import ContactPoint, ContactPointKind, DistrictOffice

IN_PERSON_LIMIT = 20
REMOTE_LIMIT = 30
NEARBY_CONTACT_POINTS = 3

# --- Results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """How to get in touch: always an organisation, never a group member."""

    name: str
    email: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    via_office: bool = False


@dataclass(frozen=True)
class GroupHit:
    # The title and the topic name, each with the language it is in: a group's own title
    # is bokmål, a topic name falls back to bokmål where it has no translation.
    title: LocalizedText
    topic: LocalizedText
    where: str
    format_label: str
    target_label: str
    status_label: str
    forming: bool
    meeting_time: str
    distance_label: str
    contact: Contact
    # Beyond the travel distance (INTEREST_TRAVEL_KM) from the place searched for.
    far: bool = False
    url: str = ""


@dataclass(frozen=True)
class ContactPointHit:
    name: str
    kind_label: str
    where: str
    distance_label: str
    serves_place: bool
    address: str
    opening_hours: str
    contact: Contact
    url: str = ""


@dataclass
class FindResults:
    place: Place | None
    query: ParsedQuery
    # In-person groups within the travel distance of the place (all of them, without a
    # place), nearest first; those farther away come last, after the groups by phone or
    # online and the offer to register interest: someone with nothing near is not sent
    # across the country first.
    in_person: list[GroupHit] = field(default_factory=list)
    remote: list[GroupHit] = field(default_factory=list)
    far_in_person: list[GroupHit] = field(default_factory=list)
    contact_points: list[ContactPointHit] = field(default_factory=list)
    office: Contact | None = None

    @property
    def has_groups(self) -> bool:
        return bool(self.in_person or self.remote or self.far_in_person)

    @property
    def nothing_near(self) -> bool:
        """A place was given, and no group meets in person within the travel distance."""
        return self.place is not None and not self.in_person

    @property
    def travel_km(self) -> int:
        return int(settings.INTEREST_TRAVEL_KM)

    @property
    def serving_contact_points(self) -> list[ContactPointHit]:
        return [c for c in self.contact_points if c.serves_place]

    @property
    def other_contact_points(self) -> list[ContactPointHit]:
        return [c for c in self.contact_points if not c.serves_place]


def find_help(*, query: ParsedQuery, place: Place | None) -> FindResults:
    """Everything the finder shows for a query near a place (or anywhere: place None)."""
    results = FindResults(place=place, query=query)
    groups = _matching_groups(query)
    in_person = _in_person(groups, place)
    results.in_person = [hit for hit in in_person if not hit.far]
    results.far_in_person = [hit for hit in in_person if hit.far]
    results.remote = _remote(groups)
    if place is not None:
        results.contact_points = _contact_points(place)
        results.office = _office(place)
    return results


def _matching_groups(query: ParsedQuery) -> QuerySet[SelfHelpGroup]:
    groups = SelfHelpGroup.objects.public()
    if query.relatives:
        groups = groups.filter(target=GroupTarget.RELATIVES)
    if not query.terms:
        return groups
    topics = [
        TopicText(*row)
        for row in Topic.objects.values_list("id", "name_nb", "name_en", "synonyms", "name_nn")
    ]
    text_match = (
        _postgres_text_match(groups, query)
        if connection.vendor == "postgresql"
        else _simple_text_match(query)
    )
    return groups.filter(Q(topic_id__in=matching_topic_ids(query, topics)) | text_match)


def _postgres_text_match(groups: QuerySet[SelfHelpGroup], query: ParsedQuery) -> Q:
    """Full-text search with the ``norwegian`` configuration over topic names, topic
    search words and the group's own title and description; each word as a prefix.

    Run once, here, over the public groups only: as a subquery it would be computed again
    for the in-person and the remote list (each ~60 ms with 5,000 groups)."""
    combined: SearchQuery | None = None
    for alternatives in query.fts_words():
        term: SearchQuery | None = None
        for word in alternatives:
            part = SearchQuery(f"{word}:*", search_type="raw", config="norwegian")
            term = part if term is None else term | part
        if term is not None:
            combined = term if combined is None else combined & term
    if combined is None:
        return Q(pk__in=[])
    vector = SearchVector(
        "topic__name_nb",
        "topic__name_nn",
        "topic__name_en",
        "topic__synonyms",
        "title",
        "description_nb",
        "description_nn",
        "description_en",
        config="norwegian",
    )
    ids = list(
        groups.annotate(document=vector).filter(document=combined).values_list("pk", flat=True)
    )
    return Q(pk__in=ids)


def _simple_text_match(query: ParsedQuery) -> Q:
    """SQLite: every word (or one of its alternatives) somewhere in the group's text."""
    condition = Q()
    for alternatives in query.fts_words():
        term = Q(pk__in=[])
        for word in alternatives:
            for name in ("title", "description_nb", "description_nn", "description_en"):
                term |= Q(**{f"{name}__icontains": word})
        condition &= term
    return condition


_GROUP_FIELDS = (
    "id",
    "title",
    "format",
    "target",
    "status",
    "meeting_time",
    "topic__name_nb",
    "topic__name_en",
    "contact_point__name",
    "contact_point__status",
    "contact_point__email",
    "contact_point__phone",
    "contact_point__website",
    "office__name",
    "office__email",
    "office__phone",
)


def _in_person(groups: QuerySet[SelfHelpGroup], place: Place | None) -> list[GroupHit]:
    located = groups.filter(format=GroupFormat.IN_PERSON).annotate(
        place_name=Coalesce("municipality__name", "contact_point__municipality__name"),
        lat=Coalesce("municipality__latitude", "contact_point__municipality__latitude"),
        lon=Coalesce("municipality__longitude", "contact_point__municipality__longitude"),
    )
    if place is None:
        rows = located.order_by("place_name", "topic__name_nb", "id").values(
            *_GROUP_FIELDS, "place_name", "lat", "lon"
        )[:IN_PERSON_LIMIT]
        return [_group_hit(row, None) for row in rows]
    # Order in SQL by a flat-earth approximation, then refine with the true distance.
    squeeze = math.cos(math.radians(place.latitude)) ** 2
    d_lat = F("lat") - Value(place.latitude, output_field=FloatField())
    d_lon = F("lon") - Value(place.longitude, output_field=FloatField())
    nearest = (
        located.annotate(
            d2=d_lat * d_lat + d_lon * d_lon * Value(squeeze, output_field=FloatField())
        )
        .order_by("d2", "id")
        .values(*_GROUP_FIELDS, "place_name", "lat", "lon")[: IN_PERSON_LIMIT * 2]
    )
    scored = []
    for row in nearest:
        km = haversine_km(place.latitude, place.longitude, row["lat"], row["lon"])
        scored.append((round(km), row["status"] != GroupStatus.OPEN, row["id"], row))
    scored.sort(key=lambda item: item[:3])
    return [_group_hit(row, km) for km, _open, _id, row in scored[:IN_PERSON_LIMIT]]


def _is_far(km: int | None) -> bool:
    return km is not None and km > settings.INTEREST_TRAVEL_KM


def _remote(groups: QuerySet[SelfHelpGroup]) -> list[GroupHit]:
    rows = (
        groups.filter(format__in=[GroupFormat.PHONE, GroupFormat.ONLINE])
        .order_by("topic__name_nb", "id")
        .values(*_GROUP_FIELDS)[:REMOTE_LIMIT]
    )
    return [_group_hit(row, None) for row in rows]


def _distance_label(km: int | None) -> str:
    if km is None:
        return ""
    if km < 1:
        return _("In your municipality")
    return _("%(km)s km away") % {"km": number_format(km, force_grouping=True)}


def _group_hit(row: dict[str, Any], km: int | None) -> GroupHit:
    topic = localized_text(row, "topic__name")
    reachable = any(row[f"contact_point__{field}"] for field in ("email", "phone", "website"))
    # A contact point with no way in sends people to the district office instead.
    if row["contact_point__name"] and row["contact_point__status"] == "established" and reachable:
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
    if row["format"] == GroupFormat.IN_PERSON:
        where = row.get("place_name") or ""
    else:
        where = str(GroupFormat(row["format"]).label)
    return GroupHit(
        title=LocalizedText(row["title"], "nb") if row["title"] else topic,
        topic=topic,
        where=where,
        format_label=str(GroupFormat(row["format"]).label),
        target_label=str(GroupTarget(row["target"]).label),
        status_label=str(GroupStatus(row["status"]).label),
        forming=row["status"] == GroupStatus.FORMING,
        meeting_time=row["meeting_time"],
        distance_label=_distance_label(km),
        contact=contact,
        far=_is_far(km),
        url=reverse("find:group", kwargs={"group_id": row["id"]}),
    )


def _contact_points(place: Place) -> list[ContactPointHit]:
    """Those serving the municipality, then the nearest few others."""
    serving = ContactPoint.municipalities_served.through.objects.filter(
        contactpoint_id=OuterRef("pk"), municipality__number=place.number
    )
    rows = (
        ContactPoint.objects.public()
        .annotate(serves=Exists(serving))
        .values(
            "name",
            "slug",
            "kind",
            "address",
            "opening_hours",
            "email",
            "phone",
            "website",
            "serves",
            "municipality__name",
            "municipality__latitude",
            "municipality__longitude",
        )
    )
    scored = []
    for row in rows:
        km = round(
            haversine_km(
                place.latitude,
                place.longitude,
                row["municipality__latitude"],
                row["municipality__longitude"],
            )
        )
        scored.append((not row["serves"], km, row["name"], row))
    scored.sort(key=lambda item: item[:3])
    serving_hits = [_contact_point_hit(row, km) for (_, km, _, row) in scored if row["serves"]]
    others = [_contact_point_hit(row, km) for (_, km, _, row) in scored if not row["serves"]]
    return serving_hits + others[:NEARBY_CONTACT_POINTS]


def _contact_point_hit(row: dict[str, Any], km: int) -> ContactPointHit:
    return ContactPointHit(
        name=row["name"],
        kind_label=str(ContactPointKind(row["kind"]).label),
        where=row["municipality__name"],
        distance_label=_distance_label(km),
        serves_place=row["serves"],
        address=row["address"],
        opening_hours=row["opening_hours"],
        contact=Contact(
            name=row["name"], email=row["email"], phone=row["phone"], website=row["website"]
        ),
        url=reverse("directory:contact_point", kwargs={"slug": row["slug"]}),
    )


def _office(place: Place) -> Contact | None:
    """The district office covering the place's county (through OfficeCounty)."""
    row = (
        DistrictOffice.objects.filter(
            officecounty__county__number=place.county_number,
            officecounty__county__valid_to__isnull=True,
        )
        .values("name", "email", "phone", "address")
        .first()
    )
    if row is None:
        return None
    return Contact(
        name=row["name"],
        email=row["email"],
        phone=row["phone"],
        address=row["address"],
        via_office=True,
    )
