from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knutepunkt.reports.querysets import (
    AnnualReportQuerySet,
    NationalReportQuerySet,
    ReportExportQuerySet,
)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved (locked)")


# The narrative sections the office writes, in the order of the 2012 report.
NARRATIVE_FIELDS: tuple[str, ...] = (
    "status_of_work",
    "planning_groups_text",
    "partners_text",
    "contact_points_text",
    "larger_projects",
    "university_colleges_text",
    "media_text",
    "plans_next_year",
)


class AnnualReport(models.Model):
    """A district office's annual report for one year. The figures and computed sections
    come from the activity log; the office writes the narrative sections. Approval locks
    the report: the computed part is then frozen in ``locked_snapshot``."""

    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    status_of_work = models.TextField(_("status of the work"), blank=True)
    planning_groups_text = models.TextField(_("resource and planning groups"), blank=True)
    partners_text = models.TextField(_("partners"), blank=True)
    contact_points_text = models.TextField(_("how the contact points were built"), blank=True)
    larger_projects = models.TextField(_("larger projects"), blank=True)
    university_colleges_text = models.TextField(_("university colleges"), blank=True)
    media_text = models.TextField(_("media coverage and marketing"), blank=True)
    plans_next_year = models.TextField(_("plans for next year"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved and locked"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    locked_snapshot: models.JSONField[Any, Any] = models.JSONField(
        _("locked snapshot"), null=True, blank=True, editable=False
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "office__name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_annual_report_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year}"

    @property
    def is_locked(self) -> bool:
        return self.status == ReportStatus.APPROVED


class NationalReport(models.Model):
    """The national compilation for a year: head office writes the introduction; the rest
    is compiled from the offices' reports."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NationalReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("national report")
        verbose_name_plural = _("national reports")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


# --- Background exports (owned by the outputs helper: PDF/XLSX generation, reports.tasks) ---


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ReportExport(models.Model):
    """A file generated in the background (the national PDF): its progress and, when
    done, the stored file (under MEDIA/VAR, see reports.tasks)."""

    kind = models.CharField(_("kind"), max_length=30, default="national_pdf")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (percent)"), default=0)
    file_path = models.CharField(_("file"), max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = ReportExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.year} ({self.status})"


class ReportDeadline(models.Model):
    """When the offices' annual reports for a year are due. Offices that have not
    submitted get a reminder before the date and another once it has passed."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    due_on = models.DateField(_("due"))
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind this many days before"), default=14
    )

    class Meta:
        verbose_name = _("report deadline")
        verbose_name_plural = _("report deadlines")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.due_on:%d.%m.%Y}"


class ReportReminder(models.Model):
    """A reminder sent to an office about a deadline: kept so each goes out once."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Before the deadline")
        OVERDUE = "overdue", _("After the deadline")

    deadline = models.ForeignKey(ReportDeadline, on_delete=models.CASCADE, related_name="reminders")
    office = models.ForeignKey("network.DistrictOffice", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "office", "kind"], name="reports_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id} {self.office_id} {self.kind}"
