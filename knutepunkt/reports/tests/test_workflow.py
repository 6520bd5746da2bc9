"""The annual report's workflow: draft → submitted → approved (locked) → reopened."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from knutepunkt.activity.models import Activity
from knutepunkt.activity.services import activity_update
from knutepunkt.core.models import AuditEntry
from knutepunkt.reports.builder import build_office_report
from knutepunkt.reports.models import AnnualReport, ReportStatus
from knutepunkt.reports.services import (
    annual_report_approve,
    annual_report_get_or_create,
    annual_report_reopen,
    annual_report_submit,
    annual_report_update,
)

pytestmark = pytest.mark.django_db


def _submitted(demo: Any) -> AnnualReport:
    report = annual_report_get_or_create(office=demo.office, year=2012, actor=demo.staff)
    annual_report_update(report=report, actor=demo.staff, status_of_work="Et godt år.")
    return annual_report_submit(report=report, actor=demo.staff)


def test_office_staff_submit_their_own_report(demo: Any) -> None:
    report = _submitted(demo)

    assert report.status == ReportStatus.SUBMITTED
    assert report.submitted_by == demo.staff and report.submitted_at is not None
    assert AuditEntry.objects.filter(action="reports.annual_report.submitted").count() == 1


def test_other_office_cannot_submit_or_edit(demo: Any) -> None:
    report = annual_report_get_or_create(office=demo.office, year=2012, actor=demo.staff)

    with pytest.raises(PermissionDenied):
        annual_report_submit(report=report, actor=demo.other_staff)
    with pytest.raises(PermissionDenied):
        annual_report_update(report=report, actor=demo.other_staff, plans_next_year="x")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.plans_next_year == ""


def test_office_staff_cannot_approve(demo: Any) -> None:
    report = _submitted(demo)

    with pytest.raises(PermissionDenied):
        annual_report_approve(report=report, actor=demo.staff)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.locked_snapshot is None


def test_a_draft_cannot_be_approved(demo: Any) -> None:
    report = annual_report_get_or_create(office=demo.office, year=2012, actor=demo.staff)

    with pytest.raises(ValidationError):
        annual_report_approve(report=report, actor=demo.head)


def test_approved_report_keeps_its_figures_when_the_log_changes(demo: Any) -> None:
    report = annual_report_approve(report=_submitted(demo), actor=demo.head)
    # The services refuse (the year is closed); the snapshot also holds against rows
    # changed underneath (e.g. by a database repair).
    stand = Activity.objects.get(office=demo.office, title__startswith="Torgvert og stand")
    Activity.objects.filter(pk=stand.pk).update(people_reached=1)
    own = Activity.objects.filter(office=demo.office, kind="own_event", date__year=2012).first()
    assert own is not None
    Activity.objects.filter(pk=own.pk).update(title="Endret tittel")

    locked = build_office_report(office=demo.office, year=2012)
    assert locked.locked is True
    assert locked.figure("people_at_stands").value == 783
    assert locked.figure("participants_at_own_events").value == 133
    assert "Endret tittel" not in [a.title for a in locked.activities]
    assert locked.approved_at == report.approved_at
    assert locked.approved_by == demo.head.get_full_name()
    assert locked.narrative("status_of_work").text == "Et godt år."
    assert AuditEntry.objects.filter(action="reports.annual_report.approved").count() == 1


def test_approved_report_cannot_be_edited(demo: Any) -> None:
    report = annual_report_approve(report=_submitted(demo), actor=demo.head)

    with pytest.raises(ValidationError):
        annual_report_update(report=report, actor=demo.staff, status_of_work="Nytt")


def test_reopen_needs_a_reason_and_unlocks(demo: Any) -> None:
    report = annual_report_approve(report=_submitted(demo), actor=demo.head)
    with pytest.raises(ValidationError):
        annual_report_reopen(report=report, reason="  ", actor=demo.head)
    with pytest.raises(PermissionDenied):
        annual_report_reopen(report=report, reason="Feil tall", actor=demo.staff)

    stand = Activity.objects.get(office=demo.office, title__startswith="Torgvert og stand")
    annual_report_reopen(report=report, reason="Feil tall for stand", actor=demo.head)
    activity_update(actor=demo.staff, activity=stand, data={"people_reached": 0})

    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.locked_snapshot is None
    live = build_office_report(office=demo.office, year=2012)
    assert live.locked is False
    assert live.figure("people_at_stands").value == 583
    entry = AuditEntry.objects.get(action="reports.annual_report.reopened")
    assert entry.data["reason"] == "Feil tall for stand"


# --- The year closes with its approved report ---------------------------------------------


def test_approving_closes_the_year_and_reopening_opens_it(demo: Any) -> None:
    import datetime

    from knutepunkt.activity.services import activity_create, activity_delete, activity_import

    report = annual_report_approve(report=_submitted(demo), actor=demo.head)
    stand = Activity.objects.get(office=demo.office, title__startswith="Torgvert og stand")
    before = stand.people_reached

    attempts = [
        lambda: activity_update(actor=demo.staff, activity=stand, data={"people_reached": 1}),
        lambda: activity_delete(actor=demo.staff, activity=stand),
        lambda: activity_create(
            actor=demo.staff, date=datetime.date(2012, 6, 1), kind="stand", title="Sen stand"
        ),
        lambda: activity_import(
            actor=demo.staff,
            office=demo.office,
            rows=[{"date": datetime.date(2012, 3, 1), "kind": "stand", "title": "Importert"}],
        ),
        # Moving an activity of another year into the closed year is refused too.
        lambda: activity_update(
            actor=demo.staff,
            activity=Activity.objects.filter(office=demo.office).exclude(date__year=2012).first()
            or activity_create(
                actor=demo.staff, date=datetime.date(2013, 1, 5), kind="stand", title="2013"
            ),
            data={"date": datetime.date(2012, 12, 31)},
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.error_dict["date"][0].code == "year_closed"
        assert "2012" in refused.value.error_dict["date"][0].message % (
            refused.value.error_dict["date"][0].params or {}
        )
    stand.refresh_from_db()
    assert stand.people_reached == before != 1
    assert not Activity.objects.filter(title__in=["Sen stand", "Importert"]).exists()
    # Another office's 2012 is not closed.
    activity_create(
        actor=demo.other_staff, date=datetime.date(2012, 6, 1), kind="stand", title="Nord 2012"
    )

    annual_report_reopen(report=report, reason="Rett stand", actor=demo.head)
    activity_update(actor=demo.staff, activity=stand, data={"people_reached": 1})
    stand.refresh_from_db()
    assert stand.people_reached == 1


def test_changing_an_activity_of_a_closed_year_in_the_workspace_says_why(
    demo: Any, login: Any
) -> None:
    from django.urls import reverse

    annual_report_approve(report=_submitted(demo), actor=demo.head)
    stand = Activity.objects.get(office=demo.office, title__startswith="Torgvert og stand")
    client = login(demo.staff)

    deleted = client.post(reverse("staff:activity:activity_delete", args=[stand.pk]), follow=True)
    assert deleted.status_code == 200
    assert Activity.objects.filter(pk=stand.pk).exists()
    assert "approved" in deleted.content.decode() or "godkjent" in deleted.content.decode()

    edit = reverse("staff:activity:activity_edit", args=[stand.pk])
    form = client.get(edit).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "municipality": "",
            "partners": [p.pk for p in data.get("partners", [])],
            "office_tasks": [t.pk for t in data.get("office_tasks", [])],
            "plan_goals": [g.pk for g in data.get("plan_goals", [])],
            "people_reached": 1,
        }
    )
    response = client.post(edit, data)
    assert response.status_code in (200, 400)
    assert "2012" in str(response.context["form"].errors)
    stand.refresh_from_db()
    assert stand.people_reached != 1


def test_last_years_column_comes_from_the_approved_report(demo: Any) -> None:
    annual_report_approve(report=_submitted(demo), actor=demo.head)
    approved_2012 = build_office_report(office=demo.office, year=2012)
    # The 2012 rows change underneath (a repair): the 2013 report still compares with
    # what was approved for 2012.
    Activity.objects.filter(office=demo.office, date__year=2012).update(people_reached=0)
    report_2013 = build_office_report(office=demo.office, year=2013)
    assert report_2013.figure("people_at_stands").last_year == (
        approved_2012.figure("people_at_stands").value
    )
    assert report_2013.figure("people_at_stands").last_year == 783


# --- Deadlines and reminders ---------------------------------------------------------------


def test_deadline_reminders_go_to_offices_that_have_not_submitted_once_each(
    demo: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    import datetime

    from knutepunkt.reports.models import ReportReminder
    from knutepunkt.reports.services import report_deadline_reminders, report_deadline_set

    with pytest.raises(PermissionDenied):
        report_deadline_set(year=2012, due_on=datetime.date(2013, 3, 1), actor=demo.staff)
    report_deadline_set(
        year=2012, due_on=datetime.date(2013, 3, 1), remind_days_before=14, actor=demo.head
    )
    _submitted(demo)  # Midt has submitted; the others have not.
    offices_with_staff = {
        u.office_id for u in type(demo.staff).objects.filter(role="office_staff", is_active=True)
    }

    # Too early: nothing.
    assert report_deadline_reminders(today=datetime.date(2013, 2, 1)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        first = report_deadline_reminders(today=datetime.date(2013, 2, 20))
    with django_capture_on_commit_callbacks(execute=True):
        again = report_deadline_reminders(today=datetime.date(2013, 2, 21))
    assert first > 0 and again == 0
    reminded = set(ReportReminder.objects.values_list("office_id", flat=True))
    assert demo.office.pk not in reminded
    assert demo.other_office.pk in reminded
    recipients = {address for message in mailoutbox for address in message.to}
    assert demo.other_staff.email in recipients
    assert demo.staff.email not in recipients
    assert len(mailoutbox) == len(offices_with_staff & reminded)
    assert "2012" in mailoutbox[0].subject

    # After the deadline: one more reminder each, marked overdue.
    with django_capture_on_commit_callbacks(execute=True):
        overdue = report_deadline_reminders(today=datetime.date(2013, 3, 5))
    assert overdue == first
    assert ReportReminder.objects.filter(kind="overdue").count() == first


def test_report_list_shows_the_deadline(demo: Any, login: Any) -> None:
    import datetime

    from django.urls import reverse

    from knutepunkt.reports.services import report_deadline_set

    report_deadline_set(year=2012, due_on=datetime.date(2013, 3, 1), actor=demo.head)
    page = login(demo.staff).get(reverse("staff:reports:report_list") + "?year=2012")
    assert page.status_code == 200
    assert "2013" in page.content.decode()
