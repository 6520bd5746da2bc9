"""Builds the engine's plain input from the database: a handful of flat queries, no
model instances (100,000 waiting interests must load in well under a second)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings

from knutepunkt.geo.models import Municipality
from knutepunkt.groups.models import Topic
from knutepunkt.interests.crypto import topic_hashes
from knutepunkt.interests.formation.engine import (
    IN_PERSON,
    ONLINE,
    PHONE,
    Parameters,
    Place,
    StarterCandidate,
    StarterPoint,
    WaitingInterest,
)
from knutepunkt.interests.models import GroupProposalMember, Interest, InterestStatus
from knutepunkt.network.models import ContactPoint, OfficeCounty
from knutepunkt.starters.models import Starter

DEFAULT_THRESHOLD = 5
DEFAULT_TRAVEL_KM = 50.0
DEFAULT_MAX_GROUP_SIZE = 10


def formation_parameters() -> Parameters:
    """Settings ``INTEREST_FORMATION_THRESHOLD``, ``INTEREST_TRAVEL_KM`` and
    ``INTEREST_MAX_GROUP_SIZE`` (defaults 5, 50 km, 10)."""
    threshold = int(getattr(settings, "INTEREST_FORMATION_THRESHOLD", DEFAULT_THRESHOLD))
    return Parameters(
        threshold=threshold,
        travel_km=float(getattr(settings, "INTEREST_TRAVEL_KM", DEFAULT_TRAVEL_KM)),
        max_group_size=max(
            threshold, int(getattr(settings, "INTEREST_MAX_GROUP_SIZE", DEFAULT_MAX_GROUP_SIZE))
        ),
    )


@dataclass(frozen=True)
class EngineInput:
    interests: list[WaitingInterest]
    places: list[Place]
    starters: list[StarterCandidate]
    excluded: frozenset[int]
    county_offices: dict[str, int]
    parameters: Parameters


def _waiting_interests(topic_ids: Collection[int] | None) -> list[WaitingInterest]:
    """The stored topic is encrypted: its keyed hash is mapped back to the topic id (the
    hashes of the few topics are computed here; a hash of no known topic is left out)."""
    topic_of = topic_hashes(
        topic_ids if topic_ids is not None else Topic.objects.values_list("pk", flat=True)
    )
    rows = Interest.objects.filter(status=InterestStatus.WAITING)
    if topic_ids is not None:
        rows = rows.filter(topic_hash__in=list(topic_of))
    result = []
    for pk, hashed, number, lat, lon, county, in_person, phone, online, target in rows.order_by(
        "pk"
    ).values_list(
        "pk",
        "topic_hash",
        "municipality__number",
        "municipality__latitude",
        "municipality__longitude",
        "municipality__county__number",
        "accepts_in_person",
        "accepts_phone",
        "accepts_online",
        "for_whom",
    ):
        topic = topic_of.get(hashed)
        if topic is None:
            continue
        formats = frozenset(
            fmt for fmt, ok in ((IN_PERSON, in_person), (PHONE, phone), (ONLINE, online)) if ok
        )
        result.append(WaitingInterest(pk, topic, number, lat, lon, county, formats, target))
    return result


def _places() -> list[Place]:
    """Established contact points and meeting places: where a group can meet."""
    return [
        Place(pk, number, lat, lon, office)
        for pk, number, lat, lon, office in ContactPoint.objects.public().values_list(
            "pk",
            "municipality__number",
            "municipality__latitude",
            "municipality__longitude",
            "office_id",
        )
    ]


def _starters(topic_ids: Collection[int] | None) -> list[StarterCandidate]:
    """Starters who agreed to be contacted, with their topics and the municipalities they
    can serve (their home municipality when they named none)."""
    consenting = Starter.objects.filter(consent_to_contact=True)
    topics: dict[int, set[int]] = defaultdict(set)
    topic_rows = Starter.topics.through.objects.filter(starter__in=consenting)
    if topic_ids is not None:
        topic_rows = topic_rows.filter(topic_id__in=topic_ids)
    for starter_id, topic_id in topic_rows.values_list("starter_id", "topic_id"):
        topics[starter_id].add(topic_id)
    if not topics:
        return []
    points: dict[int, list[StarterPoint]] = defaultdict(list)
    for starter_id, number, lat, lon in Starter.municipalities.through.objects.filter(
        starter_id__in=topics
    ).values_list(
        "starter_id", "municipality__number", "municipality__latitude", "municipality__longitude"
    ):
        points[starter_id].append(StarterPoint(number, lat, lon))
    homes = Starter.objects.filter(pk__in=topics, home_municipality__isnull=False).values_list(
        "pk", "office_id", "home_municipality_id"
    )
    office_of = dict(Starter.objects.filter(pk__in=topics).values_list("pk", "office_id"))
    home_points = {
        m.pk: StarterPoint(m.number, m.latitude, m.longitude)
        for m in Municipality.objects.filter(pk__in=[home for _pk, _o, home in homes])
    }
    for pk, _office, home in homes:
        if not points[pk]:
            points[pk].append(home_points[home])
    return [
        StarterCandidate(
            pk, frozenset(topics[pk]), tuple(points[pk]), True, office=office_of.get(pk)
        )
        for pk in sorted(topics)
    ]


def _county_offices() -> dict[str, int]:
    return dict(OfficeCounty.objects.values_list("county__number", "office_id"))


def load_engine_input(*, topic_ids: Collection[int] | None = None) -> EngineInput:
    """Everything the engine needs; only ``topic_ids`` when given (the engine treats each
    topic on its own, so a run for one topic gives the same result for that topic)."""
    excluded = frozenset(
        GroupProposalMember.objects.filter(open=True).values_list("interest_id", flat=True)
    )
    return EngineInput(
        interests=_waiting_interests(topic_ids),
        places=_places(),
        starters=_starters(topic_ids),
        excluded=excluded,
        county_offices=_county_offices(),
        parameters=formation_parameters(),
    )
