from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from knutepunkt.accounts.querysets import UserManager


class Role(models.TextChoices):
    HEAD_OFFICE = "head_office", _("Head office administrator")
    OFFICE_STAFF = "office_staff", _("District office staff")
    CONTACT_POINT = "contact_point", _("Contact point coordinator")
    FUNDER = "funder", _("Funder (reports only)")


class User(AbstractUser):
    """A person who signs in. The role decides what they may see; scoping follows
    from ``office`` (district office staff) or ``contact_point`` (coordinators)."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    contact_point = models.ForeignKey(
        "network.ContactPoint",
        verbose_name=_("contact point"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinators",
    )

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        if self.role == Role.OFFICE_STAFF and self.office_id is None:
            raise ValidationError({"office": _("District office staff must belong to an office.")})
        if self.role == Role.CONTACT_POINT and self.contact_point_id is None:
            raise ValidationError(
                {"contact_point": _("A coordinator must belong to a contact point.")}
            )

    @property
    def is_head_office(self) -> bool:
        return self.is_active and (self.is_superuser or self.role == Role.HEAD_OFFICE)

    @property
    def is_office_staff(self) -> bool:
        return self.is_active and self.role == Role.OFFICE_STAFF and self.office_id is not None

    @property
    def is_coordinator(self) -> bool:
        return (
            self.is_active and self.role == Role.CONTACT_POINT and self.contact_point_id is not None
        )

    @property
    def is_funder(self) -> bool:
        return self.is_active and self.role == Role.FUNDER
