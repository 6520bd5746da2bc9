"""The in-memory index answers every search as the database did: the same groups in the
same order, the same distances, contact points and office, on generated data (the
reference is the former SQL implementation, kept in reference_find.py)."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import current_places, place_by_number
from knutepunkt.groups import selectors
from knutepunkt.groups.index import clear_index, find_index
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, SelfHelpGroup, Topic
from knutepunkt.groups.search import parse_query
from knutepunkt.groups.services import group_set_status
from knutepunkt.groups.tests import reference_find
from knutepunkt.network.models import ContactPoint, ContactPointStatus, DistrictOffice

TOPICS = [
    ("angst", "Angst", "Anxiety", "panikkangst, sosial angst, fobi"),
    ("sorg", "Å miste noen", "Losing someone", "sorg, grief, etterlatte"),
    ("rus", "Rusavhengighet", "Addiction", "rus, alkohol"),
    ("depresjon", "Depresjon", "Depression", "nedstemthet"),
    ("kreft", "Kreft", "Cancer", "kreftsyk"),
    ("ensomhet", "Ensomhet", "Loneliness", "ensom"),
    ("spill", "Spillavhengighet", "Gambling addiction", "pengespill"),
]
WORDS = ["møte", "foreldre", "barnet", "kvinner", "unge", "Ålesund", "Tromsø", "samtale"]
QUERIES = [
    "",
    "angst",
    "ANGSTEN",
    "anxiety",
    "sorg",
    "bereavement",
    "pårørende rus",
    "relatives",
    "rus alkohol",
    "kreft unge",
    "foreldre",
    "barna",
    "kvinner møte",
    "tromso",
    "Ålesund",
    "ensom",
    "gambling",
    "spiseforstyrrelser",
    "og i for",
    "xyzzy",
    "samtalegruppe for unge",
]


@pytest.fixture
def network(office_midt: DistrictOffice, office_nord: DistrictOffice) -> None:
    rng = random.Random(7)
    numbers = [p.number for p in current_places()]
    by_number = {m.number: m for m in Municipality.objects.current()}
    offices = [office_midt, office_nord]
    topics = Topic.objects.bulk_create(
        Topic(slug=slug, name_nb=nb, name_en=en, synonyms=syn) for slug, nb, en, syn in TOPICS
    )
    points = []
    for i in range(40):
        status = ContactPointStatus.ESTABLISHED if i % 4 else ContactPointStatus.PLANNING
        point = ContactPoint.objects.create(
            name=f"Kontaktpunkt {rng.choice(WORDS)} {i % 13}",
            slug=f"kp-{i}",
            office=offices[i % 2],
            municipality=by_number[rng.choice(numbers)],
            status=status,
            email=f"kp{i}@frivillig.example",
            phone="70 00 00 00",
            website="https://frivillig.example/" if i % 3 == 0 else "",
        )
        point.municipalities_served.add(
            *(by_number[n] for n in rng.sample(numbers, rng.randrange(0, 4)))
        )
        points.append(point)
    groups = []
    for i in range(400):
        kind = rng.random()
        group_format = (
            GroupFormat.IN_PERSON if kind < 0.75 else rng.choice([GroupFormat.PHONE, "online"])
        )
        host: ContactPoint | None = rng.choice(points) if rng.random() < 0.4 else None
        own = by_number[rng.choice(numbers)] if host is None or rng.random() < 0.5 else None
        groups.append(
            SelfHelpGroup(
                topic=rng.choice(topics),
                title=f"{rng.choice(WORDS)} {i}" if rng.random() < 0.8 else "",
                office=offices[i % 2],
                contact_point=host,
                municipality=own if group_format == GroupFormat.IN_PERSON else None,
                format=group_format,
                target=GroupTarget.RELATIVES if rng.random() < 0.25 else GroupTarget.AFFECTED,
                status=rng.choice(["open", "forming", "closed", "ended", "open"]),
                description_nb=" ".join(rng.sample(WORDS, 3)),
                description_en="A group for people who meet" if i % 5 == 0 else "",
                meeting_time="Tirsdager" if i % 3 else "",
            )
        )
    # Groups meeting in the same municipality as others, so that distances tie.
    SelfHelpGroup.objects.bulk_create(groups)
    clear_index()


def _plain(results: Any) -> dict[str, Any]:
    return {
        "in_person": [dataclasses.asdict(g) for g in results.in_person],
        "remote": [dataclasses.asdict(g) for g in results.remote],
        "far_in_person": [dataclasses.asdict(g) for g in results.far_in_person],
        "contact_points": [dataclasses.asdict(c) for c in results.contact_points],
        "office": dataclasses.asdict(results.office) if results.office else None,
    }


@pytest.mark.parametrize("walk_factor", [0.0, 1e12])
def test_index_ranks_as_the_database_did(
    network: None, monkeypatch: pytest.MonkeyPatch, walk_factor: float
) -> None:
    """Both ways of picking the nearest groups (sorting the matches, walking the
    municipalities nearest first) give the database's answer."""
    monkeypatch.setattr(selectors, "_WALK_FACTOR", walk_factor)
    rng = random.Random(11)
    places = [None, *rng.sample(list(current_places()), 12), place_by_number("1506")]
    compared = far = 0
    for text in QUERIES:
        query = parse_query(text)
        for place in places:
            expected = _plain(reference_find.find_help(query=query, place=place))
            got = _plain(selectors.find_help(query=query, place=place))
            assert got == expected, (text, place and place.number)
            compared += bool(expected["in_person"] or expected["remote"])
            far += bool(expected["far_in_person"])
    assert compared > 100 and far > 10


def test_index_follows_changes_through_the_services(network: None) -> None:
    query, place = parse_query("angst"), place_by_number("1506")
    first = selectors.find_help(query=query, place=place)
    shown = SelfHelpGroup.objects.get(title=first.in_person[0].title)
    group_set_status(actor=None, group=shown, status=GroupStatus.CLOSED)
    after = selectors.find_help(query=query, place=place)
    assert shown.title not in [g.title for g in after.in_person]
    assert _plain(after) == _plain(reference_find.find_help(query=query, place=place))


def test_a_search_after_the_index_is_built_asks_nothing(
    network: None, django_assert_num_queries: Any
) -> None:
    find_index()
    # On PostgreSQL the first search for a word asks the database to normalise it, once.
    selectors.find_help(query=parse_query("sorg unge"), place=place_by_number("1506"))
    with django_assert_num_queries(0):
        selectors.find_help(query=parse_query("sorg unge"), place=place_by_number("5501"))
