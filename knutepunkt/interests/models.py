"""An interest: a person wants a self-help group on a topic that does not exist yet.

This is health-related personal data (GDPR art. 9). The model holds the minimum: a first
name or alias, ONE way to reach the person and what kind of group they want. The alias,
the contact value and the topic are encrypted at rest (``crypto.py``): the database holds
nothing readable that ties a person to a topic. Keyed hashes of the topic and of the
contact value let staff filter, the formation engine group and head office find a
person's rows without decrypting. Contact data exists only while the interest is
``waiting``: placing, expiry and withdrawal remove it (see ``services.py`` and
docs/personal-data.md).
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.core.privacy import EMAIL, PHONE
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet
from knutepunkt.groups.models import GroupFormat, GroupTarget, Topic
from knutepunkt.interests.crypto import EncryptedTextField, contact_hash, topic_hash
from knutepunkt.interests.querysets import InterestQuerySet

ALIAS_MAX_LENGTH = 40


_PHONE_RE = re.compile(r"^\+?[0-9 ().-]{8,25}$")


def is_phone_number(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return bool(_PHONE_RE.match(value or "")) and 8 <= digits <= 15


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
    """One person's wish for a group. ``str()`` never shows the alias or contact data.

    ``topic`` (a property) reads and sets the encrypted ``topic_ref``; saving keeps
    ``topic_hash`` and ``contact_hash`` in step with the values. Filter by topic with
    ``Interest.objects.for_topic()``, never by ``topic_ref`` (each encryption differs).
    """

    # The topic's id, encrypted; the keyed hash is what queries use.
    topic_ref = EncryptedTextField(_("topic"), editable=False)
    topic_hash = models.CharField(
        _("topic (keyed hash)"), max_length=64, blank=True, editable=False
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
    # Encrypted at rest; blank once the interest is no longer waiting.
    alias = EncryptedTextField(
        _("first name or alias"),
        blank=True,
        validators=[MaxLengthValidator(ALIAS_MAX_LENGTH)],
    )
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    # Keyed hash of the e-mail address or phone number: duplicate checks, erasure lookups.
    contact_hash = models.CharField(
        _("contact (keyed hash)"), max_length=64, blank=True, db_index=True, editable=False
    )
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
            models.Index(fields=["status", "topic_hash", "municipality"]),
            # The staff list: an office's waiting interests, oldest first, page by page.
            models.Index(fields=["office", "status", "created_at", "id"]),
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Keep the keyed hashes in step with the topic and the contact value."""
        self.topic_hash = topic_hash(self.topic_id) if self.topic_id is not None else ""
        kind, value = self.contact_value()
        self.contact_hash = contact_hash(kind, value) if kind else ""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            fields = set(update_fields)
            if "topic" in fields or "topic_id" in fields:
                fields -= {"topic", "topic_id"}
                fields.add("topic_ref")
            if "topic_ref" in fields:
                fields.add("topic_hash")
            if fields & {"email", "phone", "contact_method"}:
                fields.add("contact_hash")
            kwargs["update_fields"] = sorted(fields)
        super().save(*args, **kwargs)

    @property
    def topic_id(self) -> int | None:
        return int(self.topic_ref) if self.topic_ref else None

    @topic_id.setter
    def topic_id(self, value: int | None) -> None:
        self.topic_ref = "" if value is None else str(int(value))

    @property
    def topic(self) -> Topic:
        """The topic: one query the first time (``Topic.DoesNotExist`` without one, which
        templates show as empty)."""
        topic_id = self.topic_id
        cached = self.__dict__.get("_topic")
        if cached is not None and cached.pk == topic_id:
            return cached
        if topic_id is None:
            raise Topic.DoesNotExist("This interest has no topic.")
        found = Topic.objects.get(pk=topic_id)
        self.__dict__["_topic"] = found
        return found

    @topic.setter
    def topic(self, value: Topic) -> None:
        self.topic_id = value.pk
        self.__dict__["_topic"] = value

    def contact_value(self) -> tuple[str, str]:
        """(kind, value) of the stored way to reach the person, or ``("", "")``."""
        if self.email:
            return EMAIL, self.email
        if self.phone:
            return PHONE, self.phone
        return "", ""

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if not self.formats:
            errors["accepts_in_person"] = _("Choose at least one way of meeting.")
        if self.status == InterestStatus.WAITING:
            if self.contact_method == ContactMethod.EMAIL:
                try:
                    validate_email(self.email)
                except ValidationError:
                    errors["email"] = _("Enter a valid e-mail address, such as ola@example.no.")
            elif self.contact_method == ContactMethod.PHONE and not is_phone_number(self.phone):
                errors["phone"] = _("Enter a phone number with 8 to 15 digits.")
        if errors:
            raise ValidationError(errors)

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


# --- Group proposals: made by the formation engine (interests/formation/) -------------------
# Owned by the formation work; kept at the end of this module so the two parts stay apart.

from knutepunkt.interests.formation.querysets import GroupProposalQuerySet  # noqa: E402


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


class GroupProposal(models.Model):
    """A suggested new group: enough people wait for the same topic near one place (or
    would meet by phone or online). Staff accept it (a forming group is created and the
    people are told) or dismiss it with a reason."""

    topic = models.ForeignKey(
        "groups.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+"
    )
    target = models.CharField(
        _("for whom"), max_length=20, choices=GroupTarget.choices, default=GroupTarget.AFFECTED
    )
    format = models.CharField(_("format"), max_length=20, choices=GroupFormat.choices)
    contact_point = models.ForeignKey(
        "network.ContactPoint",
        verbose_name=_("meeting place"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="group_proposals",
        help_text=_("Where an in-person group would meet."),
    )
    county = models.ForeignKey(
        "geo.County",
        verbose_name=_("county"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a phone or online group in one county; empty when national."),
    )
    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="group_proposals",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    dismiss_reason = models.TextField(_("reason for dismissing"), blank=True)
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    group = models.ForeignKey(
        "groups.SelfHelpGroup",
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    suggested_starters = models.ManyToManyField(
        "starters.Starter", verbose_name=_("suggested starters"), blank=True, related_name="+"
    )

    objects = GroupProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("group proposal")
        verbose_name_plural = _("group proposals")
        ordering = ["-created_at", "-id"]
        # The staff list: an office's open proposals, newest first, page by page.
        indexes = [models.Index(fields=["office", "status", "created_at", "id"])]

    def __str__(self) -> str:
        return f"{self.topic} ({self.get_format_display()})"


class GroupProposalMember(models.Model):
    """A waiting person in a proposal. ``open`` mirrors the proposal's status so that the
    database itself keeps a person in at most one open proposal."""

    proposal = models.ForeignKey(
        GroupProposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    interest = models.ForeignKey(
        Interest,
        verbose_name=_("interest"),
        on_delete=models.CASCADE,
        related_name="proposal_memberships",
    )
    open = models.BooleanField(_("in an open proposal"), default=True)

    objects = WithoutOutlinesQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal member")
        verbose_name_plural = _("proposal members")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "interest"], name="proposal_member_once"),
            models.UniqueConstraint(
                fields=["interest"],
                condition=models.Q(open=True),
                name="interest_in_one_open_proposal",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.interest_id} in proposal #{self.proposal_id}"
