import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.conftest import municipality
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup, Topic
from knutepunkt.reports.coverage import NOTHING, SERVED, SOME, coverage_report

pytestmark = pytest.mark.django_db

MIDT = ("15", "50")


def _row(report, number):
    return next(r for r in report.rows if r.number == number)


def test_municipality_served_by_molde_contact_point_has_distance_zero(contact_point_molde):
    report = coverage_report(county_numbers=MIDT)
    molde = _row(report, "1506")
    assert molde.contact_points == ("Kontaktpunkt for selvhjelp i Molde",)
    assert molde.distance_km == 0
    assert molde.css_class == SERVED
    assert not molde.is_white_spot


def test_served_municipalities_include_those_a_contact_point_serves(contact_point_molde):
    contact_point_molde.municipalities_served.add(municipality("1539"))  # Rauma
    report = coverage_report(county_numbers=MIDT)
    assert _row(report, "1539").distance_km == 0
    assert _row(report, "1539").served


def test_municipality_with_nothing_is_a_white_spot_with_distance(contact_point_molde):
    report = coverage_report(county_numbers=MIDT)
    kristiansund = _row(report, "1505")
    assert kristiansund.is_white_spot
    assert kristiansund.css_class == NOTHING
    assert 30 < kristiansund.distance_km < 80  # Molde–Kristiansund, as the crow flies
    assert kristiansund in report.white_spots


def test_group_or_recent_activity_is_not_a_white_spot(contact_point_molde, office_midt):
    topic = Topic.objects.create(slug="sorg", name_nb="Sorg", name_en="Grief")
    SelfHelpGroup.objects.create(
        topic=topic,
        office=office_midt,
        municipality=municipality("1505"),
        status=GroupStatus.OPEN,
    )
    Activity.objects.create(
        office=office_midt,
        date=timezone.localdate() - datetime.timedelta(days=30),
        kind=ActivityKind.OWN_EVENT,
        title="Informasjonsmøte",
        municipality=municipality("1508"),
    )
    Activity.objects.create(
        office=office_midt,
        date=timezone.localdate() - datetime.timedelta(days=400),
        kind=ActivityKind.OWN_EVENT,
        title="Gammelt møte",
        municipality=municipality("1515"),
    )
    report = coverage_report(county_numbers=MIDT)
    assert _row(report, "1505").groups == 1 and _row(report, "1505").css_class == SOME
    assert _row(report, "1508").activities_12m == 1 and not _row(report, "1508").is_white_spot
    assert _row(report, "1515").activities_12m == 0 and _row(report, "1515").is_white_spot


def test_white_spots_are_ranked_furthest_first(contact_point_molde):
    spots = coverage_report(county_numbers=MIDT).white_spots
    distances = [s.distance_km or 0.0 for s in spots]
    assert distances == sorted(distances, reverse=True)
    assert distances[0] > 300  # the far end of Trøndelag


def test_coverage_uses_a_handful_of_queries(contact_point_molde, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        report = coverage_report()
    assert len(report.rows) == 357


def test_head_office_sees_country_map_with_table_and_attribution(
    login, head_office_admin, contact_point_molde
):
    response = login(head_office_admin).get(reverse("staff:reports:coverage"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and 'href="#kommune-1506"' in html
    assert 'id="kommune-1506"' in html
    assert "Kartverket" in html


def test_office_staff_see_their_office_and_not_another(
    login, office_staff_midt, office_nord, contact_point_molde
):
    client = login(office_staff_midt)
    ok = client.get(reverse("staff:reports:coverage_office", args=["midt"]))
    assert ok.status_code == 200
    assert "Molde" in ok.content.decode()
    assert client.get(reverse("staff:reports:coverage_office", args=["nord"])).status_code == 404
    assert client.get(reverse("staff:reports:white_spots_csv", args=["nord"])).status_code == 404


def test_funder_sees_country_map_and_lists(login, funder_viewer, office_midt):
    client = login(funder_viewer)
    assert client.get(reverse("staff:reports:coverage")).status_code == 200
    assert client.get(reverse("staff:reports:coverage_office", args=["midt"])).status_code == 200


def test_coordinator_may_not_open_coverage(login, contact_point_coordinator):
    response = login(contact_point_coordinator).get(reverse("staff:reports:coverage"))
    assert response.status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("staff:reports:coverage"))
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_white_spot_csv_lists_ranked_spots(login, office_staff_midt, contact_point_molde):
    response = login(office_staff_midt).get(reverse("staff:reports:white_spots_csv", args=["midt"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1].startswith("1;")
    assert "Kristiansund" in response.content.decode("utf-8-sig")
    assert "Molde;" not in response.content.decode("utf-8-sig")
