from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.i18n import LocalizedText, localized, localized_text
from knutepunkt.groups.querysets import SelfHelpGroupQuerySet, TopicQuerySet


class Topic(models.Model):
    """A life problem people meet around (anxiety, grief, a relative's addiction …)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_nb = models.CharField(_("name (bokmål)"), max_length=120, unique=True)
    name_nn = models.CharField(
        _("name (nynorsk)"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the nynorsk pages; when empty, the bokmål is shown."),
    )
    name_en = models.CharField(_("name (English)"), max_length=120)
    # Words people type for this topic, comma-separated, in both languages.
    synonyms = models.TextField(_("search words"), blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name_nb"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def name_text(self) -> LocalizedText:
        """The name with the language it is in (bokmål stands in for a missing one)."""
        return localized_text(self, "name")


class GroupFormat(models.TextChoices):
    IN_PERSON = "in_person", _("Meets in person")
    PHONE = "phone", _("By phone")
    ONLINE = "online", _("Online")


class GroupTarget(models.TextChoices):
    AFFECTED = "affected", _("For those affected")
    RELATIVES = "relatives", _("For relatives")


class GroupStatus(models.TextChoices):
    FORMING = "forming", _("Forming – waiting for enough people")
    OPEN = "open", _("Running, open for new members")
    CLOSED = "closed", _("Running, closed")
    ENDED = "ended", _("Ended")


class Weekday(models.IntegerChoices):
    """Days as Python's ``date.weekday()`` counts them: Monday is 0."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class SelfHelpGroup(models.Model):
    """A self-help group. Groups are closed and confidential: the system never stores
    who is in a group, only that it exists and how to get in touch through its contact
    point or district office."""

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="groups"
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Optional; the topic is shown when this is empty."),
    )
    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="groups",
    )
    contact_point = models.ForeignKey(
        "network.ContactPoint",
        verbose_name=_("contact point"),
        on_delete=models.PROTECT,
        related_name="groups",
        null=True,
        blank=True,
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="groups",
        null=True,
        blank=True,
        help_text=_("Where the group meets. Empty for phone and online groups."),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=GroupFormat.choices, default=GroupFormat.IN_PERSON
    )
    target = models.CharField(
        _("for whom"), max_length=20, choices=GroupTarget.choices, default=GroupTarget.AFFECTED
    )
    status = models.CharField(
        _("status"), max_length=20, choices=GroupStatus.choices, default=GroupStatus.FORMING
    )
    description_nb = models.TextField(_("description (bokmål)"), blank=True)
    description_nn = models.TextField(_("description (nynorsk)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    meeting_time = models.CharField(
        _("meeting time"), max_length=150, blank=True, help_text=_("E.g. every other Tuesday.")
    )
    # A fixed weekly time, when the group has one: meeting finders (the Meeting Guide feed)
    # and calendars can use it. ``meeting_time`` stays the words people read.
    meeting_weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, null=True, blank=True
    )
    meeting_starts = models.TimeField(_("starts at"), null=True, blank=True)
    meeting_ends = models.TimeField(_("ends at"), null=True, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    starter = models.ForeignKey(
        "starters.Starter",
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="groups_started",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SelfHelpGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-help group")
        verbose_name_plural = _("self-help groups")
        ordering = ["topic__name_nb", "id"]
        indexes = [models.Index(fields=["status", "format"])]

    def __str__(self) -> str:
        if self.title:
            return self.title
        where = self.municipality.name if self.municipality else self.get_format_display()
        return f"{self.topic} ({where})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        errors: dict[str, Any] = {}
        if self.format == GroupFormat.IN_PERSON and not (
            self.municipality_id or self.contact_point_id
        ):
            errors["municipality"] = _("A group that meets in person needs a place.")
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = _("The end date cannot be before the start date.")
        if (self.meeting_weekday is None) != (self.meeting_starts is None):
            errors["meeting_starts"] = _(
                "A fixed weekly time needs both the weekday and the time it starts."
            )
        if self.meeting_ends is not None and self.meeting_starts is None:
            errors["meeting_ends"] = _("Give the time the group starts, too.")
        elif (
            self.meeting_ends is not None
            and self.meeting_starts is not None
            and self.meeting_ends <= self.meeting_starts
        ):
            errors["meeting_ends"] = _("The group must end after it starts.")
        if errors:
            raise ValidationError(errors)


class GroupStatusChange(models.Model):
    group = models.ForeignKey(
        SelfHelpGroup,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=GroupStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=GroupStatus.choices)
    changed_on = models.DateField(_("date"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("group status change")
        verbose_name_plural = _("group status history")
        ordering = ["changed_on", "id"]

    def __str__(self) -> str:
        return f"{self.changed_on}: {self.from_status or '–'} → {self.to_status}"
