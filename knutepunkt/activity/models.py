from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from knutepunkt.activity.querysets import ActivityQuerySet
from knutepunkt.core.i18n import localized


class OfficeTask(models.Model):
    """The six tasks of a district office, from the funder's assignment letter."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_nb = models.CharField(_("name (bokmål)"), max_length=200)
    name_nn = models.CharField(_("name (nynorsk)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        verbose_name = _("office task")
        verbose_name_plural = _("office tasks")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {localized(self, 'name')}"


class PlanGoal(models.Model):
    """The four goals of the national plan for self-help 2014–2018."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_nb = models.CharField(_("name (bokmål)"), max_length=200)
    name_nn = models.CharField(_("name (nynorsk)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        verbose_name = _("national plan goal")
        verbose_name_plural = _("national plan goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {localized(self, 'name')}"


class ActivityKind(models.TextChoices):
    OWN_EVENT = "own_event", _("Own event")
    CONTRIBUTION = "contribution", _("Talk or contribution at another's event")
    STAND = "stand", _("Stand at a congress or conference")
    STARTER_TRAINING = "starter_training", _("Starter training")
    STARTER_FOLLOW_UP = "starter_follow_up", _("Follow-up meeting for starters")
    PLANNING_GROUP_MEETING = "planning_group_meeting", _("Planning-group meeting")
    PARTNER_MEETING = "partner_meeting", _("Meeting with a partner")
    TEACHING = "teaching", _("Teaching at a university college")
    MEDIA_COVERAGE = "media_coverage", _("Media coverage")
    ADVERTISEMENT = "advertisement", _("Paid advertisement")
    INQUIRY = "inquiry", _("Direct inquiry")
    OTHER = "other", _("Other")


class Activity(models.Model):
    """One entry in a district office's activity log. The annual report's figures are
    computed from these, never typed in."""

    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    date = models.DateField(_("date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("For activities over several days.")
    )
    kind = models.CharField(_("type"), max_length=30, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=255)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="activities",
        null=True,
        blank=True,
    )
    partners = models.ManyToManyField(
        "network.Partner", verbose_name=_("partners"), blank=True, related_name="activities"
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("People who took part (own events, trainings)."),
    )
    people_reached = models.PositiveIntegerField(
        _("people reached"),
        null=True,
        blank=True,
        help_text=_("People given information directly, or present at a stand."),
    )
    office_tasks = models.ManyToManyField(
        OfficeTask, verbose_name=_("office tasks served"), blank=True, related_name="+"
    )
    plan_goals = models.ManyToManyField(
        PlanGoal, verbose_name=_("national plan goals served"), blank=True, related_name="+"
    )
    notes = models.TextField(_("notes"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    contact_point = models.ForeignKey(
        "network.ContactPoint",
        verbose_name=_("contact point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    url = models.URLField(_("link"), blank=True, help_text=_("E.g. a news article."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["office", "date"]),
            # The staff list: one office's log, newest first, paged.
            models.Index(fields=["office", "-date", "-id"], name="activity_office_newest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.title}"

    def clean(self) -> None:
        super().clean()
        if self.date and self.end_date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The end date cannot be before the date.")})


class ClosedYear(models.Model):
    """A year of one office's activity log that is closed: its annual report was approved,
    so the figures printed in it must not change under it. Activities dated in a closed
    year cannot be logged, changed, deleted or imported until head office reopens the
    report (which deletes this row)."""

    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.CASCADE,
        related_name="closed_years",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    closed_at = models.DateTimeField(_("closed"))

    class Meta:
        verbose_name = _("closed year")
        verbose_name_plural = _("closed years")
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="activity_closed_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.office_id}: {self.year}"


class ActivityImport(models.Model):
    """A spreadsheet imported into an office's log, known by a fingerprint of its rows so
    the same file cannot be imported twice (which would log every activity twice)."""

    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.CASCADE,
        related_name="activity_imports",
    )
    # sha256 of the normalised rows (knutepunkt.activity.imports.fingerprint).
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    imported_count = models.PositiveIntegerField(_("activities imported"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity import")
        verbose_name_plural = _("activity imports")
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fingerprint"], name="activity_import_once_per_office"
            )
        ]

    def __str__(self) -> str:
        return f"{self.imported_at:%d.%m.%Y} {self.file_name or self.fingerprint[:12]}"
