"""Trained group starters. A starter's contact details are personal data: the audit log
records that they changed, never their values.

Retention (docs/personal-data.md): withdrawing consent deletes the record at once; a
record without activity for ``STARTER_RETENTION_DAYS`` is deleted by the daily run, after
a reminder e-mail ``STARTER_REMINDER_DAYS_BEFORE`` days earlier (the starter can keep the
record with the link in it). Activity: registration, a change by the office, a training,
the starter's "keep me in the register", and a group they started that still runs.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.core.audit import PERSONAL_FIELDS, audit_log
from knutepunkt.core.services import (
    apply_changes,
    check_fields,
    ensure_office_access,
    resolve_office,
    set_m2m,
    snapshot,
    update_fields_for,
)
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.services import municipality_from
from knutepunkt.operations.outbox import outbox_discard
from knutepunkt.starters import emails
from knutepunkt.starters.models import Starter

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.groups.models import Topic
    from knutepunkt.network.models import DistrictOffice

STARTER_FIELDS = frozenset(
    {
        "name",
        "email",
        "phone",
        "office",
        "home_municipality",
        "topics",
        "municipalities",
        "trained_on",
        "consent_to_contact",
        "notes",
    }
)
# Free-text notes about a person are personal too.
STARTER_PERSONAL_FIELDS = PERSONAL_FIELDS | {"notes", "home_municipality"}
_M2M = ("topics", "municipalities")


def _anonymous_repr(starter: Starter) -> str:
    # The audit log's target column must not carry the starter's name.
    return f"starter #{starter.pk}"


def starter_create(
    *,
    actor: User | None,
    name: str,
    office: DistrictOffice | None = None,
    email: str = "",
    phone: str = "",
    home_municipality: Municipality | str | None = None,
    topics: Iterable[Topic] = (),
    municipalities: Iterable[Municipality] = (),
    trained_on: datetime.date | None = None,
    consent_to_contact: bool = False,
    notes: str = "",
) -> Starter:
    """Register a trained starter with the office that trained them."""
    starter = Starter(
        name=name,
        email=email,
        phone=phone,
        office=resolve_office(actor, office),
        home_municipality=municipality_from(home_municipality, field="home_municipality"),
        trained_on=trained_on,
        consent_to_contact=consent_to_contact,
        consent_given_at=timezone.now() if consent_to_contact else None,
        notes=notes,
    )
    starter.full_clean()
    with transaction.atomic():
        starter.save()
        starter.topics.set(list(topics))
        starter.municipalities.set(list(municipalities))
        audit_log(
            actor=actor,
            action="starters.starter.created",
            target=starter,
            data=snapshot(starter, STARTER_FIELDS),
            personal_fields=STARTER_PERSONAL_FIELDS,
            target_repr=_anonymous_repr(starter),
        )
    return starter


def starter_update(*, actor: User | None, starter: Starter, data: Mapping[str, Any]) -> Starter:
    """Change a starter. Consent given now is timestamped. A change restarts the retention
    clock. Withdrawn consent is not a change but a deletion: use
    :func:`starter_withdraw_consent`."""
    check_fields(data, STARTER_FIELDS, "starter_update")
    ensure_office_access(actor, starter.office_id)
    if starter.consent_to_contact and data.get("consent_to_contact", True) is False:
        raise ValidationError(
            {
                "consent_to_contact": _(
                    "A starter who withdraws consent is deleted, not changed: delete the "
                    "record instead."
                )
            }
        )
    prepared = dict(data)
    m2m = {name: prepared.pop(name) for name in _M2M if name in prepared}
    if "office" in prepared:
        prepared["office"] = resolve_office(actor, prepared["office"], current=starter.office)
    if "home_municipality" in prepared:
        prepared["home_municipality"] = municipality_from(
            prepared["home_municipality"], field="home_municipality"
        )
    with transaction.atomic():
        changes = apply_changes(starter, prepared)
        if "consent_to_contact" in changes:
            starter.consent_given_at = timezone.now() if starter.consent_to_contact else None
            changes["consent_given_at"] = starter.consent_given_at
        if changes:
            starter.full_clean()
            starter.save(update_fields=update_fields_for(starter, changes))
        for name, values in m2m.items():
            pks = set_m2m(starter, name, values)
            if pks is not None:
                changes[name] = pks
        if changes:
            _touch(starter)
            audit_log(
                actor=actor,
                action="starters.starter.updated",
                target=starter,
                data=changes,
                personal_fields=STARTER_PERSONAL_FIELDS,
                target_repr=_anonymous_repr(starter),
            )
    return starter


def starter_delete(*, actor: User | None, starter: Starter) -> None:
    """Delete a starter's record (e.g. on request, or when no longer active)."""
    ensure_office_access(actor, starter.office_id)
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="starters.starter.deleted",
            target=starter,
            target_repr=_anonymous_repr(starter),
        )
        outbox_discard(f"starters.starter:{starter.pk}")
        starter.delete()


def starter_record_training(
    *,
    actor: User | None,
    event: Any,
    name: str,
    email: str,
    phone: str = "",
    consent_given_at: datetime.datetime | None = None,
) -> Starter:
    """Someone who attended a starter training and agreed to be registered becomes a
    starter of the event's office, or — found by e-mail address — is updated: the
    training is linked, ``trained_on`` moves to the latest training, consent is recorded
    (with when it was given at sign-up). Only call this for people who consented.
    """
    office = event.office
    trained_on = timezone.localdate(event.starts_at)
    with transaction.atomic():
        starter = (
            Starter.objects.filter(office=office, email__iexact=email).order_by("pk").first()
            if email
            else None
        )
        if starter is None:
            starter = starter_create(
                actor=actor,
                name=name,
                office=office,
                email=email,
                phone=phone,
                trained_on=trained_on,
                consent_to_contact=True,
            )
        else:
            data: dict[str, Any] = {"consent_to_contact": True}
            if starter.trained_on is None or starter.trained_on < trained_on:
                data["trained_on"] = trained_on
            if phone and not starter.phone:
                data["phone"] = phone
            starter_update(actor=actor, starter=starter, data=data)
        if consent_given_at is not None and (
            starter.consent_given_at is None or starter.consent_given_at > consent_given_at
        ):
            starter.consent_given_at = consent_given_at
            starter.save(update_fields=["consent_given_at"])
        starter.trainings.add(event)
        _touch(starter)
    return starter


def _touch(starter: Starter) -> None:
    starter.active_at, starter.reminded_at = timezone.now(), None
    starter.save(update_fields=["active_at", "reminded_at"])


def starter_withdraw_consent(*, actor: User | None, starter: Starter) -> None:
    """The starter withdrew consent (told the office, or pressed the button behind the
    link in the reminder, ``actor=None``): the record is deleted at once."""
    if actor is not None:
        ensure_office_access(actor, starter.office_id)
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="starters.starter.consent_withdrawn",
            target=starter,
            target_repr=_anonymous_repr(starter),
        )
        outbox_discard(f"starters.starter:{starter.pk}")
        starter.delete()


def starter_keep(*, starter: Starter, actor: User | None = None) -> Starter:
    """ "Keep me in the register" (the link in the reminder): restart the clock."""
    with transaction.atomic():
        _touch(starter)
        audit_log(
            actor=actor,
            action="starters.starter.kept",
            target=starter,
            target_repr=_anonymous_repr(starter),
        )
    return starter


def _retention() -> tuple[datetime.timedelta, datetime.timedelta]:
    return (
        datetime.timedelta(days=settings.STARTER_RETENTION_DAYS),
        datetime.timedelta(days=settings.STARTER_REMINDER_DAYS_BEFORE),
    )


def inactive_starters(now: datetime.datetime, *, idle: datetime.timedelta) -> Any:
    """Starters without activity since ``now - idle`` (a group they started that still
    runs counts as activity)."""
    return Starter.objects.filter(active_at__lt=now - idle).exclude(
        groups_started__status__in=("forming", "open", "closed")
    )


@dataclass(frozen=True)
class StarterPurgeResult:
    reminded: int
    deleted: int


def starter_purge_inactive(
    *, now: datetime.datetime | None = None, actor: User | None = None
) -> StarterPurgeResult:
    """The daily retention run; running it twice changes nothing more.

    A starter with an e-mail address is reminded ``STARTER_REMINDER_DAYS_BEFORE`` days
    before the end, and deleted only when the reminder went at least that long ago; one
    without an address is deleted when the time is up."""
    now = now or timezone.now()
    retention, before = _retention()
    deleted = 0
    expired = inactive_starters(now, idle=retention).filter(
        Q(email="") | Q(reminded_at__gte=F("active_at"), reminded_at__lte=now - before)
    )
    for starter in expired.order_by("pk"):
        with transaction.atomic():
            audit_log(
                actor=actor,
                action="starters.starter.expired",
                target=starter,
                target_repr=_anonymous_repr(starter),
            )
            outbox_discard(f"starters.starter:{starter.pk}")
        starter.delete()
        deleted += 1
    due = (
        inactive_starters(now, idle=retention - before)
        .exclude(email="")
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=F("active_at")))
    )
    reminded = 0
    for starter in due.order_by("pk"):
        # Deleted at the end of the period, but never sooner than ``before`` after this.
        left = max(1, before.days, (starter.active_at + retention - now).days)
        with transaction.atomic():
            starter.reminded_at = now
            starter.save(update_fields=["reminded_at"])
            audit_log(
                actor=actor,
                action="starters.starter.reminded",
                target=starter,
                target_repr=_anonymous_repr(starter),
            )
            emails.send_reminder(starter.pk, left)
        reminded += 1
    return StarterPurgeResult(reminded=reminded, deleted=deleted)
