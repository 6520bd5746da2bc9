"""A municipality is validated against the date it is used for: the activity's date."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from knutepunkt.accounts.models import User
from knutepunkt.activity.models import Activity
from knutepunkt.activity.services import activity_create
from knutepunkt.geo.models import Municipality
from knutepunkt.reports.builder import build_office_report
from knutepunkt.staff.activity.forms import ActivityForm

pytestmark = pytest.mark.django_db

DAY_2012 = datetime.date(2012, 1, 19)

with translation.override("en"):
    CREATE = reverse("staff:activity:activity_create")


def _form(user: User, **data: Any) -> ActivityForm:
    values = {"date": "2012-01-19", "kind": "own_event", "title": "Informasjonsmøte"}
    values.update(data)
    return ActivityForm(data=values, user=user, office=user.office)  # type: ignore[arg-type]


def test_askim_on_a_2012_date_is_the_askim_of_2012(office_staff_midt: User) -> None:
    form = _form(office_staff_midt, municipality="Askim")
    assert form.is_valid(), form.errors
    askim = form.cleaned_data["municipality"]
    assert (askim.number, askim.name, askim.county.name) == ("0124", "Askim", "Østfold")


def test_lillestrom_on_a_2012_date_is_refused_with_the_names_valid_then(
    office_staff_midt: User,
) -> None:
    form = _form(office_staff_midt, municipality="Lillestrøm")
    assert not form.is_valid()
    assert form.errors["municipality"] == [
        "Lillestrøm did not exist on 19/01/2012; then it was Fet, Skedsmo or Sørum."
    ]
    with translation.override("nb"):
        form = _form(office_staff_midt, municipality="3205")
        assert not form.is_valid()
        assert form.errors["municipality"] == [
            "Lillestrøm fantes ikke 19.01.2012; da var det Fet, Skedsmo eller Sørum."
        ]
    with translation.override("nn"):
        form = _form(office_staff_midt, municipality="Lillestrøm")
        assert not form.is_valid()
        assert form.errors["municipality"] == [
            "Lillestrøm fanst ikkje 19.01.2012; då var det Fet, Skedsmo eller Sørum."
        ]


def test_a_municipality_that_had_ended_is_refused_with_its_successor(
    office_staff_midt: User,
) -> None:
    form = _form(office_staff_midt, date="2025-03-01", municipality="Askim")
    assert not form.is_valid()
    assert form.errors["municipality"] == [
        "Askim did not exist on 01/03/2025; then it was Indre Østfold."
    ]
    # The same name on today's date is today's row.
    form = _form(office_staff_midt, date="2025-03-01", municipality="Indre Østfold")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["municipality"].number == "3118"


def test_names_that_did_not_change_work_on_any_date(office_staff_midt: User) -> None:
    for day in ["2012-01-19", "2021-06-01", "2025-03-01"]:
        form = _form(office_staff_midt, date=day, municipality="Oslo")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["municipality"].number == "0301"
    # Molde of 2012 is the Molde before the 2020 merger.
    form = _form(office_staff_midt, municipality="Molde")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["municipality"].number == "1502"


def test_the_service_refuses_a_municipality_row_of_another_time(
    office_staff_midt: User,
) -> None:
    lillestrom = Municipality.objects.current().get(number="3205")
    with pytest.raises(ValidationError) as error:
        activity_create(
            actor=office_staff_midt,
            date=DAY_2012,
            kind="own_event",
            title="Møte",
            municipality=lillestrom,
        )
    assert "Lillestrøm did not exist on" in str(error.value)
    with pytest.raises(ValidationError):
        activity_create(
            actor=office_staff_midt,
            date=DAY_2012,
            kind="own_event",
            title="Møte",
            municipality="3030",
        )


def test_an_activity_in_askim_in_2012_is_logged_and_the_2012_report_lists_askim(
    office_staff_midt: User, login: Any
) -> None:
    data = {
        "date": "2012-01-19",
        "kind": "own_event",
        "title": "Åpent møte",
        "municipality": "Askim",
        "participants": "12",
    }
    response = login(office_staff_midt).post(CREATE, data)
    assert response.status_code == 302, response.context["form"].errors
    activity = Activity.objects.get(title="Åpent møte")
    assert activity.municipality is not None
    assert (activity.municipality.number, activity.municipality.name) == ("0124", "Askim")
    report = build_office_report(office=office_staff_midt.office, year=2012)  # type: ignore[arg-type]
    places = next(b for b in report.breakdowns if b.key == "municipality")
    assert [(row.name, row.county, row.value) for row in places.rows] == [("Askim", "Østfold", 1)]


def test_the_2012_places_can_be_totalled_on_todays_map(office_staff_midt: User) -> None:
    from knutepunkt.reports.figures import (
        activities_by_municipality,
        activities_by_municipality_today,
    )

    office = office_staff_midt.office
    assert office is not None
    for number in ["0124", "0125", "1502"]:  # Askim, Eidsberg, Molde of 2012
        activity_create(
            actor=office_staff_midt,
            date=DAY_2012,
            kind="own_event",
            title=f"Møte {number}",
            municipality=Municipality.objects.current(DAY_2012).get(number=number),
        )
    as_then = activities_by_municipality([office.pk], 2012)[office.pk]
    assert [(name, county, n) for _c, county, _nr, name, n in as_then] == [
        ("Askim", "Østfold", 1),
        ("Eidsberg", "Østfold", 1),
        ("Molde", "Møre og Romsdal", 1),
    ]
    today = activities_by_municipality_today([office.pk], 2012)[office.pk]
    assert [(nr, name, county, n) for _c, county, nr, name, n in today] == [
        ("1506", "Molde", "Møre og Romsdal", 1),
        ("3118", "Indre Østfold", "Østfold", 2),
    ]
