"""Demand on the coverage page: exact counts for staff, small counts hidden from the funder."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from knutepunkt.interests.tests.formation_fixtures import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(office_midt: Any) -> None:
    for _ in range(5):
        register("1506", formats=("phone",))  # five in Molde
    for _ in range(2):
        register("1539", formats=("phone",))  # two in Rauma


def _demand_section(html: str) -> str:
    start = html.index('id="demand"')
    return html[start : html.index('id="municipalities"')]


def test_office_staff_see_exact_waiting_counts(
    waiting: None, office_staff_midt: Any, login: Any
) -> None:
    url = reverse("staff:reports:coverage_office", args=["midt"])
    section = _demand_section(login(office_staff_midt).get(url).content.decode())
    assert "Molde" in section and "<td>5</td>" in section
    assert "Rauma" in section and "<td>2</td>" in section


def test_the_funder_sees_no_count_below_five(waiting: None, funder_viewer: Any, login: Any) -> None:
    section = _demand_section(
        login(funder_viewer).get(reverse("staff:reports:coverage")).content.decode()
    )
    assert "Molde" in section and "<td>5</td>" in section
    assert "Rauma" not in section
