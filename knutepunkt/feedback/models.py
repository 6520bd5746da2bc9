from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knutepunkt.feedback.querysets import ChangeRequestQuerySet

MESSAGE_MAX_LENGTH = 2000


class ListingKind(models.TextChoices):
    GROUP = "group", _("Self-help group")
    CONTACT_POINT = "contact_point", _("Contact point or meeting place")
    OFFICE = "office", _("District office")


class ChangeRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


class ChangeRequest(models.Model):
    """A visitor's "something is wrong with this listing", in the queue of the office
    responsible for the listing. The sender's e-mail address (optional, for a reply) is
    deleted when the request is closed."""

    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("responsible office"),
        on_delete=models.CASCADE,
        related_name="change_requests",
    )
    kind = models.CharField(_("listing"), max_length=20, choices=ListingKind.choices)
    group = models.ForeignKey(
        "groups.SelfHelpGroup",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="change_requests",
    )
    contact_point = models.ForeignKey(
        "network.ContactPoint",
        verbose_name=_("contact point"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="change_requests",
    )
    # The listing's name when the request was sent, for the queue.
    listing_name = models.CharField(_("listing name"), max_length=200)
    message = models.TextField(_("what is wrong"), max_length=MESSAGE_MAX_LENGTH)
    email = models.EmailField(_("e-mail for a reply"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="nb"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ChangeRequestStatus.choices,
        default=ChangeRequestStatus.NEW,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Which fields the accepted change set (names only).
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    replied = models.BooleanField(_("answer sent"), default=False)

    objects = ChangeRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("listing correction")
        verbose_name_plural = _("listing corrections")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["office", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.listing_name} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == ChangeRequestStatus.NEW
