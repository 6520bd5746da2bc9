from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.starters.querysets import StarterQuerySet


def new_access_key() -> str:
    return secrets.token_urlsafe(18)


class Starter(models.Model):
    """A trained group starter ("igangsetter"): starts a group, then steps out.

    Contact details are personal data: visible only to the office that trained them
    (and head office); coordinators see only starters who agreed to be contacted. The
    record is deleted when the starter withdraws consent, and after
    ``STARTER_RETENTION_DAYS`` without activity (a reminder e-mail goes first); see
    docs/personal-data.md.
    """

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="starters",
    )
    home_municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("home municipality"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    topics = models.ManyToManyField(
        "groups.Topic", verbose_name=_("topics they can serve"), blank=True, related_name="+"
    )
    municipalities = models.ManyToManyField(
        "geo.Municipality",
        verbose_name=_("places they can serve"),
        blank=True,
        related_name="+",
    )
    trained_on = models.DateField(_("trained on"), null=True, blank=True)
    trainings = models.ManyToManyField(
        "events.Event",
        verbose_name=_("starter trainings attended"),
        blank=True,
        related_name="trained_starters",
    )
    consent_to_contact = models.BooleanField(
        _("agrees to be contacted about starting groups"), default=False
    )
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The retention clock: a training, a change by the office or the starter's own "keep
    # me registered" (the link in the reminder) restarts it.
    active_at = models.DateTimeField(_("last active"), default=timezone.now, editable=False)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    # Bound into the signed link in the reminder, so a link only opens its own record.
    access_key = models.CharField(max_length=32, default=new_access_key, editable=False)

    objects = StarterQuerySet.as_manager()

    class Meta:
        verbose_name = _("starter")
        verbose_name_plural = _("starters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
