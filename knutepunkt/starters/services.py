"""Trained group starters. A starter's contact details are personal data: the audit log
records that they changed, never their values."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

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
    """Change a starter. Consent given now is timestamped; withdrawn consent clears it."""
    check_fields(data, STARTER_FIELDS, "starter_update")
    ensure_office_access(actor, starter.office_id)
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
    return starter
