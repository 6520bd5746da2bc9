"""Fixtures for the reports tests: the demo network (with the 2012 log of the Møre og
Romsdal og Trøndelag office, from seed 003) and its demo users, one per role."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command

from knutepunkt.accounts.models import User
from knutepunkt.network.models import DistrictOffice

MIDT = "more-romsdal-trondelag"


@dataclass
class Demo:
    office: DistrictOffice
    other_office: DistrictOffice
    head: User
    staff: User
    other_staff: User
    coordinator: User
    funder: User


@pytest.fixture
def demo(db: Any) -> Demo:
    call_command("load_demo", stdout=io.StringIO())
    users = {u.username: u for u in User.objects.all()}
    return Demo(
        office=DistrictOffice.objects.get(slug=MIDT),
        other_office=DistrictOffice.objects.get(slug="nord-norge"),
        head=users["hovedkontor"],
        staff=users["midt"],
        other_staff=users["nord"],
        coordinator=users["molde"],
        funder=users["helsedir"],
    )
