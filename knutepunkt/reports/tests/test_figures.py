"""The figures of the 2012 report, checked against an independent computation in plain
Python over the activity log (not through figures.py)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from knutepunkt.activity.models import Activity
from knutepunkt.activity.services import activity_create, activity_update
from knutepunkt.network.models import ContactPoint, ContactPointStatusChange
from knutepunkt.reports import figures as F
from knutepunkt.reports.builder import build_office_report

pytestmark = pytest.mark.django_db


def _year_activities(office: Any, year: int) -> list[Activity]:
    return list(
        Activity.objects.filter(
            office=office,
            date__gte=datetime.date(year, 1, 1),
            date__lte=datetime.date(year, 12, 31),
        )
    )


def _independent(activities: list[Activity]) -> dict[str, int]:
    def total(field: str, kinds: set[str]) -> int:
        return sum(getattr(a, field) or 0 for a in activities if a.kind in kinds)

    def count(kinds: set[str]) -> int:
        return sum(1 for a in activities if a.kind in kinds)

    own = {"own_event", "starter_training", "starter_follow_up"}

    return {
        "participants_at_own_events": total("participants", own),
        "people_informed": total("participants", own) + total("people_reached", {"contribution"}),
        "people_at_stands": total("participants", {"stand"}),
        "direct_inquiries": sum(
            1 if a.participants is None else a.participants
            for a in activities
            if a.kind == "inquiry"
        ),
        "starter_trainings": count({"starter_training"}),
        "people_trained": total("participants", {"starter_training"}),
        "students_taught": total("people_reached", {"teaching"}),
        "media_items": count({"media_coverage", "advertisement"}),
        "activities_total": len(activities),
        "partners_worked_with": len({p.pk for a in activities for p in a.partners.all()}),
    }


def test_2012_report_gives_the_seed_totals(demo: Any) -> None:
    report = build_office_report(office=demo.office, year=2012)

    assert report.figure("participants_at_own_events").value == 133
    assert report.figure("people_informed").value == 730
    assert report.figure("people_at_stands").value == 783
    assert report.figure("contact_points").value == 7


def test_2012_figures_equal_an_independent_computation(demo: Any) -> None:
    expected = _independent(_year_activities(demo.office, 2012))
    report = build_office_report(office=demo.office, year=2012)

    got = {f.key: f.value for f in report.figures if f.key in expected}
    assert got == expected
    assert expected["activities_total"] > 30


def test_2012_breakdown_by_kind_matches_the_log(demo: Any) -> None:
    activities = _year_activities(demo.office, 2012)
    report = build_office_report(office=demo.office, year=2012)

    by_kind = next(b for b in report.breakdowns if b.key == "kind")
    expected: dict[str, int] = {}
    for a in activities:
        expected[a.kind] = expected.get(a.kind, 0) + 1
    assert {r.key: r.value for r in by_kind.rows} == expected
    by_month = next(b for b in report.breakdowns if b.key == "month")
    assert sum(r.value for r in by_month.rows) == len(activities)


def test_2012_activities_are_listed_in_date_order_then_id(demo: Any) -> None:
    report = build_office_report(office=demo.office, year=2012)

    expected = sorted(_year_activities(demo.office, 2012), key=lambda a: (a.date, a.pk))
    assert [a.id for a in report.activities] == [a.pk for a in expected]
    dates = [a.date for a in report.activities]
    assert dates == sorted(dates)
    assert dates[0].year == 2012 and dates[-1].year == 2012


def test_same_day_activities_are_ordered_by_id(demo: Any) -> None:
    day = datetime.date(2012, 3, 12)
    later = activity_create(
        actor=demo.staff, office=demo.office, date=day, kind="other", title="Second the same day"
    )
    report = build_office_report(office=demo.office, year=2012)

    same_day = [a.id for a in report.activities if a.date == day]
    assert same_day == sorted(same_day)
    assert same_day[-1] == later.pk


def test_year_over_year_compares_with_last_year(demo: Any) -> None:
    activity_create(
        actor=demo.staff,
        office=demo.office,
        date=datetime.date(2011, 6, 1),
        kind="own_event",
        title="Open meeting the year before",
        participants=40,
    )
    report = build_office_report(office=demo.office, year=2012)

    row = report.figure("participants_at_own_events")
    assert (row.value, row.last_year, row.change) == (133, 40, 93)
    next_year = build_office_report(office=demo.office, year=2013)
    assert next_year.figure("participants_at_own_events").last_year == 133


def test_figures_follow_changes_in_the_log(demo: Any) -> None:
    stand = Activity.objects.get(
        office=demo.office, kind="stand", title__startswith="Torgvert og stand"
    )
    activity_update(actor=demo.staff, activity=stand, data={"participants": 100})

    report = build_office_report(office=demo.office, year=2012)
    assert report.figure("people_at_stands").value == 783 - 200 + 100


def test_contact_point_status_is_read_from_history_on_31_december(demo: Any) -> None:
    # LINK Trondheim was an idea in September 2012 and in planning from October 2012.
    trondheim = ContactPoint.objects.get(slug="trondheim")

    assert F.contact_point_status_on([trondheim], datetime.date(2012, 9, 30)) == {
        trondheim.pk: "idea"
    }
    assert F.contact_point_status_on([trondheim], datetime.date(2011, 12, 31)) == {
        trondheim.pk: None
    }
    counted_2011 = F.contact_points_established_or_planning([demo.office.pk], 2011)
    assert trondheim not in counted_2011[demo.office.pk]
    assert len(counted_2011[demo.office.pk]) == 3  # Ålesund/Haram, Molde, Innherred


def test_contact_point_without_history_falls_back_to_current_status(demo: Any) -> None:
    cp = ContactPoint.objects.filter(office=demo.office, status="established").first()
    assert cp is not None
    ContactPointStatusChange.objects.filter(contact_point=cp).delete()

    assert F.contact_point_status_on([cp], datetime.date(1999, 1, 1)) == {cp.pk: "established"}


def test_contact_point_inactive_at_year_end_is_not_counted(demo: Any) -> None:
    cp = ContactPoint.objects.get(slug="sunndal")
    ContactPointStatusChange.objects.create(
        contact_point=cp, from_status="established", to_status="inactive",
        changed_on=datetime.date(2012, 12, 1),
    )  # fmt: skip

    report = build_office_report(office=demo.office, year=2012)
    assert report.figure("contact_points").value == 6
    assert "sunndal" not in {c.name.lower().rsplit(" ", 1)[-1] for c in report.contact_points}
