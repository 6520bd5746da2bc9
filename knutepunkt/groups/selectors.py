"""Reads for the public "Find help" page: groups, contact points and the district office
near a municipality, ranked by distance.

Answered from the in-memory index (:mod:`knutepunkt.groups.index`): no query per search,
whatever the number of results (on PostgreSQL, one small query the first time a word is
searched for, to let the ``norwegian`` text-search configuration normalise it). The
ranking is the one the database used to compute: groups matching the topic or the text,
the 40 nearest by a flat-earth approximation, then by kilometres, running before forming,
then id. Display values (distance, labels, how to get in touch) are computed here once so
the template only prints them.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from knutepunkt.core.i18n import LocalizedText, content_language
from knutepunkt.geo.places import Place
from knutepunkt.groups.index import (
    Contact,
    FindIndex,
    IndexedGroup,
    NotIndexable,
    find_index,
    text_matches,
)
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, SelfHelpGroup
from knutepunkt.groups.search import ParsedQuery, matching_topic_ids
from knutepunkt.network.models import ContactPointKind

IN_PERSON_LIMIT = 20
REMOTE_LIMIT = 30
NEARBY_CONTACT_POINTS = 3

# Sorting the matches costs about their number, walking the municipalities nearest first
# about limit × groups / matches: with more matches than √(limit × groups × this), walk.
_WALK_FACTOR = 1.0

__all__ = ["Contact", "ContactPointHit", "FindResults", "GroupHit", "find_help"]

# --- Results -------------------------------------------------------------------------------


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
    index = find_index()
    results = FindResults(place=place, query=query)
    matching = _matching_ids(index, query)
    in_person = _in_person(index, matching, place)
    results.in_person = [hit for hit in in_person if not hit.far]
    results.far_in_person = [hit for hit in in_person if hit.far]
    remote = _first(index.remote_by_topic, index.remote_position, matching, REMOTE_LIMIT)
    texts = _texts(get_language() or "nb")
    results.remote = [_group_hit(g, None, texts) for g in remote]
    if place is not None:
        results.contact_points = _contact_points(index, place)
        results.office = _office(index, place)
    return results


def _matching_ids(index: FindIndex, query: ParsedQuery) -> set[int] | frozenset[int] | None:
    """Ids of the public groups the query matches; None for all of them."""
    base: frozenset[int] | None = index.relatives if query.relatives else None
    if not query.terms:
        return base
    memo: dict[str, set[int]] = index.derived("topic-matches", dict)
    topics = memo.get(query.normalised)
    if topics is None:
        if len(memo) > 5000:
            memo.clear()
        topics = memo[query.normalised] = matching_topic_ids(query, index.topics)
    try:
        text = text_matches(index, query.fts_words())
    except NotIndexable:
        text = _postgres_text_match(query)
    matched = text.union(*(index.by_topic.get(t, ()) for t in topics))
    return matched & base if base is not None else matched


def _postgres_text_match(query: ParsedQuery) -> set[int]:
    """Full-text search in the database, for the rare word the index cannot normalise to
    one prefix: the ``norwegian`` configuration over topic names, topic search words and
    the group's own title and descriptions; each word as a prefix."""
    combined: SearchQuery | None = None
    for alternatives in query.fts_words():
        term: SearchQuery | None = None
        for word in alternatives:
            part = SearchQuery(f"{word}:*", search_type="raw", config="norwegian")
            term = part if term is None else term | part
        if term is not None:
            combined = term if combined is None else combined & term
    if combined is None:
        return set()
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
    return set(
        SelfHelpGroup.objects.public()
        .annotate(document=vector)
        .filter(document=combined)
        .values_list("pk", flat=True)
    )


def _first(
    ordered: list[IndexedGroup],
    positions: dict[int, int],
    matching: set[int] | frozenset[int] | None,
    limit: int,
) -> list[IndexedGroup]:
    """The first ``limit`` matching groups of ``ordered`` (``positions``: group id → its
    place in ``ordered``)."""
    if matching is None:
        return ordered[:limit]
    get = positions.get
    first = heapq.nsmallest(limit, [p for p in map(get, matching) if p is not None])
    return [ordered[p] for p in first]


def _in_person(
    index: FindIndex, matching: set[int] | frozenset[int] | None, place: Place | None
) -> list[GroupHit]:
    texts = _texts(get_language() or "nb")
    if place is None:
        first = _first(
            index.in_person_by_place, index.in_person_position, matching, IN_PERSON_LIMIT
        )
        return [_group_hit(g, None, texts) for g in first]
    distances = index.distances(place)
    d2 = distances.d2
    # The 40 nearest by the flat-earth measure, ties by id …
    limit = IN_PERSON_LIMIT * 2
    where = index.in_person_location
    if matching is not None and len(matching) ** 2 < limit * len(where) * _WALK_FACTOR:
        # Few matches: sort them. (Many: walk the municipalities nearest first.)
        items = [(d2[loc], gid) for gid in matching if (loc := where.get(gid)) in d2]
        nearest = [(where[gid], gid) for _d2, gid in heapq.nsmallest(limit, items)]
    else:
        found: list[tuple[float, int]] = []
        last: float | None = None
        for location in distances.locations:
            if len(found) >= limit and d2[location] != last:
                break
            distance = d2[location]
            before = len(found)
            found += [
                (distance, g.id)
                for g in index.by_location.get(location, ())
                if matching is None or g.id in matching
            ]
            if len(found) > before:
                last = distance
        found.sort()
        nearest = [(where[gid], gid) for _d2, gid in found[:limit]]
    # … then by kilometres, groups running before forming ones, then id.
    km = distances.km
    groups = index.groups
    ranked = sorted(nearest, key=lambda item: (km[item[0]], not groups[item[1]].open, item[1]))
    return [
        _group_hit(groups[gid], km[location], texts) for location, gid in ranked[:IN_PERSON_LIMIT]
    ]


@dataclass(frozen=True)
class _Texts:
    """What every card of one page shares, in the page's language: looked up once."""

    language: str  # the content language (nb, nn, en)
    labels: dict[str, str]
    here: str
    km_away: str

    def distance(self, km: int | None) -> str:
        if km is None:
            return ""
        if km < 1:
            return self.here
        return self.km_away % {"km": number_format(km, force_grouping=True)}


@lru_cache(maxsize=8)
def _texts(language: str) -> _Texts:
    with translation.override(language):
        return _Texts(
            language=content_language(language),
            labels={
                **{f"format:{k}": str(v) for k, v in GroupFormat.choices},
                **{f"target:{k}": str(v) for k, v in GroupTarget.choices},
                **{f"status:{k}": str(v) for k, v in GroupStatus.choices},
                **{f"kind:{k}": str(v) for k, v in ContactPointKind.choices},
            },
            here=_("In your municipality"),
            km_away=_("%(km)s km away"),
        )


def _distance_label(km: int | None) -> str:
    return _texts(get_language() or "nb").distance(km)


def _group_hit(group: IndexedGroup, km: int | None, texts: _Texts | None = None) -> GroupHit:
    texts = texts or _texts(get_language() or "nb")
    labels = texts.labels
    topic = group.topic.name(texts.language)
    format_label = labels[f"format:{group.format}"]
    return GroupHit(
        title=LocalizedText(group.title, "nb") if group.title else topic,
        topic=topic,
        where=group.place_name if group.format == GroupFormat.IN_PERSON else format_label,
        format_label=format_label,
        target_label=labels[f"target:{group.target}"],
        status_label=labels[f"status:{group.status}"],
        forming=group.status == GroupStatus.FORMING,
        meeting_time=group.meeting_time,
        distance_label=texts.distance(km),
        contact=group.contact,
        far=km is not None and km > settings.INTEREST_TRAVEL_KM,
        url=f"{_group_url_base(texts.language, get_script_prefix())}{group.id}/",
    )


@lru_cache(maxsize=16)
def _group_url_base(language: str, prefix: str) -> str:
    """The address of a group's page without its id: reversed once, not per card."""
    with translation.override(language):
        return reverse("find:group", kwargs={"group_id": 0}).rstrip("/").rpartition("/")[0] + "/"


def _contact_points(index: FindIndex, place: Place) -> list[ContactPointHit]:
    """Those serving the municipality, then the nearest few others."""
    ranked = index.distances(place).contact_points
    chosen = [(p, km, True) for p, km, serves in ranked if serves]
    chosen += [(p, km, False) for p, km, serves in ranked if not serves][:NEARBY_CONTACT_POINTS]
    # One reverse for all: the address of a contact point differs only by its slug.
    pattern = reverse("directory:contact_point", kwargs={"slug": "slug"})
    texts = _texts(get_language() or "nb")
    return [
        ContactPointHit(
            name=point.name,
            kind_label=texts.labels[f"kind:{point.kind}"],
            where=point.municipality_name,
            distance_label=texts.distance(km),
            serves_place=serves,
            address=point.address,
            opening_hours=point.opening_hours,
            contact=Contact(
                name=point.name, email=point.email, phone=point.phone, website=point.website
            ),
            url=pattern.replace("/slug/", f"/{point.slug}/"),
        )
        for point, km, serves in chosen
    ]


def _office(index: FindIndex, place: Place) -> Contact | None:
    """The district office covering the place's county."""
    office = index.office_by_county.get(place.county_number)
    if office is None:
        return None
    return Contact(
        name=office.name,
        email=office.email,
        phone=office.phone,
        address=office.address,
        via_office=True,
    )
