"""Waiting demand: one function, one small-count rule. Whoever handles the interests sees
their counts as they are; counts beyond that lose every row of 1–4 people."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from knutepunkt.conftest import municipality
from knutepunkt.interests.demand import counts_may_be_left_out, waiting_demand
from knutepunkt.interests.testing import make_interest, make_topic
from knutepunkt.interests.tests.formation_fixtures import register
from knutepunkt.interests.tests.helpers import english  # noqa: F401

pytestmark = pytest.mark.django_db

MOLDE, TROMSO = "1506", "5501"


def _waiting(number: str, n: int, topic: Any = None) -> None:
    for i in range(n):
        make_interest(municipality=municipality(number), topic=topic, alias=f"P{number}-{i}")


@pytest.fixture
def two_and_two(office_midt: Any, office_nord: Any) -> None:
    _waiting(MOLDE, 2)
    _waiting(TROMSO, 2)


def _places(rows: list[Any]) -> dict[str, int]:
    return {r.municipality_number: r.count for r in rows}


def test_each_office_sees_its_own_small_counts_but_not_another_offices(
    two_and_two: None, office_staff_midt: Any, office_staff_nord: Any
) -> None:
    assert _places(waiting_demand(user=office_staff_midt, by_topic=False)) == {MOLDE: 2}
    assert _places(waiting_demand(user=office_staff_nord, by_topic=False)) == {TROMSO: 2}


def test_head_office_and_internal_callers_see_every_count(
    two_and_two: None, head_office_admin: Any
) -> None:
    both = {MOLDE: 2, TROMSO: 2}
    assert _places(waiting_demand(user=head_office_admin, by_topic=False)) == both
    assert _places(waiting_demand(by_topic=False)) == both


def test_the_funder_sees_only_counts_of_five_or_more(
    two_and_two: None, funder_viewer: Any, office_staff_midt: Any
) -> None:
    assert waiting_demand(user=funder_viewer, by_topic=False) == []
    _waiting(TROMSO, 3)
    assert _places(waiting_demand(user=funder_viewer, by_topic=False)) == {TROMSO: 5}
    assert _places(waiting_demand(user=office_staff_midt, by_topic=False)) == {
        MOLDE: 2,
        TROMSO: 5,
    }


def test_the_rule_applies_to_each_row_shown(office_midt: Any, funder_viewer: Any) -> None:
    grief = make_topic(slug="sorg", name_nb="Sorg", name_en="Grief")
    _waiting(MOLDE, 3)
    _waiting(MOLDE, 2, topic=grief)

    by_place = waiting_demand(user=funder_viewer, by_topic=False)
    assert [(r.municipality, r.count, r.topics) for r in by_place] == [("Molde", 5, 2)]
    # Per topic, the rows count three and two people: neither may be shown.
    assert waiting_demand(user=funder_viewer) == []
    with translation.override("en"):
        by_topic = waiting_demand(office=office_midt)
    assert [(r.topic, r.count) for r in by_topic] == [("Anxiety", 3), ("Grief", 2)]


def test_a_coordinator_sees_the_interests_routed_to_their_contact_point(
    contact_point_coordinator: Any, contact_point_molde: Any
) -> None:
    _waiting(MOLDE, 1)
    rows = waiting_demand(user=contact_point_coordinator, contact_point=contact_point_molde)
    assert [(r.municipality, r.count) for r in rows] == [("Molde", 1)]


def test_who_is_told_that_rows_may_be_left_out(
    head_office_admin: Any, office_staff_midt: Any, office_midt: Any, office_nord: Any,
    funder_viewer: Any,
) -> None:  # fmt: skip
    assert not counts_may_be_left_out(head_office_admin)
    assert not counts_may_be_left_out(office_staff_midt, office=office_midt)
    assert counts_may_be_left_out(office_staff_midt)  # the whole country
    assert counts_may_be_left_out(office_staff_midt, office=office_nord)
    assert counts_may_be_left_out(funder_viewer, office=office_midt)


@pytest.mark.usefixtures("english")
def test_office_staff_on_the_national_coverage_page_see_other_offices_suppressed(
    office_midt: Any, office_nord: Any, office_staff_midt: Any, login: Any
) -> None:
    for _ in range(2):
        register(MOLDE, formats=("phone",))
        register(TROMSO, formats=("phone",))
    html = login(office_staff_midt).get(reverse("staff:reports:coverage")).content.decode()
    section = html[html.index('id="demand"') : html.index('id="municipalities"')]
    assert "Molde" in section and "Tromsø" not in section
    assert "fewer than 5 people" in section
