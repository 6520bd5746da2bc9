"""The formation engine on its own: property tests for its invariants, and small cases."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knutepunkt.interests.formation.engine import (
    IN_PERSON,
    ONLINE,
    PHONE,
    Parameters,
    Place,
    StarterCandidate,
    StarterPoint,
    WaitingInterest,
    form_groups,
    haversine_km,
)

# A box around Møre og Romsdal and a box in Finnmark: dense and thin.
MUNICIPALITY_POINTS = [
    (f"{county}{index:02d}", lat, lon, county)
    for county, (lat0, lon0) in (("15", (62.7, 7.2)), ("56", (70.0, 25.0)))
    for index, (lat, lon) in enumerate(
        (lat0 + dlat, lon0 + dlon) for dlat in (0.0, 0.3, 0.7, 1.2) for dlon in (0.0, 0.5, 1.5)
    )
]
FORMAT_SETS = [
    frozenset(s)
    for s in (
        {IN_PERSON},
        {PHONE},
        {ONLINE},
        {IN_PERSON, PHONE},
        {IN_PERSON, ONLINE},
        {PHONE, ONLINE},
        {IN_PERSON, PHONE, ONLINE},
    )
]

interest_rows = st.lists(
    st.tuples(
        st.integers(0, 2),  # topic
        st.sampled_from(MUNICIPALITY_POINTS),
        st.sampled_from(FORMAT_SETS),
        st.sampled_from(["affected", "relatives"]),
    ),
    max_size=120,
)
place_rows = st.lists(st.sampled_from(MUNICIPALITY_POINTS), max_size=8, unique=True)


def _interests(rows: list) -> list[WaitingInterest]:
    return [
        WaitingInterest(
            id=index + 1,
            topic=topic,
            municipality=number,
            lat=lat,
            lon=lon,
            county=county,
            formats=formats,
            target=target,
        )
        for index, (topic, (number, lat, lon, county), formats, target) in enumerate(rows)
    ]


def _places(rows: list) -> list[Place]:
    return [
        Place(id=100 + i, municipality=number, lat=lat, lon=lon, office=1)
        for i, (number, lat, lon, _county) in enumerate(rows)
    ]


@settings(max_examples=200, deadline=None)
@given(
    rows=interest_rows,
    place_points=place_rows,
    threshold=st.integers(2, 6),
    travel_km=st.sampled_from([0.0, 20.0, 50.0, 120.0]),
    excluded=st.sets(st.integers(1, 120), max_size=20),
)
def test_engine_invariants_hold_for_random_input(
    rows: list, place_points: list, threshold: int, travel_km: float, excluded: set[int]
) -> None:
    interests = _interests(rows)
    places = _places(place_points)
    params = Parameters(threshold=threshold, travel_km=travel_km, max_group_size=10)
    proposals = form_groups(interests, places, parameters=params, excluded=excluded)

    by_id = {i.id: i for i in interests}
    place_by_id = {p.id: p for p in places}
    seen = Counter(member for p in proposals for member in p.members)
    for proposal in proposals:
        # Never below the threshold (nor above the maximum size).
        assert threshold <= len(proposal.members) <= 10
        for member in proposal.members:
            interest = by_id[member]
            # Never a format the person did not accept; one topic and target per group.
            assert proposal.format in interest.formats
            assert (interest.topic, interest.target) == (proposal.topic, proposal.target)
            # Never someone already in an open proposal.
            assert member not in excluded
        if proposal.format == IN_PERSON:
            assert proposal.place is not None
            place = place_by_id[proposal.place]
            for member in proposal.members:
                interest = by_id[member]
                # Every in-person member within travel distance of the place.
                assert haversine_km(place.lat, place.lon, interest.lat, interest.lon) <= travel_km
        else:
            assert proposal.place is None
    # Never a person in two proposals from one run.
    assert all(times == 1 for times in seen.values())


@settings(max_examples=100, deadline=None)
@given(rows=interest_rows, place_points=place_rows)
def test_engine_leaves_no_formable_in_person_group_behind(rows: list, place_points: list) -> None:
    """Completeness: after a run no place still reaches the threshold of unplaced people."""
    interests = _interests(rows)
    places = _places(place_points)
    params = Parameters(threshold=5, travel_km=50.0)
    placed = {m for p in form_groups(interests, places, parameters=params) for m in p.members}
    for place in places:
        reachable = Counter(
            (i.topic, i.target)
            for i in interests
            if i.id not in placed
            and IN_PERSON in i.formats
            and haversine_km(place.lat, place.lon, i.lat, i.lon) <= 50.0
        )
        assert all(n < 5 for n in reachable.values())


def _person(pk: int, number: str, lat: float, lon: float, formats: set[str], topic: int = 1):
    return WaitingInterest(pk, topic, number, lat, lon, number[:2], frozenset(formats))


def test_the_biggest_reachable_set_wins_and_takes_the_closest_first() -> None:
    near = [_person(i, "1506", 62.74, 7.16, {IN_PERSON}) for i in range(1, 8)]
    far = [_person(i, "1547", 62.85, 6.9, {IN_PERSON}) for i in range(8, 12)]
    places = [Place(1, "1506", 62.74, 7.16, office=7), Place(2, "1547", 62.85, 6.9, office=7)]
    params = Parameters(threshold=5, travel_km=50, max_group_size=10)
    [proposal] = form_groups(near + far, places, parameters=params)
    assert proposal.place == 1
    assert proposal.office == 7
    assert proposal.members == tuple(range(1, 11))  # the 7 nearby, then 3 from Aukra


def test_phone_is_proposed_for_people_spread_thin_in_one_county() -> None:
    people = [
        _person(1, "5601", 69.97, 23.27, {PHONE}),
        _person(2, "5603", 70.66, 23.68, {PHONE, IN_PERSON}),
        _person(3, "5605", 69.73, 30.04, {PHONE, ONLINE}),
        _person(4, "5618", 70.99, 25.97, {PHONE}),
        _person(5, "5636", 69.47, 25.51, {PHONE}),
        _person(6, "5610", 69.31, 24.33, {ONLINE}),
    ]
    [proposal] = form_groups(people, [], county_offices={"56": 3})
    assert proposal.format == PHONE
    assert proposal.county == "56"
    assert proposal.office == 3
    assert set(proposal.members) == {1, 2, 3, 4, 5}  # the online-only person is not in it


def test_people_in_different_counties_form_a_national_group() -> None:
    people = [_person(i, f"{c}01", 60.0, 10.0, {ONLINE}) for i, c in enumerate("1345", start=1)]
    people.append(_person(9, "5501", 69.6, 18.9, {ONLINE}))
    [proposal] = form_groups(people, [], county_offices={"55": 2, "13": 1})
    assert proposal.county is None
    assert proposal.format == ONLINE
    assert proposal.office in {1, 2}


def test_starters_must_consent_serve_the_topic_and_reach_the_place() -> None:
    people = [_person(i, "1506", 62.74, 7.16, {IN_PERSON}) for i in range(1, 6)]
    place = Place(1, "1506", 62.74, 7.16)
    molde = StarterPoint("1506", 62.74, 7.16)
    tromso = StarterPoint("5501", 69.65, 18.96)
    starters = [
        StarterCandidate(1, frozenset({1}), (molde,), consent=True),
        StarterCandidate(2, frozenset({1}), (molde,), consent=False),
        StarterCandidate(3, frozenset({2}), (molde,), consent=True),
        StarterCandidate(4, frozenset({1}), (tromso,), consent=True),
    ]
    [proposal] = form_groups(people, [place], starters)
    assert proposal.starters == (1,)


def test_parameters_reject_a_maximum_below_the_threshold() -> None:
    with pytest.raises(ValueError):
        Parameters(threshold=6, max_group_size=5)
