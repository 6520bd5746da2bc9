"""Writes of the reports app: the annual report's workflow (draft → submitted →
approved/locked, and reopening) and the national compilation's introduction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.activity.services import activity_year_close, activity_year_reopen
from knutepunkt.core.audit import audit_log, changed_fields
from knutepunkt.network.models import DistrictOffice
from knutepunkt.reports.builder import build_office_report, with_coverage
from knutepunkt.reports.models import (
    NARRATIVE_FIELDS,
    AnnualReport,
    NationalReport,
    ReportDeadline,
    ReportReminder,
    ReportStatus,
)
from knutepunkt.reports.snapshot import report_to_snapshot

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


def _may_write_for_office(actor: User | None, office_id: int) -> bool:
    if actor is None:
        return True  # the system
    return actor.is_head_office or (actor.is_office_staff and actor.office_id == office_id)


def _require_head_office(actor: User | None) -> None:
    if actor is not None and not actor.is_head_office:
        raise PermissionDenied(_("Only head office can do this."))


def annual_report_get_or_create(
    *, office: DistrictOffice, year: int, actor: User | None
) -> AnnualReport:
    """The office's report for the year, created as an empty draft the first time."""
    if not _may_write_for_office(actor, office.pk):
        raise PermissionDenied
    with transaction.atomic():
        report, created = AnnualReport.objects.get_or_create(office=office, year=year)
        if created:
            audit_log(actor=actor, action="reports.annual_report.created", target=report)
    return report


def annual_report_update(
    *, report: AnnualReport, actor: User | None, **narratives: str
) -> AnnualReport:
    """Save the office's narrative sections. Not allowed once the report is approved."""
    if not _may_write_for_office(actor, report.office_id):
        raise PermissionDenied
    unknown = set(narratives) - set(NARRATIVE_FIELDS)
    if unknown:
        raise ValueError(f"not narrative sections: {sorted(unknown)}")
    if report.is_locked:
        raise ValidationError(_("The report is approved and locked; head office must reopen it."))
    changes = changed_fields(report, narratives)
    if not changes:
        return report
    with transaction.atomic():
        for name, value in changes.items():
            setattr(report, name, value)
        report.full_clean()
        report.save(update_fields=[*changes, "updated_at"])
        audit_log(
            actor=actor,
            action="reports.annual_report.updated",
            target=report,
            data={"fields": sorted(changes)},
        )
    return report


def annual_report_submit(*, report: AnnualReport, actor: User | None) -> AnnualReport:
    """The office hands its draft to head office. Office staff of that office (or head
    office) only."""
    if not _may_write_for_office(actor, report.office_id):
        raise PermissionDenied
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    with transaction.atomic():
        report.status = ReportStatus.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = actor
        report.full_clean()
        report.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
        audit_log(actor=actor, action="reports.annual_report.submitted", target=report)
    return report


def annual_report_approve(*, report: AnnualReport, actor: User | None) -> AnnualReport:
    """Head office approves a submitted report and locks it: the figures, the computed
    sections and the coverage map as they stand now are stored in ``locked_snapshot`` and
    shown from then on."""
    _require_head_office(actor)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be approved."))
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        live = build_office_report(office=report.office, year=report.year)
        snapshot = report_to_snapshot(with_coverage([live])[0])
        report.status = ReportStatus.APPROVED
        report.approved_at = timezone.now()
        report.approved_by = actor
        report.locked_snapshot = snapshot
        report.full_clean()
        report.save(
            update_fields=["status", "approved_at", "approved_by", "locked_snapshot", "updated_at"]
        )
        # The year's activities are what the report printed: close them.
        activity_year_close(office=report.office, year=report.year, actor=actor)
        audit_log(
            actor=actor,
            action="reports.annual_report.approved",
            target=report,
            data={"figures": {f["key"]: f["value"] for f in snapshot["figures"]}},
        )
    return report


def annual_report_reopen(*, report: AnnualReport, reason: str, actor: User | None) -> AnnualReport:
    """Head office sends a submitted or approved report back to draft, with a reason.
    The snapshot is dropped: the report is computed live again."""
    _require_head_office(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reopen_reason": _("Give a reason for reopening.")})
    if report.status == ReportStatus.DRAFT:
        raise ValidationError(_("The report is already a draft."))
    with transaction.atomic():
        previous = report.status
        report.status = ReportStatus.DRAFT
        report.reopen_reason = reason
        report.approved_at = None
        report.approved_by = None
        report.locked_snapshot = None
        report.full_clean()
        report.save(
            update_fields=[
                "status",
                "reopen_reason",
                "approved_at",
                "approved_by",
                "locked_snapshot",
                "updated_at",
            ]
        )
        if previous == ReportStatus.APPROVED:
            activity_year_reopen(office=report.office, year=report.year, actor=actor)
        audit_log(
            actor=actor,
            action="reports.annual_report.reopened",
            target=report,
            data={"from_status": previous, "reason": reason},
        )
    return report


def national_report_update(*, year: int, introduction: str, actor: User | None) -> NationalReport:
    """Head office writes the national compilation's introduction."""
    _require_head_office(actor)
    with transaction.atomic():
        national, _created = NationalReport.objects.get_or_create(year=year)
        if national.introduction != introduction:
            national.introduction = introduction
            national.full_clean()
            national.save(update_fields=["introduction", "updated_at"])
            audit_log(actor=actor, action="reports.national_report.updated", target=national)
    return national


def narrative_values(report: AnnualReport) -> dict[str, Any]:
    return {name: getattr(report, name) for name in NARRATIVE_FIELDS}


def report_deadline_set(
    *, year: int, due_on: Any, remind_days_before: int = 14, actor: User | None
) -> ReportDeadline:
    """Head office sets (or moves) when a year's annual reports are due."""
    _require_head_office(actor)
    with transaction.atomic():
        deadline = ReportDeadline.objects.filter(year=year).first() or ReportDeadline(year=year)
        deadline.due_on = due_on
        deadline.remind_days_before = remind_days_before
        deadline.full_clean()
        deadline.save()
        audit_log(
            actor=actor,
            action="reports.deadline.set",
            target=deadline,
            data={"year": year, "due_on": due_on, "remind_days_before": remind_days_before},
        )
    return deadline


def report_deadline_reminders(*, today: Any = None) -> int:
    """E-mail the staff of every office whose report for a year with a deadline is not yet
    submitted: once when the deadline is near, once when it has passed. Idempotent: a
    reminder already sent is not sent again. Returns the number of offices reminded."""
    import datetime

    from knutepunkt.reports import emails

    today = today or timezone.localdate()
    sent = 0
    for deadline in ReportDeadline.objects.filter(
        due_on__gte=today - datetime.timedelta(days=60),
        due_on__lte=today + datetime.timedelta(days=366),
    ):
        if today > deadline.due_on:
            kind = ReportReminder.Kind.OVERDUE
        elif today >= deadline.due_on - datetime.timedelta(days=deadline.remind_days_before):
            kind = ReportReminder.Kind.BEFORE
        else:
            continue
        done = set(
            AnnualReport.objects.filter(
                year=deadline.year, status__in=[ReportStatus.SUBMITTED, ReportStatus.APPROVED]
            ).values_list("office_id", flat=True)
        )
        already = set(
            ReportReminder.objects.filter(deadline=deadline, kind=kind).values_list(
                "office_id", flat=True
            )
        )
        for office in DistrictOffice.objects.exclude(pk__in=done | already).order_by("pk"):
            with transaction.atomic():
                ReportReminder.objects.create(
                    deadline=deadline, office=office, kind=kind, sent_at=timezone.now()
                )
                emails.send_deadline_reminder(
                    office=office,
                    deadline=deadline,
                    overdue=kind == ReportReminder.Kind.OVERDUE,
                )
                audit_log(
                    actor=None,
                    action="reports.deadline.reminded",
                    target=office,
                    office=office,
                    data={"year": deadline.year, "kind": kind},
                )
            sent += 1
    return sent
