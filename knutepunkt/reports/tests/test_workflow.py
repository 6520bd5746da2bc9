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
    stand = Activity.objects.get(office=demo.office, title__startswith="Torgvert og stand")
    activity_update(actor=demo.staff, activity=stand, data={"people_reached": 1})
    own = Activity.objects.filter(office=demo.office, kind="own_event", date__year=2012).first()
    assert own is not None
    activity_update(actor=demo.staff, activity=own, data={"title": "Endret tittel"})

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
    activity_update(actor=demo.staff, activity=stand, data={"participants": 0})
    annual_report_reopen(report=report, reason="Feil tall for stand", actor=demo.head)

    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.locked_snapshot is None
    live = build_office_report(office=demo.office, year=2012)
    assert live.locked is False
    assert live.figure("people_at_stands").value == 583
    entry = AuditEntry.objects.get(action="reports.annual_report.reopened")
    assert entry.data["reason"] == "Feil tall for stand"
