from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from knutepunkt.geo.querysets import CountyQuerySet, MunicipalityQuerySet


class Validity(models.Model):
    """Counties and municipalities change with reforms (2020, 2024): rows are never
    rewritten, a reform ends the old rows (``valid_to``) and adds new ones, linked by the
    successor tables. Both dates are inclusive: a row valid to 31.12.2023 is valid on that
    day, and its successors from 1.1.2024."""

    valid_from = models.DateField(_("valid from"), default=datetime.date(2024, 1, 1))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.valid_to and self.valid_from and self.valid_to <= self.valid_from:
            raise ValidationError({"valid_to": _("The end date must be after the start date.")})


class County(Validity):
    number = models.CharField(
        _("county number"),
        max_length=2,
        validators=[RegexValidator(r"^\d{2}$", _("A county number has two digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    outline = models.JSONField(_("outline (GeoJSON geometry)"), null=True, blank=True)

    objects = CountyQuerySet.as_manager()

    class Meta:
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "valid_from"], name="county_number_once"),
        ]

    def __str__(self) -> str:
        return self.name


class Municipality(Validity):
    number = models.CharField(
        _("municipality number"),
        max_length=4,
        validators=[RegexValidator(r"^\d{4}$", _("A municipality number has four digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    county = models.ForeignKey(
        County, verbose_name=_("county"), on_delete=models.PROTECT, related_name="municipalities"
    )
    # A point inside the municipality's largest polygon, for distance ranking (WGS84).
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    outline = models.JSONField(_("outline (GeoJSON geometry)"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "valid_from"], name="municipality_number_once"
            ),
            models.UniqueConstraint(
                fields=["number"], condition=Q(valid_to__isnull=True), name="one_current_number"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        # The first two digits of a municipality number are its county's number.
        if self.county_id and self.number and self.number[:2] != self.county.number:
            raise ValidationError(
                {
                    "county": _(
                        "Municipality %(number)s does not belong to county %(county)s: the "
                        "first two digits of the number must be the county number."
                    )
                    % {"number": self.number, "county": self.county.number}
                }
            )

    @property
    def point(self) -> tuple[float, float]:
        return (self.latitude, self.longitude)


class Successor(models.Model):
    """One step of a reform: an ended unit and one unit that took over (part of) its area.
    A merger has several predecessors for one successor; a split several successors, with
    the share of the old area each got (None where it is not known)."""

    share = models.FloatField(_("share of the area"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"  # type: ignore[attr-defined]


class CountySuccessor(Successor):
    predecessor = models.ForeignKey(
        County,
        verbose_name=_("predecessor"),
        on_delete=models.CASCADE,
        related_name="successor_links",
    )
    successor = models.ForeignKey(
        County,
        verbose_name=_("successor"),
        on_delete=models.CASCADE,
        related_name="predecessor_links",
    )

    class Meta:
        verbose_name = _("county successor")
        verbose_name_plural = _("county successors")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="county_successor_once"
            ),
        ]


class MunicipalitySuccessor(Successor):
    predecessor = models.ForeignKey(
        Municipality,
        verbose_name=_("predecessor"),
        on_delete=models.CASCADE,
        related_name="successor_links",
    )
    successor = models.ForeignKey(
        Municipality,
        verbose_name=_("successor"),
        on_delete=models.CASCADE,
        related_name="predecessor_links",
    )

    class Meta:
        verbose_name = _("municipality successor")
        verbose_name_plural = _("municipality successors")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="municipality_successor_once"
            ),
        ]
