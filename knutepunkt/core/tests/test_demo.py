from __future__ import annotations

import datetime
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Sum
from django.test import RequestFactory
from django.utils import timezone

from knutepunkt.accounts.models import Role, User
from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.events.models import Event
from knutepunkt.geo.models import County
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup, Topic
from knutepunkt.network.models import (
    ContactPoint,
    DistrictOffice,
    OfficeCounty,
    Partner,
    PlanningGroupMember,
)
from knutepunkt.network.validators import is_valid_organisation_number
from knutepunkt.starters.models import Starter

pytestmark = pytest.mark.django_db

MIDT = "more-romsdal-trondelag"

EXPECTED_CONTACT_POINTS = {
    "alesund-haram": "established",
    "molde": "established",
    "sunndal": "established",
    "innherred": "established",
    "eidsvoll": "established",
    "nakuhel-asker": "established",
    "baerum-frisklivs": "established",
    "baerum-frivilligsentral": "established",
    "askim": "established",
    "sarpsborg": "established",
    "link-oslo": "established",
    "link-lyngen": "established",
    "link-lillehammer": "established",
    "varnesregionen": "planning",
    "kristiansund": "planning",
    "trondheim": "planning",
}

MODELS = [
    DistrictOffice,
    OfficeCounty,
    Partner,
    ContactPoint,
    PlanningGroupMember,
    Topic,
    SelfHelpGroup,
    Starter,
    Event,
    Activity,
    User,
]


def _counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in MODELS}


@pytest.fixture
def demo() -> None:
    call_command("load_demo", stdout=StringIO())


def test_demo_has_seven_offices_covering_every_current_county_exactly_once(demo: None) -> None:
    assert DistrictOffice.objects.count() == 7
    for county in County.objects.current():
        assert OfficeCounty.objects.filter(county=county).count() == 1, county.number
    midt = DistrictOffice.objects.get(slug=MIDT)
    assert midt.seat.number == "1505"
    assert sorted(midt.counties.values_list("number", flat=True)) == ["15", "50"]
    nord = DistrictOffice.objects.get(slug="nord-norge")
    assert sorted(nord.counties.values_list("number", flat=True)) == ["18", "55", "56"]


def test_demo_contact_points_exist_with_their_statuses_and_history(demo: None) -> None:
    found = dict(ContactPoint.objects.values_list("slug", "status"))
    assert found == EXPECTED_CONTACT_POINTS
    for cp in ContactPoint.objects.all():
        last = cp.status_changes.order_by("changed_on", "id").last()
        assert last is not None and last.to_status == cp.status, cp.slug
    alesund = ContactPoint.objects.get(slug="alesund-haram")
    assert set(alesund.municipalities_served.values_list("number", flat=True)) == {
        "1508",
        "1580",
    }
    eidsvoll = ContactPoint.objects.get(slug="eidsvoll")
    assert eidsvoll.municipalities_served.count() >= 5
    assert ContactPoint.objects.get(slug="link-oslo").kind == "meeting_place"
    sunndal_group = set(
        PlanningGroupMember.objects.filter(contact_point__slug="sunndal").values_list(
            "partner__name", flat=True
        )
    )
    assert "Bedriftshelsetjenesten, Hydro Aluminium Sunndal" in sunndal_group
    assert "NAV Sunndal" in sunndal_group
    # Seven contact points established or under work in the Midt office's area (4.1).
    assert ContactPoint.objects.filter(office__slug=MIDT).count() == 7


def test_midt_2012_log_has_dated_typed_activities_with_places(demo: None) -> None:
    log = Activity.objects.filter(office__slug=MIDT, date__year=2012)
    assert log.count() >= 40
    kinds = set(ActivityKind.values)
    for activity in log:
        assert activity.date.year == 2012
        assert activity.kind in kinds
        if activity.end_date:
            assert activity.end_date >= activity.date
    # Only the entries where the report names no place lack a municipality.
    without_place = set(log.filter(municipality__isnull=True).values_list("title", flat=True))
    assert without_place == {
        "Samarbeidsmøte med Lærings- og mestringssenteret i Helse Møre og Romsdal",
        "Møte med LMS, Helse Møre og Romsdal",
        "Oppfølgingsmøte for igangsettere",
    }
    rehab = log.get(title="Innlegg og stand på kongressen Rehab i Trondheim")
    assert (rehab.kind, rehab.date, rehab.end_date) == (
        "stand",
        datetime.date(2012, 1, 16),
        datetime.date(2012, 1, 17),
    )
    # Each 2012 activity has the municipality of its time.
    assert rehab.municipality.number == "5001"
    assert rehab.municipality.name == "Trondheim"
    haroy = log.get(title__endswith="på Harøy")
    assert (haroy.municipality.number, haroy.municipality.name) == ("1546", "Sandøy")
    molde = log.filter(municipality__name="Molde").first()
    assert molde is not None and molde.municipality.number == "1502"
    month_only = log.get(title="Møte med ressursgruppa selvhjelp i Sunndal")
    assert month_only.date == datetime.date(2012, 9, 1)
    assert "ukjent" in month_only.notes
    volda = log.get(title__startswith="Undervisning på høgskolen i Volda")
    assert volda.kind == "teaching"
    assert volda.plan_goals.filter(number=3).exists()


def test_midt_2012_figures_give_back_the_reports_totals(demo: None) -> None:
    log = Activity.objects.filter(office__slug=MIDT, date__year=2012)
    # Seed 003 §4.1, as docs/figures.md defines the figures: the office's own arranged
    # events include its starter trainings and follow-up meeting (§4.10); the 730 are
    # those participants plus the audiences of its talks at others' events; a stand's
    # 783 are the people present.
    own = log.filter(
        kind__in=[
            ActivityKind.OWN_EVENT,
            ActivityKind.STARTER_TRAINING,
            ActivityKind.STARTER_FOLLOW_UP,
        ]
    )
    talks = log.filter(kind=ActivityKind.CONTRIBUTION)
    stands = log.filter(kind=ActivityKind.STAND)
    own_total = own.aggregate(n=Sum("participants"))["n"]
    assert own_total == 133
    assert own_total + talks.aggregate(n=Sum("people_reached"))["n"] == 730
    assert stands.aggregate(n=Sum("participants"))["n"] == 783
    assert log.get(title__startswith="Åpent møte om selvhjelp og etablering").participants == 30
    assert log.get(title__startswith="Informasjonsmøte om selvhjelp På").people_reached == 80


def test_every_office_has_activities_this_year(demo: None) -> None:
    year = timezone.localdate().year
    for office in DistrictOffice.objects.all():
        assert office.activities.filter(date__year=year).exists(), office.slug


def test_demo_groups_follow_the_report(demo: None) -> None:
    sunndal = SelfHelpGroup.objects.filter(contact_point__slug="sunndal")
    assert sunndal.exists()
    assert set(sunndal.values_list("status", flat=True)) == {GroupStatus.FORMING}
    molde = SelfHelpGroup.objects.filter(contact_point__slug="molde")
    assert molde.filter(status=GroupStatus.OPEN).count() == 1
    national = SelfHelpGroup.objects.filter(format__in=["phone", "online"])
    assert national.count() >= 3
    assert not national.filter(municipality__isnull=False).exists()
    ended = SelfHelpGroup.objects.get(status=GroupStatus.ENDED)
    assert [c.to_status for c in ended.status_changes.all()] == ["open", "closed", "ended"]
    assert Topic.objects.count() >= 25
    assert "panikk" in Topic.objects.get(slug="angst").synonyms


def test_demo_events_are_public_upcoming_and_held(demo: None) -> None:
    now = timezone.now()
    events = Event.objects.all()
    assert all(e.is_public for e in events)
    upcoming = events.filter(starts_at__gt=now)
    assert upcoming.count() >= 5
    assert upcoming.filter(kind="county_conference").exists()
    assert upcoming.filter(kind="starter_training").exists()
    held = events.filter(starts_at__lt=now)
    this_year = timezone.localdate().year
    assert held.filter(starts_at__year=this_year - 1).count() >= 8
    assert held.filter(starts_at__year=this_year).exists()
    assert all(e.attended_count for e in held)


def test_demo_fills_the_public_statistics_and_this_years_figures(demo: None) -> None:
    """The public statistics show the last whole year; the dashboards and annual reports
    this year. Both have figures on whatever day the demo is loaded."""
    from knutepunkt.reports.statistics import public_statistics

    stats = public_statistics()
    assert stats.year == timezone.localdate().year - 1
    assert stats.county_table.column_totals is not None
    events_held, people_reached = stats.county_table.column_totals[2:4]
    assert isinstance(events_held, int) and events_held >= 8
    assert isinstance(people_reached, int) and people_reached > 1000
    year = timezone.localdate().year
    for office in DistrictOffice.objects.all():
        assert office.activities.filter(date__year=year - 1).exists(), office.slug


def test_demo_partner_organisation_numbers_are_valid_or_blank(demo: None) -> None:
    numbers = [n for n in Partner.objects.values_list("organisation_number", flat=True) if n]
    assert numbers
    assert all(is_valid_organisation_number(n) for n in numbers)
    assert Partner.objects.filter(name="Høgskulen i Volda", kind="university_college").exists()


def test_demo_starters_consented_and_were_trained(demo: None) -> None:
    starters = Starter.objects.all()
    assert starters.count() >= 3
    for starter in starters:
        assert starter.consent_to_contact and starter.consent_given_at is not None
        assert starter.email.endswith("@example.org")
        assert starter.trained_on is not None


def test_demo_users_sign_in_with_the_demo_password(demo: None) -> None:
    expected = {
        "hovedkontor": (Role.HEAD_OFFICE, True),
        "midt": (Role.OFFICE_STAFF, True),
        "nord": (Role.OFFICE_STAFF, True),
        "oslo": (Role.OFFICE_STAFF, True),
        "molde": (Role.CONTACT_POINT, True),
        "helsedir": (Role.FUNDER, False),
    }
    for username, (role, is_staff) in expected.items():
        user = authenticate(
            RequestFactory().post("/"), username=username, password="knutepunkt-demo"
        )
        assert isinstance(user, User), username
        assert (user.role, user.is_staff) == (role, is_staff)
    assert User.objects.get(username="midt").office.slug == MIDT
    assert User.objects.get(username="molde").contact_point.slug == "molde"


def test_demo_logins_prints_users_password_and_admin_url(demo: None, settings: Any) -> None:
    settings.SITE_URL = "http://127.0.0.1:8765"
    out = StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    assert "knutepunkt-demo" in text
    assert "Sign in at http://127.0.0.1:8765/arbeid/logg-inn/" in text
    assert "`make totp`" in text
    for username in ("hovedkontor", "midt", "nord", "oslo", "molde", "helsedir"):
        assert username in text


def test_loading_the_demo_twice_creates_nothing_new(demo: None) -> None:
    before = _counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert _counts() == before
    assert "nothing new" in out.getvalue()


def test_if_empty_leaves_a_user_modified_row_untouched(demo: None) -> None:
    ContactPoint.objects.filter(slug="molde").update(name="Selvhjelp Molde (endret)")
    Partner.objects.filter(name="Mental Helse Troms").delete()
    before = _counts()
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert _counts() == before
    assert not Partner.objects.filter(name="Mental Helse Troms").exists()
    assert ContactPoint.objects.get(slug="molde").name == "Selvhjelp Molde (endret)"
    # A full re-run restores what is missing but still keeps the user's edit.
    call_command("load_demo", stdout=StringIO())
    assert Partner.objects.filter(name="Mental Helse Troms").exists()
    assert ContactPoint.objects.get(slug="molde").name == "Selvhjelp Molde (endret)"


def test_if_empty_loads_into_an_empty_database() -> None:
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert "Demo data loaded" in out.getvalue()
    assert DistrictOffice.objects.count() == 7
