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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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

# Below this many matching groups, sorting them beats walking the index's orderings.
_SORT_BELOW = 2000

__all__ = ["Contact", "ContactPointHit", "FindResults", "GroupHit", "find_help"]

# --- Results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupHit:
    title: str
    topic: str
    where: str
    format_label: str
    target_label: str
    status_label: str
    forming: bool
    meeting_time: str
    distance_label: str
    contact: Contact


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
    in_person: list[GroupHit] = field(default_factory=list)
    remote: list[GroupHit] = field(default_factory=list)
    contact_points: list[ContactPointHit] = field(default_factory=list)
    office: Contact | None = None

    @property
    def has_groups(self) -> bool:
        return bool(self.in_person or self.remote)

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
    results.in_person = _in_person(index, matching, place)
    remote = _first(
        index, index.remote_by_topic, matching, REMOTE_LIMIT, index.topic_rank, _is_remote
    )
    results.remote = [_group_hit(g, None) for g in remote]
    if place is not None:
        results.contact_points = _contact_points(index, place)
        results.office = _office(index, place)
    return results


def _matching_ids(index: FindIndex, query: ParsedQuery) -> set[int] | frozenset[int] | None:
    """Ids of the public groups the query matches; None for all of them."""
    base: frozenset[int] | None = index.relatives if query.relatives else None
    if not query.terms:
        return base
    topics = matching_topic_ids(query, index.topics)
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
        "topic__name_en",
        "topic__synonyms",
        "title",
        "description_nb",
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
    index: FindIndex,
    ordered: list[IndexedGroup],
    matching: set[int] | frozenset[int] | None,
    limit: int,
    key: Callable[[IndexedGroup], Any],
    member: Callable[[IndexedGroup], bool],
) -> list[IndexedGroup]:
    """The first ``limit`` matching groups of ``ordered`` (the groups for which ``member``
    holds, sorted by ``key``): few matches are sorted, many are walked in order."""
    if matching is None:
        return ordered[:limit]
    if len(matching) < _SORT_BELOW:
        candidates = (g for g in map(index.groups.__getitem__, matching) if member(g))
        return heapq.nsmallest(limit, candidates, key=key)
    found = []
    for group in ordered:
        if group.id in matching:
            found.append(group)
            if len(found) == limit:
                break
    return found


def _is_remote(group: IndexedGroup) -> bool:
    return group.format in (GroupFormat.PHONE, GroupFormat.ONLINE)


def _is_in_person(group: IndexedGroup) -> bool:
    return group.in_person


def _in_person(
    index: FindIndex, matching: set[int] | frozenset[int] | None, place: Place | None
) -> list[GroupHit]:
    if place is None:
        first = _first(
            index,
            index.in_person_by_place,
            matching,
            IN_PERSON_LIMIT,
            lambda g: g.place_rank,
            _is_in_person,
        )
        return [_group_hit(g, None) for g in first]
    distances = index.distances(place)
    d2 = distances.d2
    # The 40 nearest by the flat-earth measure, ties by id …
    limit = IN_PERSON_LIMIT * 2
    located: list[tuple[int, IndexedGroup]]
    if matching is not None and len(matching) < _SORT_BELOW:
        located = [
            (g.location, g)
            for g in map(index.groups.__getitem__, matching)
            if g.in_person and g.location is not None and g.location in d2
        ]
        nearest = heapq.nsmallest(limit, located, key=lambda item: (d2[item[0]], item[1].id))
    else:
        located = []
        last: float | None = None
        for location in distances.locations:
            if len(located) >= limit and d2[location] != last:
                break
            for group in index.by_location.get(location, ()):
                if matching is None or group.id in matching:
                    located.append((location, group))
                    last = d2[location]
        located.sort(key=lambda item: (d2[item[0]], item[1].id))
        nearest = located[:limit]
    # … then by kilometres, groups running before forming ones, then id.
    km = distances.km
    nearest.sort(key=lambda item: (km[item[0]], not item[1].open, item[1].id))
    return [_group_hit(group, km[location]) for location, group in nearest[:IN_PERSON_LIMIT]]


def _distance_label(km: int | None) -> str:
    if km is None:
        return ""
    if km < 1:
        return _("In your municipality")
    return _("%(km)s km away") % {"km": km}


@lru_cache(maxsize=8)
def _labels(language: str) -> dict[str, str]:
    """The choice labels in one language, translated once instead of per card."""
    with translation.override(language):
        return {
            **{f"format:{k}": str(v) for k, v in GroupFormat.choices},
            **{f"target:{k}": str(v) for k, v in GroupTarget.choices},
            **{f"status:{k}": str(v) for k, v in GroupStatus.choices},
            **{f"kind:{k}": str(v) for k, v in ContactPointKind.choices},
        }


def _group_hit(group: IndexedGroup, km: int | None) -> GroupHit:
    language = get_language() or "nb"
    labels = _labels(language)
    topic = group.topic.name(language.startswith("en"))
    format_label = labels[f"format:{group.format}"]
    return GroupHit(
        title=group.title or topic,
        topic=topic,
        where=group.place_name if group.format == GroupFormat.IN_PERSON else format_label,
        format_label=format_label,
        target_label=labels[f"target:{group.target}"],
        status_label=labels[f"status:{group.status}"],
        forming=group.status == GroupStatus.FORMING,
        meeting_time=group.meeting_time,
        distance_label=_distance_label(km),
        contact=group.contact,
    )


def _contact_points(index: FindIndex, place: Place) -> list[ContactPointHit]:
    """Those serving the municipality, then the nearest few others."""
    ranked = index.distances(place).contact_points
    chosen = [(p, km, True) for p, km, serves in ranked if serves]
    chosen += [(p, km, False) for p, km, serves in ranked if not serves][:NEARBY_CONTACT_POINTS]
    # One reverse for all: the address of a contact point differs only by its slug.
    pattern = reverse("directory:contact_point", kwargs={"slug": "slug"})
    kinds = _labels(get_language() or "nb")
    return [
        ContactPointHit(
            name=point.name,
            kind_label=kinds[f"kind:{point.kind}"],
            where=point.municipality_name,
            distance_label=_distance_label(km),
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
