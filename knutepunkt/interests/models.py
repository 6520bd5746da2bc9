"""An interest: a person wants a self-help group on a topic that does not exist yet.

This is health-related personal data (GDPR art. 9). The model holds the minimum: a first
name or alias, ONE way to reach the person (encrypted at rest, see ``crypto.py``) and what
kind of group they want. Contact data exists only while the interest is ``waiting``:
placing, expiry and withdrawal remove it (see ``services.py`` and docs/personal-data.md).
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.groups.models import GroupFormat, GroupTarget

from .crypto import EncryptedTextField
from .querysets import InterestQuerySet

ALIAS_MAX_LENGTH = 40


def new_access_key() -> str:
    return secrets.token_urlsafe(18)


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")


class InterestStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a group")
    PLACED = "placed", _("Placed in a group")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


class Interest(models.Model):
    """One person's wish for a group. ``str()`` never shows the alias or contact data."""

    topic = models.ForeignKey(
        "groups.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    for_whom = models.CharField(
        _("for whom"), max_length=20, choices=GroupTarget.choices, default=GroupTarget.AFFECTED
    )
    accepts_in_person = models.BooleanField(_("meets in person"), default=False)
    accepts_phone = models.BooleanField(_("by phone"), default=False)
    accepts_online = models.BooleanField(_("online"), default=False)
    contact_method = models.CharField(
        _("how to reach"), max_length=10, choices=ContactMethod.choices
    )
    alias = models.CharField(_("first name or alias"), max_length=ALIAS_MAX_LENGTH, blank=True)
    # Encrypted at rest; blank once the interest is no longer waiting.
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="nb")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InterestStatus.choices,
        default=InterestStatus.WAITING,
    )
    contact_point = models.ForeignKey(
        "network.ContactPoint",
        verbose_name=_("contact point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interests",
    )
    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="interests",
    )
    group = models.ForeignKey(
        "groups.SelfHelpGroup",
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interests",
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    # The retention clock: set at registration, reset by "keep me on the list".
    renewed_at = models.DateTimeField(_("waiting confirmed"), default=timezone.now)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    placed_at = models.DateTimeField(_("placed"), null=True, blank=True)
    # Bound into the signed status link, so a link only ever opens its own row.
    access_key = models.CharField(max_length=32, default=new_access_key, editable=False)

    objects = InterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["status", "topic", "municipality"]),
            models.Index(fields=["office", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accepts_in_person=True)
                | models.Q(accepts_phone=True)
                | models.Q(accepts_online=True),
                name="interest_accepts_a_format",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    def __repr__(self) -> str:
        return f"<Interest #{self.pk} {self.status}>"

    @property
    def formats(self) -> list[str]:
        """The ``GroupFormat`` values the person accepts."""
        pairs = [
            (GroupFormat.IN_PERSON, self.accepts_in_person),
            (GroupFormat.PHONE, self.accepts_phone),
            (GroupFormat.ONLINE, self.accepts_online),
        ]
        return [str(fmt) for fmt, accepted in pairs if accepted]

    def get_formats_display(self) -> list[str]:
        labels = dict(GroupFormat.choices)
        return [str(labels[fmt]) for fmt in self.formats]

    def accepts(self, fmt: str) -> bool:
        return fmt in self.formats

    @property
    def has_contact_data(self) -> bool:
        return bool(self.alias or self.email or self.phone)
