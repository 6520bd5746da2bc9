"""The group formation engine: who waits for what, where, and is there enough of them.

Pure Python on purpose (no Django): it is fed plain data by ``loader.py``, can be
property-tested in isolation and benchmarked without a database.

The rules, per (topic, for whom):

1. **In person.** A place's *reachable set* is the waiting interests that accept meeting in
   person and whose municipality point lies within ``travel_km`` of the place. The place
   with the largest reachable set (ties: the nearest average distance, then the lowest id)
   gets a proposal with up to ``max_group_size`` of them, closest first (then those who
   have waited longest); they are removed and this repeats while some set reaches the
   threshold.
2. **Phone or online.** People left over who accept phone or online: first within a county,
   then nationally, while at least ``threshold`` of them accept one format, the format most
   of them accept is proposed (ties: phone, as the long distances of Northern Norway are
   why phone groups exist), for those who accept it, split into groups of at most
   ``max_group_size`` and never below the threshold.

For speed everything works on *locations* (distinct municipality points), not on pairs of
people: the location × place distances are computed once, interests are bucketed by
(topic, location), and the places' reachable counts are kept up to date incrementally
with a lazily refreshed heap.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

IN_PERSON = "in_person"
PHONE = "phone"
ONLINE = "online"
REMOTE_FORMATS = (PHONE, ONLINE)  # order = preference on a tie
AFFECTED = "affected"

EARTH_RADIUS_KM = 6371.0088
_KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (the same formula as ``geo.distance``)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class WaitingInterest:
    id: int
    topic: int
    municipality: str
    lat: float
    lon: float
    county: str
    formats: frozenset[str]
    target: str = AFFECTED


@dataclass(frozen=True, slots=True)
class Place:
    """A contact point or meeting place where an in-person group can meet."""

    id: int
    municipality: str
    lat: float
    lon: float
    office: int | None = None


@dataclass(frozen=True, slots=True)
class StarterPoint:
    municipality: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class StarterCandidate:
    id: int
    topics: frozenset[int]
    points: tuple[StarterPoint, ...]  # the municipalities they can serve
    consent: bool
    office: int | None = None  # a group's starter comes from the group's own office


@dataclass(frozen=True, slots=True)
class Parameters:
    threshold: int = 5
    travel_km: float = 50.0
    max_group_size: int = 10

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise ValueError("threshold must be at least 1")
        if self.max_group_size < self.threshold:
            raise ValueError("max_group_size must be at least the threshold")
        if self.travel_km < 0:
            raise ValueError("travel_km cannot be negative")


@dataclass(frozen=True, slots=True)
class Proposal:
    topic: int
    target: str
    format: str
    members: tuple[int, ...]
    place: int | None = None  # in person only
    county: str | None = None  # phone/online within one county; None = national
    office: int | None = None
    starters: tuple[int, ...] = ()
    max_distance_km: float | None = None  # in person: the furthest member's distance


@dataclass
class _Geometry:
    """Locations (distinct municipality points) and which places each can reach."""

    loc_index: dict[tuple[str, float, float], int] = field(default_factory=dict)
    loc_places: list[list[tuple[int, float]]] = field(default_factory=list)  # loc → (place, km)
    place_locs: list[list[tuple[float, int]]] = field(default_factory=list)  # place → (km, loc)

    def location(self, municipality: str, lat: float, lon: float) -> int:
        key = (municipality, lat, lon)
        index = self.loc_index.get(key)
        if index is None:
            index = self.loc_index[key] = len(self.loc_index)
        return index


def _reachability(geometry: _Geometry, places: list[Place], travel_km: float) -> None:
    """Fill the location ↔ place distance lists (only pairs within ``travel_km``)."""
    locations = sorted(geometry.loc_index.items(), key=lambda item: item[1])
    geometry.loc_places = [[] for _ in locations]
    geometry.place_locs = [[] for _ in places]
    max_dlat = travel_km / _KM_PER_DEGREE_LAT + 1e-9
    by_lat = sorted(((key[1], key[2], idx) for key, idx in locations))
    lats = [row[0] for row in by_lat]
    for p_index, place in enumerate(places):
        lo = bisect_left(lats, place.lat - max_dlat)
        hi = bisect_right(lats, place.lat + max_dlat)
        for lat, lon, loc in by_lat[lo:hi]:
            km = haversine_km(place.lat, place.lon, lat, lon)
            if km <= travel_km:
                geometry.loc_places[loc].append((p_index, km))
                geometry.place_locs[p_index].append((km, loc))
    for entries in geometry.place_locs:
        entries.sort()


def form_groups(
    interests: Iterable[WaitingInterest],
    places: Iterable[Place],
    starters: Iterable[StarterCandidate] = (),
    *,
    parameters: Parameters | None = None,
    excluded: Iterable[int] = (),
    county_offices: Mapping[str, int] | None = None,
) -> list[Proposal]:
    """Proposals for the waiting ``interests``; ids in ``excluded`` (people already in an
    open proposal) are left alone. Deterministic for the same input."""
    params = parameters or Parameters()
    county_offices = county_offices or {}
    excluded_ids = frozenset(excluded)
    place_list = sorted(places, key=lambda p: p.id)
    geometry = _Geometry()

    # (topic, target) → location → [interest ids], ids ascending (who waited longest first).
    in_person: dict[tuple[int, str], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    by_id: dict[int, WaitingInterest] = {}
    for interest in interests:
        if interest.id in excluded_ids or interest.id in by_id:
            continue
        by_id[interest.id] = interest
        if IN_PERSON in interest.formats:
            loc = geometry.location(interest.municipality, interest.lat, interest.lon)
            in_person[(interest.topic, interest.target)][loc].append(interest.id)
    # Starters' municipalities become locations too, before the distances are computed.
    starter_index = _StarterIndex(sorted(starters, key=lambda s: s.id), geometry, place_list)
    _reachability(geometry, place_list, params.travel_km)

    proposals: list[Proposal] = []
    placed: set[int] = set()
    for key in sorted(in_person):
        buckets = in_person[key]
        for bucket in buckets.values():
            bucket.sort()
        proposals.extend(_in_person_for_topic(key, buckets, place_list, geometry, params, placed))

    remote: dict[tuple[int, str], list[WaitingInterest]] = defaultdict(list)
    for interest in sorted(by_id.values(), key=lambda i: i.id):
        if interest.id not in placed and (interest.formats & {PHONE, ONLINE}):
            remote[(interest.topic, interest.target)].append(interest)
    for key in sorted(remote):
        proposals.extend(_remote_for_topic(key, remote[key], params, county_offices))

    return [replace(p, starters=starter_index.fitting(p)) for p in proposals]


def _in_person_for_topic(
    key: tuple[int, str],
    buckets: dict[int, list[int]],
    places: list[Place],
    geometry: _Geometry,
    params: Parameters,
    placed: set[int],
) -> list[Proposal]:
    topic, target = key
    remaining = {loc: len(ids) for loc, ids in buckets.items()}
    taken_upto = dict.fromkeys(buckets, 0)
    count: dict[int, int] = defaultdict(int)
    weighted: dict[int, float] = defaultdict(float)
    for loc, n in remaining.items():
        for p_index, km in geometry.loc_places[loc]:
            count[p_index] += n
            weighted[p_index] += n * km
    version = dict.fromkeys(count, 0)
    heap = [
        (-n, weighted[p] / n, places[p].id, p, 0) for p, n in count.items() if n >= params.threshold
    ]
    heapq.heapify(heap)
    result: list[Proposal] = []
    while heap:
        _neg, _avg, _pid, p_index, seen = heapq.heappop(heap)
        n = count[p_index]
        if n < params.threshold:
            continue
        if seen != version[p_index]:
            heapq.heappush(
                heap, (-n, weighted[p_index] / n, places[p_index].id, p_index, version[p_index])
            )
            continue
        members: list[int] = []
        furthest = 0.0
        for km, loc in geometry.place_locs[p_index]:
            left = remaining.get(loc, 0)
            if not left:
                continue
            k = min(left, params.max_group_size - len(members))
            start = taken_upto[loc]
            members.extend(buckets[loc][start : start + k])
            taken_upto[loc] = start + k
            remaining[loc] = left - k
            furthest = km
            for other, other_km in geometry.loc_places[loc]:
                count[other] -= k
                weighted[other] -= k * other_km
                version[other] += 1
            if len(members) >= params.max_group_size:
                break
        placed.update(members)
        place = places[p_index]
        result.append(
            Proposal(
                topic=topic,
                target=target,
                format=IN_PERSON,
                members=tuple(members),
                place=place.id,
                office=place.office,
                max_distance_km=round(furthest, 3),
            )
        )
        if count[p_index] >= params.threshold:
            n = count[p_index]
            heapq.heappush(heap, (-n, weighted[p_index] / n, place.id, p_index, version[p_index]))
    return result


def _split(ids: list[int], params: Parameters) -> list[list[int]]:
    """Near-equal groups of at most ``max_group_size``, none below the threshold (people
    that do not fit stay waiting)."""
    n = len(ids)
    groups = min(-(-n // params.max_group_size), n // params.threshold)
    if groups <= 0:
        return []
    size, extra = divmod(n, groups)
    chunks, start = [], 0
    for index in range(groups):
        length = min(size + (1 if index < extra else 0), params.max_group_size)
        chunks.append(ids[start : start + length])
        start += length
    return chunks


def _remote_groups(
    pool: list[WaitingInterest], params: Parameters, taken: set[int]
) -> list[tuple[str, list[int]]]:
    """(format, members) for one pool, most-accepted format first, repeated while any
    format still has enough people."""
    result: list[tuple[str, list[int]]] = []
    while True:
        candidates = {
            fmt: [i.id for i in pool if i.id not in taken and fmt in i.formats]
            for fmt in REMOTE_FORMATS
        }
        fmt = max(REMOTE_FORMATS, key=lambda f: (len(candidates[f]), -REMOTE_FORMATS.index(f)))
        if len(candidates[fmt]) < params.threshold:
            return result
        for chunk in _split(candidates[fmt], params):
            taken.update(chunk)
            result.append((fmt, chunk))


def _remote_for_topic(
    key: tuple[int, str],
    pool: list[WaitingInterest],
    params: Parameters,
    county_offices: Mapping[str, int],
) -> list[Proposal]:
    topic, target = key
    taken: set[int] = set()
    result: list[Proposal] = []
    by_county: dict[str, list[WaitingInterest]] = defaultdict(list)
    for interest in pool:
        by_county[interest.county].append(interest)
    for county in sorted(by_county):
        for fmt, members in _remote_groups(by_county[county], params, taken):
            result.append(
                Proposal(
                    topic=topic,
                    target=target,
                    format=fmt,
                    members=tuple(members),
                    county=county,
                    office=county_offices.get(county),
                )
            )
    for fmt, members in _remote_groups(pool, params, taken):
        result.append(
            Proposal(
                topic=topic,
                target=target,
                format=fmt,
                members=tuple(members),
                office=_majority_office(members, pool, county_offices),
            )
        )
    return result


def _majority_office(
    members: list[int], pool: list[WaitingInterest], county_offices: Mapping[str, int]
) -> int | None:
    """A national group belongs to the office covering most of its members."""
    wanted = set(members)
    tally: dict[int, int] = defaultdict(int)
    for interest in pool:
        office = county_offices.get(interest.county)
        if interest.id in wanted and office is not None:
            tally[office] += 1
    if not tally:
        return None
    return min(tally, key=lambda office: (-tally[office], office))


class _StarterIndex:
    """Which consenting starters fit a proposal: by topic, then by reach."""

    def __init__(
        self, starters: list[StarterCandidate], geometry: _Geometry, places: list[Place]
    ) -> None:
        self.geometry = geometry
        self.place_index = {place.id: index for index, place in enumerate(places)}
        self.by_topic: dict[int, list[StarterCandidate]] = defaultdict(list)
        self.locs: dict[int, list[int]] = {}
        for starter in starters:
            if not starter.consent:
                continue
            for topic in starter.topics:
                self.by_topic[topic].append(starter)
            self.locs[starter.id] = [
                geometry.location(p.municipality, p.lat, p.lon) for p in starter.points
            ]
        self._reachable: dict[int, set[int]] = {}

    def reachable(self, place_id: int) -> set[int]:
        found = self._reachable.get(place_id)
        if found is None:
            entries = self.geometry.place_locs[self.place_index[place_id]]
            found = self._reachable[place_id] = {loc for _km, loc in entries}
        return found

    def fitting(self, proposal: Proposal) -> tuple[int, ...]:
        """Consenting starters for the topic who can reach the place (in person), serve
        the county (a county phone/online group) or anyone (a national group)."""
        result = []
        for starter in self.by_topic.get(proposal.topic, ()):
            if None not in (starter.office, proposal.office) and starter.office != proposal.office:
                continue
            if proposal.place is not None:
                reachable = self.reachable(proposal.place)
                ok = any(loc in reachable for loc in self.locs[starter.id])
            elif proposal.county is not None:
                ok = any(p.municipality[:2] == proposal.county for p in starter.points)
            else:
                ok = True
            if ok:
                result.append(starter.id)
        return tuple(result)
