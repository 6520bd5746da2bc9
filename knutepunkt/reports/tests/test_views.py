"""Report pages in the staff workspace: access per role, the workflow over HTTP, the
national compilation, and that the funder never sees personal data."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from knutepunkt.activity.models import Activity
from knutepunkt.events.models import Event
from knutepunkt.events.services import registration_create
from knutepunkt.network.models import ContactPoint, DistrictOffice, PlanningGroupMember
from knutepunkt.reports.models import AnnualReport, ReportStatus
from knutepunkt.reports.services import (
    annual_report_approve,
    annual_report_get_or_create,
    annual_report_submit,
)
from knutepunkt.starters.services import starter_create

pytestmark = pytest.mark.django_db
MIDT = "more-romsdal-trondelag"


def detail_url(slug: str = MIDT, year: int = 2012, name: str = "report_detail") -> str:
    return reverse(f"staff:reports:{name}", kwargs={"year": year, "slug": slug})


def national_url(year: int = 2012) -> str:
    return reverse("staff:reports:national", kwargs={"year": year})


def _approve(demo: Any, office: DistrictOffice | None = None) -> AnnualReport:
    office = office or demo.office
    staff = demo.staff if office == demo.office else None
    report = annual_report_get_or_create(office=office, year=2012, actor=staff)
    annual_report_submit(report=report, actor=staff)
    return annual_report_approve(report=report, actor=demo.head)


def test_head_office_reads_any_office_report(demo: Any, login: Any) -> None:
    response = login(demo.head).get(detail_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Igangsetteropplæring i Trondheim" in html
    assert ">133<" in html and ">730<" in html and ">783<" in html
    assert response["Cache-Control"] == "no-store"


def test_office_staff_read_their_report_but_not_another_office(demo: Any, login: Any) -> None:
    client = login(demo.staff)

    assert client.get(detail_url()).status_code == 200
    assert client.get(detail_url("nord-norge")).status_code == 404
    assert login(demo.other_staff).get(detail_url()).status_code == 404
    assert client.get(detail_url("nord-norge", name="report_edit")).status_code == 404


def test_coordinator_has_no_reports(demo: Any, login: Any) -> None:
    client = login(demo.coordinator)

    assert client.get(detail_url()).status_code == 403
    assert client.get(reverse("staff:reports:report_list")).status_code == 403
    assert client.get(national_url()).status_code == 403


def test_unknown_year_or_office_is_404(demo: Any, login: Any) -> None:
    client = login(demo.head)

    assert client.get(detail_url(year=1850)).status_code == 404
    assert client.get(detail_url("finnes-ikke")).status_code == 404


def test_office_writes_and_submits_over_http(demo: Any, login: Any) -> None:
    client = login(demo.staff)
    response = client.post(
        detail_url(name="report_edit"),
        {"status_of_work": "Arbeidet har vokst.", "plans_next_year": "Flere kontaktpunkt."},
    )
    assert response.status_code == 302
    report = AnnualReport.objects.get(office=demo.office, year=2012)
    assert report.status_of_work == "Arbeidet har vokst."

    assert client.get(detail_url(name="report_submit")).status_code == 405
    assert client.post(detail_url(name="report_submit")).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert client.get(detail_url(name="report_edit")).status_code == 302  # no longer a draft


def test_only_head_office_approves_over_http(demo: Any, login: Any) -> None:
    report = annual_report_get_or_create(office=demo.office, year=2012, actor=demo.staff)
    annual_report_submit(report=report, actor=demo.staff)

    assert login(demo.staff).post(detail_url(name="report_approve")).status_code == 403
    assert login(demo.other_staff).post(detail_url(name="report_submit")).status_code == 404
    assert login(demo.head).post(detail_url(name="report_approve")).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED

    html = login(demo.head).get(detail_url()).content.decode()
    assert "Locked" in html and report.approved_at is not None


def test_head_office_reopens_with_a_reason(demo: Any, login: Any) -> None:
    _approve(demo)
    client = login(demo.head)

    response = client.post(detail_url(name="report_reopen"), {"reason": ""})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    response = client.post(detail_url(name="report_reopen"), {"reason": "Mangler tall"})
    assert response.status_code == 302
    assert AnnualReport.objects.get(office=demo.office, year=2012).status == ReportStatus.DRAFT


def test_funder_reads_approved_reports_only(demo: Any, login: Any) -> None:
    client = login(demo.funder)
    annual_report_get_or_create(office=demo.office, year=2012, actor=demo.staff)

    assert client.get(detail_url()).status_code == 404  # a draft
    _approve(demo)
    assert client.get(detail_url()).status_code == 200
    assert client.get(detail_url(name="report_edit")).status_code == 403
    assert client.post(detail_url(name="report_approve")).status_code == 403
    listing = client.get(reverse("staff:reports:report_list") + "?year=2012").content.decode()
    assert demo.office.name in listing and demo.other_office.name not in listing


def test_funder_national_compilation_has_approved_chapters_only(demo: Any, login: Any) -> None:
    _approve(demo)
    html = login(demo.funder).get(national_url()).content.decode()

    assert 'id="office-more-romsdal-trondelag"' in html
    assert 'id="office-nord-norge"' not in html
    assert demo.other_office.name in html  # listed as not yet approved


def test_funder_never_sees_personal_data(demo: Any, login: Any) -> None:
    starter = starter_create(
        actor=demo.staff,
        office=demo.office,
        name="Solveig Testesen",
        email="solveig.testesen@example.org",
        consent_to_contact=True,
    )
    event = (
        Event.objects.filter(office=demo.office, is_cancelled=False, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    assert event is not None
    registration_create(event=event, name="Per Påmeldt", email="per.pameldt@example.org")
    cp = ContactPoint.objects.get(slug="molde")
    PlanningGroupMember.objects.create(contact_point=cp, person_name="Privat Personsen")
    Activity.objects.filter(office=demo.office, date__year=2012).update(
        notes="Ring Privat Personsen"
    )
    _approve(demo)

    client = login(demo.funder)
    pages = [
        reverse("staff:dashboard"),
        reverse("staff:reports:report_list") + "?year=2012",
        detail_url(),
        national_url(),
    ]
    secrets = [starter.name, starter.email, "per.pameldt@example.org", "Per Påmeldt",
               "Privat Personsen"]  # fmt: skip
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for secret in secrets:
            assert secret not in html, (url, secret)


def test_national_compilation_lists_every_office_with_toc_anchors(demo: Any, login: Any) -> None:
    html = login(demo.head).get(national_url()).content.decode()

    offices = list(DistrictOffice.objects.all())
    assert len(offices) == 7
    for office in offices:
        assert f'href="#office-{office.slug}"' in html
        assert f'id="office-{office.slug}"' in html
    assert 'href="#introduction"' in html and 'id="introduction"' in html


def test_head_office_writes_the_introduction(demo: Any, login: Any) -> None:
    client = login(demo.head)
    url = reverse("staff:reports:national_edit", kwargs={"year": 2012})
    assert login(demo.funder).get(url).status_code == 403

    assert client.post(url, {"introduction": "Selvhjelp Norge har levert."}).status_code == 302
    assert "Selvhjelp Norge har levert." in client.get(national_url()).content.decode()


def test_national_html_query_count_does_not_grow_with_activities(demo: Any, login: Any) -> None:
    client = login(demo.head)
    client.get(national_url())  # warm caches (session, sites, translations)
    with CaptureQueriesContext(connection) as before:
        assert client.get(national_url()).status_code == 200
    Activity.objects.bulk_create(
        Activity(
            office=office,
            date=datetime.date(2012, 1 + i % 12, 1 + i % 28),
            kind="own_event" if i % 2 else "contribution",
            title=f"Ekstra {i}",
            participants=3,
            people_reached=5,
        )
        for office in DistrictOffice.objects.all()
        for i in range(40)
    )
    with CaptureQueriesContext(connection) as after:
        assert client.get(national_url()).status_code == 200

    assert len(after.captured_queries) == len(before.captured_queries)
    assert len(after.captured_queries) <= 40


def test_office_dashboard_shows_figures_and_follow_ups(demo: Any, login: Any) -> None:
    today = timezone.localdate()
    soon = ContactPoint.objects.get(slug="molde")
    overdue = ContactPoint.objects.get(slug="sunndal")
    later = ContactPoint.objects.get(slug="innherred")
    ContactPoint.objects.filter(office=demo.office).update(follow_up_on=None)
    for cp, days in ((soon, 10), (overdue, -3), (later, 30)):
        ContactPoint.objects.filter(pk=cp.pk).update(follow_up_on=today + datetime.timedelta(days))

    response = login(demo.staff).get(reverse("staff:dashboard"))
    assert response.status_code == 200
    names = [cp.name for cp in response.context["follow_ups"]]
    assert names == [overdue.name, soon.name]
    assert len(response.context["recent"]) == 10
    keys = [f.key for f in response.context["figures"]]
    assert "participants_at_own_events" in keys


def test_head_office_dashboard_shows_every_office_and_completeness(demo: Any, login: Any) -> None:
    response = login(demo.head).get(reverse("staff:dashboard") + "?year=2012")

    assert response.status_code == 200
    assert len(response.context["office_lines"]) == 7
    midt = next(r for r in response.context["overview"] if r.office == demo.office)
    assert len(midt.empty_sections) == 8
    totals = {f.key: f.value for f in response.context["national_figures"]}
    assert totals["participants_at_own_events"] >= 133


def test_coordinator_dashboard_shows_their_groups(demo: Any, login: Any) -> None:
    response = login(demo.coordinator).get(reverse("staff:dashboard"))

    assert response.status_code == 200
    groups = list(response.context["groups"])
    assert groups and all(g.contact_point_id == demo.coordinator.contact_point_id for g in groups)
