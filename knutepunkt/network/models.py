from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.geo.querysets import WithoutOutlinesQuerySet
from knutepunkt.network.querysets import (
    ContactPointQuerySet,
    DistrictOfficeQuerySet,
    PartnerContactQuerySet,
    PartnerQuerySet,
)
from knutepunkt.network.validators import validate_organisation_number


class DistrictOffice(models.Model):
    """One of Selvhjelp Norge's district offices, covering two or three counties."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    seat = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    counties: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "geo.County",
        through="OfficeCounty",
        verbose_name=_("counties covered"),
        related_name="district_offices",
        blank=True,
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    description_nb = models.TextField(_("description (bokmål)"), blank=True)
    description_nn = models.TextField(_("description (nynorsk)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    objects = DistrictOfficeQuerySet.as_manager()

    class Meta:
        verbose_name = _("district office")
        verbose_name_plural = _("district offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def office(self) -> DistrictOffice:
        return self


class OfficeCounty(models.Model):
    """Which office covers a county. A county is covered by at most one office."""

    office = models.ForeignKey(
        DistrictOffice, verbose_name=_("district office"), on_delete=models.CASCADE
    )
    county = models.OneToOneField(
        "geo.County",
        verbose_name=_("county"),
        on_delete=models.PROTECT,
        related_name="coverage",
    )

    objects = WithoutOutlinesQuerySet.as_manager()

    class Meta:
        verbose_name = _("county covered")
        verbose_name_plural = _("counties covered")

    def __str__(self) -> str:
        return f"{self.office} – {self.county}"


class PartnerKind(models.TextChoices):
    VOLUNTEER_CENTRE = "volunteer_centre", _("Volunteer centre")
    HEALTHY_LIFE_CENTRE = "healthy_life_centre", _("Healthy life centre")
    NAV = "nav", _("NAV office")
    MUNICIPAL_UNIT = "municipal_unit", _("Municipal unit")
    COUNTY_GOVERNOR = "county_governor", _("County governor")
    HEALTH_TRUST = "health_trust", _("Health trust or hospital")
    LEARNING_COPING_CENTRE = "lms", _("Learning and coping centre")
    UNIVERSITY_COLLEGE = "university_college", _("University or university college")
    USER_ORGANISATION = "user_organisation", _("User organisation")
    EMPLOYER = "employer", _("Employer or occupational health service")
    USER_RUN_CENTRE = "user_run_centre", _("User-run centre")
    OTHER = "other", _("Other")


class Partner(models.Model):
    """A partner organisation in a district office's register."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices)
    office = models.ForeignKey(
        DistrictOffice,
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="partners",
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="partners",
        null=True,
        blank=True,
    )
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=9,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Nine digits, from the Brønnøysund Register Centre."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        indexes = [models.Index(fields=["office", "name"])]

    def __str__(self) -> str:
        return self.name


class PartnerContact(models.Model):
    """A contact person at a partner organisation (work contact details only). Removing the
    person deletes the row; details nobody has confirmed for
    ``PARTNER_CONTACT_RETENTION_DAYS`` are deleted by the daily run (docs/personal-data.md).
    """

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title or role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # The retention clock: set when the office adds, edits or confirms the details.
    confirmed_at = models.DateTimeField(
        _("details confirmed"), default=timezone.now, editable=False
    )

    objects = PartnerContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def office(self) -> DistrictOffice:
        return self.partner.office


class ContactPointKind(models.TextChoices):
    CONTACT_POINT = "contact_point", _("Local contact point")
    MEETING_PLACE = "meeting_place", _("Meeting place")


class ContactPointStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNING = "planning", _("Planning")
    ESTABLISHED = "established", _("Established")
    INACTIVE = "inactive", _("Inactive")


class ContactPoint(models.Model):
    """A local contact point or meeting place for self-help, hosted by a partner."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ContactPointKind.choices,
        default=ContactPointKind.CONTACT_POINT,
    )
    office = models.ForeignKey(
        DistrictOffice,
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="contact_points",
    )
    host = models.ForeignKey(
        Partner,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="hosted_contact_points",
        null=True,
        blank=True,
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="contact_points_located",
        help_text=_("Where the contact point is."),
    )
    municipalities_served = models.ManyToManyField(
        "geo.Municipality",
        verbose_name=_("municipalities served"),
        related_name="contact_points_serving",
        blank=True,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ContactPointStatus.choices,
        default=ContactPointStatus.IDEA,
    )
    description_nb = models.TextField(_("description (bokmål)"), blank=True)
    description_nn = models.TextField(_("description (nynorsk)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    # Public contact details: these are the organisation's, never a private person's.
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    next_step = models.CharField(_("next step"), max_length=255, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact point or meeting place")
        verbose_name_plural = _("contact points and meeting places")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactPointStatusChange(models.Model):
    """Dated history of a contact point's status (idea → planning → established …)."""

    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contact point"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=ContactPointStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=ContactPointStatus.choices)
    changed_on = models.DateField(_("date"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        ordering = ["changed_on", "id"]

    def __str__(self) -> str:
        return f"{self.changed_on}: {self.from_status or '–'} → {self.to_status}"


class PlanningGroupMember(models.Model):
    """A member of a contact point's planning group, from the partner register."""

    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contact point"),
        on_delete=models.CASCADE,
        related_name="planning_group",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="planning_group_memberships",
        null=True,
        blank=True,
    )
    person_name = models.CharField(_("person"), max_length=150, blank=True)
    role = models.CharField(_("role in the group"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("planning group member")
        verbose_name_plural = _("planning group")

    def __str__(self) -> str:
        parts = [p for p in (self.person_name, str(self.partner or "")) if p]
        return ", ".join(parts) or "–"
