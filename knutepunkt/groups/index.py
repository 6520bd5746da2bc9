"""The public network in memory: every public group, topic and established contact point,
and the district office of each county, read in a handful of queries and kept per
process, so that the "Find help" page and the directory answer any request without
asking the database.

It is small (thousands of rows) and changes a few times a day. Every write to what it
holds (groups, topics, contact points and the municipalities they serve, offices and the
counties they cover) bumps :func:`index_version`, a value in the Django cache shared by
the processes (signals in :mod:`knutepunkt.groups.apps`: services, the admin and data
loading all save through the ORM); a geography change bumps the places version it also
depends on. Each process rebuilds its copy on the next request after a change. When the
Django cache is local to the process (no Redis), a copy is also rebuilt after
``PUBLIC_CACHE_SECONDS``, as long as a cached page may be stale there anyway.

What a search needs is precomputed here:

* topic → public groups (and the text of each group for the free-text part of a search:
  on PostgreSQL the lexemes of the ``norwegian`` text-search configuration, read from the
  database itself so that matching is exactly what a full-text query would do; elsewhere
  the text as SQLite's ``LIKE`` compares it);
* the municipality each in-person group meets in, and per searched municipality the
  distances to all of them (computed once per municipality and kept);
* contact points with the municipalities they serve, and the office of each county.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Func, TextField
from django.db.models.functions import Coalesce

from knutepunkt.core.i18n import LocalizedText, localized_text
from knutepunkt.geo.distance import haversine_km
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import Place, places_version
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, SelfHelpGroup, Topic
from knutepunkt.groups.search import TopicText
from knutepunkt.network.models import ContactPoint, ContactPointKind, OfficeCounty

T = TypeVar("T")

_VERSION_KEY = "groups:index:version"
TEXT_SEARCH_CONFIG = "norwegian"
_MAX_WORDS = 20000

_lock = threading.RLock()
_generation = 0
_index: FindIndex | None = None


# --- What is kept ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contact:
    """How to get in touch: always an organisation, never a group member."""

    name: str
    email: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    via_office: bool = False


@dataclass(frozen=True, slots=True)
class IndexedTopic:
    id: int
    name_nb: str
    name_nn: str
    name_en: str
    rank: int  # position in the database's order of names

    def name(self, language: str) -> LocalizedText:
        """The name in a content language (nb, nn, en), bokmål where it has none."""
        return localized_text(self, "name", language)


@dataclass(frozen=True, slots=True)
class IndexedGroup:
    """A public group as the public pages show it (no member is ever known here)."""

    id: int
    topic: IndexedTopic
    title: str
    format: str
    target: str
    status: str
    meeting_time: str
    municipality_id: int | None
    contact_point_id: int | None
    # Where an in-person group meets: its own municipality, else its contact point's.
    location: int | None
    place_name: str
    contact: Contact  # its contact point when established, else its district office
    contact_point_name: str
    place_rank: int  # position in the database's order of (place name, topic name, id)

    @property
    def in_person(self) -> bool:
        return self.format == GroupFormat.IN_PERSON

    @property
    def open(self) -> bool:
        return self.status == GroupStatus.OPEN


@dataclass(frozen=True, slots=True)
class IndexedContactPoint:
    id: int
    name: str
    slug: str
    kind: str
    office_id: int
    host_name: str
    address: str
    opening_hours: str
    email: str
    phone: str
    website: str
    municipality_id: int
    municipality_name: str
    latitude: float
    longitude: float
    office_slug: str
    office_name: str
    description_nb: str
    description_nn: str
    description_en: str
    served_ids: frozenset[int]
    served_numbers: frozenset[str]
    served: tuple[tuple[str, str], ...]  # (number, name) of the municipalities served, by name

    @property
    def kind_label(self) -> str:
        return str(ContactPointKind(self.kind).label)


@dataclass(frozen=True, slots=True)
class IndexedOffice:
    id: int
    slug: str
    name: str
    email: str
    phone: str
    address: str


@dataclass
class PlaceDistances:
    """Everything measured from one searched municipality."""

    d2: dict[int, float]  # flat-earth squared distance to each location (for ordering)
    km: dict[int, int]  # rounded great-circle kilometres to each location
    locations: list[int]  # locations nearest first (by d2, then id)
    # Contact points: serving the place first, then by distance and name (with km).
    contact_points: list[tuple[IndexedContactPoint, int, bool]]


@dataclass
class FindIndex:
    token: str
    built_at: float
    postgres: bool
    groups: dict[int, IndexedGroup]
    topics: list[TopicText]
    by_topic: dict[int, frozenset[int]]
    relatives: frozenset[int]
    in_person_by_place: list[IndexedGroup]  # database order of (place, topic, id)
    remote_by_topic: list[IndexedGroup]  # database order of (topic, id)
    by_location: dict[int, list[IndexedGroup]]  # in-person groups by municipality, by id
    # Positions in the two orderings, and where each in-person group meets, by group id:
    # picking the first results among a few thousand matches stays a loop over ints.
    remote_position: dict[int, int]
    in_person_position: dict[int, int]
    in_person_location: dict[int, int]
    locations: dict[int, tuple[float, float]]
    by_municipality: dict[int, list[IndexedGroup]]  # own municipality, any format
    by_contact_point: dict[int, list[IndexedGroup]]
    contact_points: list[IndexedContactPoint]  # by name
    contact_point_by_slug: dict[str, IndexedContactPoint]
    contact_points_at: dict[int, list[IndexedContactPoint]]  # located in or serving, by name
    office_by_county: dict[str, IndexedOffice]  # current county number → its office
    municipalities: dict[str, IndexedMunicipality]  # current, by number
    # Free text: PostgreSQL lexemes (sorted, with the groups and topics using each) or,
    # elsewhere, each group's text as SQLite's case-insensitive LIKE sees it.
    lexemes: list[str] = field(default_factory=list)
    lexeme_groups: list[tuple[int, ...]] = field(default_factory=list)
    lexeme_topics: list[tuple[int, ...]] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)
    words: dict[str, str | None] = field(default_factory=dict)
    _places: dict[str, PlaceDistances] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict)

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """Something computed from what the index holds (a page's coverage map data),
        kept with this copy of the index."""
        if name not in self._derived:
            self._derived[name] = build()
        value: T = self._derived[name]
        return value

    def topic_rank(self, group: IndexedGroup) -> tuple[int, int]:
        return (group.topic.rank, group.id)

    def distances(self, place: Place) -> PlaceDistances:
        found = self._places.get(place.number)
        if found is None:
            found = _measure(self, place)
            self._places[place.number] = found
        return found


# --- Freshness ------------------------------------------------------------------------------


def index_version() -> str:
    shared = cache.get(_VERSION_KEY)
    if shared is None:
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        shared = cache.get(_VERSION_KEY) or "-"
    return str(shared)


def _bump() -> None:
    global _generation, _index
    with _lock:
        _generation += 1
        _index = None
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


def index_changed() -> None:
    """Something the index holds was written: every process rebuilds its copy. Now (this
    process sees its own change at once) and again when the transaction commits."""
    _bump()
    transaction.on_commit(_bump)


def clear_index() -> None:
    """Forget this process's copy (tests: their writes are rolled back)."""
    global _generation, _index
    with _lock:
        _generation += 1
        _index = None


def _max_age() -> float | None:
    """How long a copy may live without a change signalled through a shared cache."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    if isinstance(caches["default"], LocMemCache):
        return float(settings.KNUTEPUNKT["PUBLIC_CACHE_SECONDS"]) or None
    return None


def find_index() -> FindIndex:
    """The current index, built on first use and after every change."""
    global _index
    token = f"{places_version()}:{index_version()}:{_generation}"
    index = _index
    max_age = _max_age()
    fresh = index is not None and (max_age is None or time.monotonic() - index.built_at < max_age)
    if index is not None and index.token == token and fresh:
        return index
    with _lock:
        index = _index
        fresh = index is not None and (
            max_age is None or time.monotonic() - index.built_at < max_age
        )
        if index is None or index.token != token or not fresh:
            index = _build(token)
            _index = index
        return index


# --- Building -------------------------------------------------------------------------------


class _Lexemes(Func):
    """The lexemes of the text-search vector of some text columns (PostgreSQL)."""

    function = "tsvector_to_array"
    output_field = TextField()

    def __init__(self, *fields: str) -> None:
        from django.contrib.postgres.search import SearchVector

        super().__init__(SearchVector(*fields, config=TEXT_SEARCH_CONFIG))


_GROUP_FIELDS = (
    "id",
    "topic_id",
    "title",
    "format",
    "target",
    "status",
    "meeting_time",
    "municipality_id",
    "contact_point_id",
    "location",
    "place_name",
    "lat",
    "lon",
    "contact_point__name",
    "contact_point__status",
    "contact_point__email",
    "contact_point__phone",
    "contact_point__website",
    "office_id",
    "office__name",
    "office__email",
    "office__phone",
)


def _build(token: str) -> FindIndex:
    postgres = connection.vendor == "postgresql"
    # 1. Topics, in the database's order of names (the remote list's order).
    topic_fields: list[Any] = ["id", "name_nb", "name_nn", "name_en", "synonyms"]
    topic_rows = Topic.objects.order_by("name_nb", "id")
    if postgres:
        topic_rows = topic_rows.annotate(
            lexemes=_Lexemes("name_nb", "name_nn", "name_en", "synonyms")
        )
        topic_fields.append("lexemes")
    topics: dict[int, IndexedTopic] = {}
    texts: list[TopicText] = []
    topic_lexemes: dict[str, list[int]] = defaultdict(list)
    for rank, row in enumerate(topic_rows.values(*topic_fields)):
        topics[row["id"]] = IndexedTopic(
            row["id"], row["name_nb"], row["name_nn"], row["name_en"], rank
        )
        texts.append(
            TopicText(row["id"], row["name_nb"], row["name_en"], row["synonyms"], row["name_nn"])
        )
        for lexeme in row.get("lexemes") or ():
            topic_lexemes[lexeme].append(row["id"])

    # 2. Public groups, in the database's order of (place name, topic name, id).
    group_rows = SelfHelpGroup.objects.public().annotate(
        location=Coalesce("municipality_id", "contact_point__municipality_id"),
        place_name=Coalesce("municipality__name", "contact_point__municipality__name"),
        lat=Coalesce("municipality__latitude", "contact_point__municipality__latitude"),
        lon=Coalesce("municipality__longitude", "contact_point__municipality__longitude"),
    )
    group_fields: list[Any] = list(_GROUP_FIELDS)
    if postgres:
        group_rows = group_rows.annotate(
            lexemes=_Lexemes("title", "description_nb", "description_nn", "description_en")
        )
        group_fields.append("lexemes")
    else:
        group_fields += ["description_nb", "description_nn", "description_en"]
    groups: dict[int, IndexedGroup] = {}
    group_lexemes: dict[str, list[int]] = defaultdict(list)
    text_by_group: dict[int, str] = {}
    locations: dict[int, tuple[float, float]] = {}
    offices_contact: dict[int, Contact] = {}
    points_contact: dict[int, Contact] = {}
    for rank, row in enumerate(
        group_rows.order_by(F("place_name").asc(), "topic__name_nb", "id").values(*group_fields)
    ):
        contact = _group_contact(row, offices_contact, points_contact)
        group = IndexedGroup(
            id=row["id"],
            topic=topics[row["topic_id"]],
            title=row["title"],
            format=row["format"],
            target=row["target"],
            status=row["status"],
            meeting_time=row["meeting_time"],
            municipality_id=row["municipality_id"],
            contact_point_id=row["contact_point_id"],
            location=row["location"],
            place_name=row["place_name"] or "",
            contact=contact,
            contact_point_name=row["contact_point__name"] or "",
            place_rank=rank,
        )
        groups[group.id] = group
        if row["location"] is not None and row["lat"] is not None:
            locations[row["location"]] = (row["lat"], row["lon"])
        if postgres:
            for lexeme in row.get("lexemes") or ():
                group_lexemes[lexeme].append(group.id)
        else:
            text_by_group[group.id] = _like_text(
                "\x00".join(
                    (
                        row["title"],
                        row["description_nb"],
                        row["description_nn"],
                        row["description_en"],
                    )
                )
            )

    by_topic: dict[int, set[int]] = defaultdict(set)
    by_location: dict[int, list[IndexedGroup]] = defaultdict(list)
    by_municipality: dict[int, list[IndexedGroup]] = defaultdict(list)
    by_contact_point: dict[int, list[IndexedGroup]] = defaultdict(list)
    in_person, remote = [], []
    for group in groups.values():
        by_topic[group.topic.id].add(group.id)
        if group.in_person:
            in_person.append(group)
            if group.location is not None:
                by_location[group.location].append(group)
        elif group.format in (GroupFormat.PHONE, GroupFormat.ONLINE):
            remote.append(group)
        if group.municipality_id is not None:
            by_municipality[group.municipality_id].append(group)
        if group.contact_point_id is not None:
            by_contact_point[group.contact_point_id].append(group)
    for bucket in by_location.values():
        bucket.sort(key=lambda g: g.id)
    for lists in (by_municipality, by_contact_point):
        for bucket in lists.values():
            bucket.sort(key=lambda g: (g.topic.rank, g.id))

    points = _contact_points()
    contact_points_at: dict[int, list[IndexedContactPoint]] = defaultdict(list)
    for point in points:
        for municipality_id in {point.municipality_id, *point.served_ids}:
            contact_points_at[municipality_id].append(point)

    lexemes = sorted({*group_lexemes, *topic_lexemes})
    remote.sort(key=lambda g: (g.topic.rank, g.id))
    return FindIndex(
        token=token,
        built_at=time.monotonic(),
        postgres=postgres,
        groups=groups,
        topics=texts,
        by_topic={k: frozenset(v) for k, v in by_topic.items()},
        relatives=frozenset(g.id for g in groups.values() if g.target == GroupTarget.RELATIVES),
        in_person_by_place=in_person,
        remote_by_topic=remote,
        by_location=dict(by_location),
        remote_position={g.id: position for position, g in enumerate(remote)},
        in_person_position={g.id: position for position, g in enumerate(in_person)},
        in_person_location={g.id: g.location for g in in_person if g.location is not None},
        locations=locations,
        by_municipality=dict(by_municipality),
        by_contact_point=dict(by_contact_point),
        contact_points=points,
        contact_point_by_slug={p.slug: p for p in points},
        contact_points_at=dict(contact_points_at),
        office_by_county=_offices_by_county(),
        municipalities=_municipalities(),
        lexemes=lexemes,
        lexeme_groups=[tuple(group_lexemes.get(lexeme, ())) for lexeme in lexemes],
        lexeme_topics=[tuple(topic_lexemes.get(lexeme, ())) for lexeme in lexemes],
        texts=text_by_group,
    )


def _group_contact(
    row: dict[str, Any], offices: dict[int, Contact], points: dict[int, Contact]
) -> Contact:
    """Shared Contact objects: one per contact point and per office, not per group."""
    reachable = any(row[f"contact_point__{field}"] for field in ("email", "phone", "website"))
    # A contact point with no way in sends people to the district office instead.
    if row["contact_point__name"] and row["contact_point__status"] == "established" and reachable:
        found = points.get(row["contact_point_id"])
        if found is None:
            found = points[row["contact_point_id"]] = Contact(
                name=row["contact_point__name"],
                email=row["contact_point__email"],
                phone=row["contact_point__phone"],
                website=row["contact_point__website"],
            )
        return found
    found = offices.get(row["office_id"])
    if found is None:
        found = offices[row["office_id"]] = Contact(
            name=row["office__name"],
            email=row["office__email"],
            phone=row["office__phone"],
            via_office=True,
        )
    return found


def _contact_points() -> list[IndexedContactPoint]:
    served_ids: dict[int, set[int]] = defaultdict(set)
    served_numbers: dict[int, set[str]] = defaultdict(set)
    served: dict[int, list[tuple[str, str]]] = defaultdict(list)
    through = ContactPoint.municipalities_served.through
    for point_id, municipality_id, number, name in (
        through.objects.filter(contactpoint__status="established")
        .order_by("municipality__name", "municipality_id")
        .values_list(
            "contactpoint_id", "municipality_id", "municipality__number", "municipality__name"
        )
    ):
        served_ids[point_id].add(municipality_id)
        served_numbers[point_id].add(number)
        served[point_id].append((number, name))
    rows = (
        ContactPoint.objects.public()
        .order_by("name", "id")
        .values_list(
            "id",
            "name",
            "slug",
            "kind",
            "office_id",
            "host__name",
            "address",
            "opening_hours",
            "email",
            "phone",
            "website",
            "municipality_id",
            "municipality__name",
            "municipality__latitude",
            "municipality__longitude",
            "office__slug",
            "office__name",
            "description_nb",
            "description_nn",
            "description_en",
        )
    )
    return [
        IndexedContactPoint(
            *row[:5],  # type: ignore[call-arg, misc]
            row[5] or "",
            *row[6:],
            served_ids=frozenset(served_ids.get(row[0], ())),
            served_numbers=frozenset(served_numbers.get(row[0], ())),
            served=tuple(served.get(row[0], ())),
        )
        for row in rows
    ]


def _offices_by_county() -> dict[str, IndexedOffice]:
    """The office covering each current county (the first by name, as a query ordered by
    the office's name would find it)."""
    found: dict[str, IndexedOffice] = {}
    for number, *office in (
        OfficeCounty.objects.filter(county__valid_to__isnull=True)
        .order_by("office__name", "office_id")
        .values_list(
            "county__number",
            "office_id",
            "office__slug",
            "office__name",
            "office__email",
            "office__phone",
            "office__address",
        )
    ):
        found.setdefault(number, IndexedOffice(*office))
    return found


@dataclass(frozen=True, slots=True)
class IndexedMunicipality:
    id: int
    number: str
    name: str
    county_name: str
    county_number: str


def _municipalities() -> dict[str, IndexedMunicipality]:
    """Current municipalities by number (the directory's pages are addressed by number;
    groups and contact points point to rows)."""
    rows = (
        Municipality.objects.current()
        .order_by("number", "pk")
        .values_list("pk", "number", "name", "county__name", "county__number")
    )
    found: dict[str, IndexedMunicipality] = {}
    for row in rows:
        found.setdefault(row[1], IndexedMunicipality(*row))
    return found


# --- Distances ------------------------------------------------------------------------------


def _measure(index: FindIndex, place: Place) -> PlaceDistances:
    """The flat-earth ordering the database used to compute (same arithmetic, same floating
    point) and the true distance, from ``place`` to every location and contact point."""
    squeeze = math.cos(math.radians(place.latitude)) ** 2
    d2: dict[int, float] = {}
    km: dict[int, int] = {}
    for location, (lat, lon) in index.locations.items():
        d_lat = lat - place.latitude
        d_lon = lon - place.longitude
        d2[location] = d_lat * d_lat + d_lon * d_lon * squeeze
        km[location] = round(haversine_km(place.latitude, place.longitude, lat, lon))
    scored = []
    for position, point in enumerate(index.contact_points):
        distance = round(
            haversine_km(place.latitude, place.longitude, point.latitude, point.longitude)
        )
        serves = place.number in point.served_numbers
        scored.append((not serves, distance, point.name, position, point))
    scored.sort(key=lambda item: item[:4])
    return PlaceDistances(
        d2=d2,
        km=km,
        locations=sorted(d2, key=lambda loc: (d2[loc], loc)),
        contact_points=[(point, distance, not far) for far, distance, _n, _p, point in scored],
    )


# --- Free text ------------------------------------------------------------------------------

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_PREFIX_RE = re.compile(r"^'((?:[^']|'')*)':\*$")


def _like_text(text: str) -> str:
    """Text as SQLite's LIKE compares it: case-insensitive for ASCII letters only."""
    return text.translate(_ASCII_LOWER)


class NotIndexable(Exception):
    """A query word the index cannot match exactly (the database must answer)."""


def normalised_words(index: FindIndex, words: list[str]) -> dict[str, str | None]:
    """Each word as the text-search configuration turns ``word:*`` into a prefix lexeme
    (None: a stop word, ignored by PostgreSQL). Asked from the database once per word and
    index, in one query for all the new words of a search."""
    new = [w for w in dict.fromkeys(words) if w not in index.words]
    if new:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t, to_tsquery(%s::regconfig, t || ':*')::text FROM unnest(%s::text[]) AS t",
                [TEXT_SEARCH_CONFIG, new],
            )
            rows = cursor.fetchall()
        if len(index.words) > _MAX_WORDS:
            index.words.clear()
        for word, query in rows:
            if not query:
                index.words[word] = None
                continue
            found = _PREFIX_RE.match(query)
            # Anything but one prefix lexeme (a word the parser splits) is left to SQL.
            index.words[word] = found[1].replace("''", "'") if found else "\x00"
    return {w: index.words.get(w) for w in words}


def lexeme_matches(index: FindIndex, prefix: str) -> set[int]:
    """Groups whose own text or topic has a lexeme starting with ``prefix``."""
    found: set[int] = set()
    start = bisect.bisect_left(index.lexemes, prefix)
    for position in range(start, len(index.lexemes)):
        if not index.lexemes[position].startswith(prefix):
            break
        found.update(index.lexeme_groups[position])
        for topic_id in index.lexeme_topics[position]:
            found.update(index.by_topic.get(topic_id, ()))
    return found


def text_matches(index: FindIndex, fts_words: list[list[str]]) -> set[int]:
    """Groups matching every term (each term: any of its words as a prefix), as the
    selectors' full-text query (PostgreSQL) or LIKE conditions (elsewhere) match them.
    Raises :class:`NotIndexable` for a word only the database can match exactly."""
    if index.postgres:
        words = normalised_words(index, [w for term in fts_words for w in term])
        result: set[int] | None = None
        for term in fts_words:
            prefixes = [words[w] for w in term if words[w] is not None]
            if not prefixes:
                continue  # only stop words: PostgreSQL ignores the term
            if "\x00" in prefixes:
                raise NotIndexable
            matched: set[int] = set()
            for prefix in dict.fromkeys(prefixes):
                matched |= lexeme_matches(index, prefix)  # type: ignore[arg-type]
            result = matched if result is None else result & matched
        return result or set()
    result = set(index.texts)
    for term in fts_words:
        needles = [_like_text(w) for w in term]
        result = {gid for gid in result if any(n in index.texts[gid] for n in needles)}
    return result
