"""Applying the real 2020 → 2024 change to a database whose data were entered on the 2020
structure: every current reference moves to the 2024 rows, history stays where it was."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from knutepunkt.activity.models import Activity
from knutepunkt.core.models import AuditEntry
from knutepunkt.events.models import Event, EventKind
from knutepunkt.geo.loading import VINTAGES, load_geography
from knutepunkt.geo.models import County, CountySuccessor, Municipality, MunicipalitySuccessor
from knutepunkt.geo.places import clear_cache
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup
from knutepunkt.interests.models import Interest, InterestStatus
from knutepunkt.interests.testing import make_interest
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointStatus,
    DistrictOffice,
    OfficeCounty,
    Partner,
    PartnerKind,
)
from knutepunkt.starters.models import Starter
from knutepunkt.workflows.geography import apply_geography

pytestmark = pytest.mark.django_db

LAST_2023 = datetime.date(2023, 12, 31)
FIRST_2024 = datetime.date(2024, 1, 1)


def _m(number: str) -> Municipality:
    return Municipality.objects.current().get(number=number)


def _c(number: str) -> County:
    return County.objects.current().get(number=number)


@pytest.fixture
def on_the_2020_structure() -> dict[str, Any]:
    """Only the structure up to 2020 is loaded (as before the 2024 reform was known), and
    an organisation's data is entered on it."""
    MunicipalitySuccessor.objects.all().delete()
    CountySuccessor.objects.all().delete()
    Municipality.objects.all().delete()
    County.objects.all().delete()
    load_geography(vintages=VINTAGES[:1])
    clear_cache()
    assert _m("3030").name == "Lillestrøm"  # 2020 numbers are today's here
    ost = DistrictOffice.objects.create(name="Øst", slug="ost", seat=_m("3030"))
    nord = DistrictOffice.objects.create(name="Nord", slug="nord", seat=_m("5401"))
    for office, counties in [(ost, ["30", "38"]), (nord, ["54", "18"])]:
        for number in counties:
            OfficeCounty.objects.create(office=office, county=_c(number))
    partner = Partner.objects.create(
        name="Indre Østfold frivilligsentral",
        kind=PartnerKind.VOLUNTEER_CENTRE,
        office=ost,
        municipality=_m("3014"),
    )
    contact_point = ContactPoint.objects.create(
        name="Kontaktpunkt Lillestrøm",
        slug="lillestrom",
        office=ost,
        host=partner,
        municipality=_m("3030"),
        status=ContactPointStatus.ESTABLISHED,
    )
    contact_point.municipalities_served.set([_m("3030"), _m("3014"), _m("0301")])
    from knutepunkt.interests.testing import make_topic

    topic = make_topic()
    group = SelfHelpGroup.objects.create(
        topic=topic, office=nord, municipality=_m("5401"), status=GroupStatus.OPEN
    )
    ended_group = SelfHelpGroup.objects.create(
        topic=topic, office=ost, municipality=_m("3030"), status=GroupStatus.ENDED
    )
    split_group = SelfHelpGroup.objects.create(
        topic=topic, office=nord, municipality=_m("1507"), status=GroupStatus.FORMING
    )
    interest = make_interest(municipality=_m("5401"), topic=topic)
    placed = make_interest(municipality=_m("3030"), topic=topic, email="other@example.org")
    Interest.objects.filter(pk=placed.pk).update(status=InterestStatus.WITHDRAWN)
    starter = Starter.objects.create(name="Kari", office=ost, home_municipality=_m("3014"))
    starter.municipalities.set([_m("3014"), _m("3801")])
    ahead = timezone.now() + datetime.timedelta(days=30)
    event_ahead = Event.objects.create(
        title="Temakveld",
        slug="temakveld",
        kind=EventKind.INFORMATION_MEETING,
        starts_at=ahead,
        ends_at=ahead + datetime.timedelta(hours=2),
        office=ost,
        municipality=_m("3030"),
    )
    past = timezone.make_aware(datetime.datetime(2021, 3, 4, 18))
    event_past = Event.objects.create(
        title="Temakveld 2021",
        slug="temakveld-2021",
        kind=EventKind.INFORMATION_MEETING,
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=2),
        office=ost,
        municipality=_m("3030"),
    )
    activity = Activity.objects.create(
        office=ost,
        date=datetime.date(2021, 3, 4),
        kind="own_event",
        title="Temakveld",
        municipality=_m("3030"),
    )
    return {
        "ost": ost,
        "nord": nord,
        "partner": partner,
        "contact_point": contact_point,
        "group": group,
        "ended_group": ended_group,
        "split_group": split_group,
        "interest": interest,
        "withdrawn": placed,
        "starter": starter,
        "event_ahead": event_ahead,
        "event_past": event_past,
        "activity": activity,
    }


def _numbers(rows: Any) -> set[str]:
    return {row.number for row in rows}


def test_applying_2020_to_2024_moves_every_current_reference_and_no_history(
    on_the_2020_structure: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    data = on_the_2020_structure
    lillestrom_2020 = _m("3030")
    viken = _c("30")

    # Before: the 2024 vintage is loaded; the 2020 rows end on 31.12.2023 and nothing
    # current points at a row valid today any more.
    load_geography()
    clear_cache()
    lillestrom_2020.refresh_from_db()
    assert lillestrom_2020.valid_to == LAST_2023
    data["contact_point"].refresh_from_db()
    assert data["contact_point"].municipality == lillestrom_2020

    call_command("apply_geography", "--no-load")
    out = capsys.readouterr().out

    def fresh(name: str) -> Any:
        obj = data[name]
        obj.refresh_from_db()
        return obj

    # Offices: Viken's office covers Østfold, Akershus and Buskerud from 2024, Vestfold og
    # Telemark's both halves; Viken's row stays (the coverage of its time). Seats moved.
    ost, nord = fresh("ost"), fresh("nord")
    assert _numbers(c for c in ost.counties.all()) == {"30", "38", "31", "32", "33", "39", "40"}
    assert _numbers(nord.counties.current()) == {"18", "55", "56"}
    assert _numbers(ost.counties.current()) == {"31", "32", "33", "39", "40"}
    assert ost.counties.filter(pk=viken.pk).exists()
    assert (ost.seat.number, nord.seat.number) == ("3205", "5501")
    # Contact point, the areas it serves, the partner.
    contact_point = fresh("contact_point")
    assert contact_point.municipality.number == "3205"
    assert _numbers(contact_point.municipalities_served.all()) == {"3205", "3118", "0301"}
    assert fresh("partner").municipality.number == "3118"
    # Groups that run, the waiting interest, the starter, the event ahead.
    assert fresh("group").municipality.number == "5501"
    split = fresh("split_group")
    assert split.municipality.number == "1508"  # Ålesund, the larger part
    assert fresh("interest").municipality.number == "5501"
    starter = fresh("starter")
    assert starter.home_municipality.number == "3118"
    assert _numbers(starter.municipalities.all()) == {"3118", "3901"}
    assert fresh("event_ahead").municipality.number == "3205"
    # Nothing current points at an ended row any more.
    today = timezone.localdate()
    checks: list[tuple[Any, str]] = [
        (ContactPoint.objects.all(), "municipality"),
        (Partner.objects.all(), "municipality"),
        (DistrictOffice.objects.all(), "seat"),
        (Interest.objects.filter(status=InterestStatus.WAITING), "municipality"),
        (SelfHelpGroup.objects.exclude(status=GroupStatus.ENDED), "municipality"),
    ]
    for queryset, field in checks:
        ended = queryset.exclude(**{f"{field}__valid_to__isnull": True}).exclude(
            **{f"{field}__valid_to__gte": today}
        )
        assert not ended.exists(), (queryset.model, field)
    # History: the 2021 activity and event, the ended group, the withdrawn interest keep
    # the rows of their time.
    assert fresh("activity").municipality == lillestrom_2020
    assert fresh("event_past").municipality == lillestrom_2020
    assert fresh("ended_group").municipality == lillestrom_2020
    assert fresh("withdrawn").municipality == lillestrom_2020
    # What it moved is printed and audited (counts and places, no personal data).
    assert "contact points: Lillestrøm (3030) → Lillestrøm (3205): 1" in out
    assert "Øst: Viken (30) → Østfold (31)" in out
    assert "check: groups" in out and "Haram (1580)" in out
    assert "Moved" in out
    entry = AuditEntry.objects.get(action="geo.geography.applied")
    assert entry.data["moved"]["contact points"] == 1
    assert "Kari" not in str(entry.data)

    # Applying again moves nothing.
    again = apply_geography(actor=None)
    assert again.total == 0


def test_a_dry_run_changes_nothing(on_the_2020_structure: dict[str, Any]) -> None:
    load_geography()
    report = apply_geography(actor=None, dry_run=True)
    assert report.moved["contact points"] == 1
    contact_point = on_the_2020_structure["contact_point"]
    contact_point.refresh_from_db()
    assert contact_point.municipality.number == "3030"
