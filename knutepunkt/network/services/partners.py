"""The partner register and its contact persons.

A contact person is personal data (work details only). Removing the person deletes the
row; details nobody has added, edited or confirmed for ``PARTNER_CONTACT_RETENTION_DAYS``
are deleted by the daily run (:func:`partner_contacts_purge_stale`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from knutepunkt.core.audit import PERSONAL_FIELDS, audit_log
from knutepunkt.core.services import (
    apply_changes,
    check_fields,
    delete_or_explain,
    ensure_office_access,
    resolve_office,
    snapshot,
    update_and_audit,
    update_fields_for,
)
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.services import municipality_from
from knutepunkt.network.models import DistrictOffice, Partner, PartnerContact

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

PARTNER_FIELDS = frozenset(
    {
        "name",
        "kind",
        "office",
        "municipality",
        "organisation_number",
        "website",
        "email",
        "phone",
        "notes",
    }
)
PARTNER_CONTACT_FIELDS = frozenset({"name", "title", "email", "phone"})
# Contact persons are recorded against their partner, so that a person's name never lands
# in the audit log's target column.
# An organisation's name is not personal data; its e-mail and phone may be a person's.
ORGANISATION_PERSONAL_FIELDS = PERSONAL_FIELDS - {"name"}


def normalise_organisation_number(value: str | None) -> str:
    """People write "974 760 673"; the register stores nine digits."""
    return "".join((value or "").split())


def _prepare(actor: User | None, data: dict[str, Any], current: DistrictOffice | None) -> None:
    if "office" in data:
        data["office"] = resolve_office(actor, data["office"], current=current)
    if "municipality" in data:
        data["municipality"] = municipality_from(data["municipality"])
    if "organisation_number" in data:
        data["organisation_number"] = normalise_organisation_number(data["organisation_number"])


def partner_create(
    *,
    actor: User | None,
    name: str,
    kind: str,
    office: DistrictOffice | None = None,
    municipality: Municipality | str | None = None,
    organisation_number: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    notes: str = "",
) -> Partner:
    """Add a partner to an office's register (office staff: always their own office)."""
    data: dict[str, Any] = {
        "office": office,
        "municipality": municipality,
        "organisation_number": organisation_number,
    }
    _prepare(actor, data, current=None)
    partner = Partner(
        name=name, kind=kind, website=website, email=email, phone=phone, notes=notes, **data
    )
    partner.full_clean()
    with transaction.atomic():
        partner.save()
        audit_log(
            actor=actor,
            action="network.partner.created",
            target=partner,
            data=snapshot(partner, PARTNER_FIELDS),
            personal_fields=ORGANISATION_PERSONAL_FIELDS,
        )
    return partner


def partner_update(*, actor: User | None, partner: Partner, data: Mapping[str, Any]) -> Partner:
    """Change a partner; only head office may move it to another office."""
    check_fields(data, PARTNER_FIELDS, "partner_update")
    ensure_office_access(actor, partner.office_id)
    prepared = dict(data)
    _prepare(actor, prepared, current=partner.office)
    update_and_audit(
        partner,
        prepared,
        actor=actor,
        action="network.partner.updated",
        personal_fields=ORGANISATION_PERSONAL_FIELDS,
    )
    return partner


def partner_delete(*, actor: User | None, partner: Partner) -> None:
    """Remove a partner that no contact point, planning group or event uses."""
    ensure_office_access(actor, partner.office_id)
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="network.partner.deleted",
            target=partner,
            data={"name": partner.name},
            personal_fields=ORGANISATION_PERSONAL_FIELDS,
        )
        delete_or_explain(partner)


def partner_contact_add(
    *,
    actor: User | None,
    partner: Partner,
    name: str,
    title: str = "",
    email: str = "",
    phone: str = "",
) -> PartnerContact:
    """Add a contact person (work details only) to a partner."""
    ensure_office_access(actor, partner.office_id)
    contact = PartnerContact(partner=partner, name=name, title=title, email=email, phone=phone)
    contact.full_clean()
    with transaction.atomic():
        contact.save()
        audit_log(
            actor=actor,
            action="network.partner_contact.added",
            target=partner,
            data={"contact": contact.pk, **snapshot(contact, PARTNER_CONTACT_FIELDS)},
        )
    return contact


def partner_contact_update(
    *, actor: User | None, contact: PartnerContact, data: Mapping[str, Any]
) -> PartnerContact:
    check_fields(data, PARTNER_CONTACT_FIELDS, "partner_contact_update")
    ensure_office_access(actor, contact.partner.office_id)
    with transaction.atomic():
        changes = apply_changes(contact, data)
        # Saving the details, changed or not, confirms them: the retention clock restarts.
        contact.confirmed_at = timezone.now()
        if changes:
            contact.full_clean()
        contact.save(update_fields=[*update_fields_for(contact, changes), "confirmed_at"])
        if changes:
            audit_log(
                actor=actor,
                action="network.partner_contact.updated",
                target=contact.partner,
                data={"contact": contact.pk, **changes},
            )
    return contact


def partner_contact_remove(*, actor: User | None, contact: PartnerContact) -> None:
    ensure_office_access(actor, contact.partner.office_id)
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="network.partner_contact.removed",
            target=contact.partner,
            data={"contact": contact.pk},
        )
        contact.delete()


def partner_contact_confirm(*, actor: User | None, contact: PartnerContact) -> PartnerContact:
    """The office checked that the details are still right: restart the retention clock."""
    ensure_office_access(actor, contact.partner.office_id)
    with transaction.atomic():
        contact.confirmed_at = timezone.now()
        contact.save(update_fields=["confirmed_at"])
        audit_log(
            actor=actor,
            action="network.partner_contact.confirmed",
            target=contact.partner,
            data={"contact": contact.pk},
        )
    return contact


def partner_contact_retention_days() -> int:
    return int(getattr(settings, "PARTNER_CONTACT_RETENTION_DAYS", 2 * 365))


def partner_contacts_purge_stale(
    *, now: datetime.datetime | None = None, actor: User | None = None
) -> int:
    """Delete contact persons whose details nobody has confirmed for
    ``PARTNER_CONTACT_RETENTION_DAYS``. Idempotent; returns how many went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=partner_contact_retention_days())
    deleted = 0
    stale = PartnerContact.objects.filter(confirmed_at__lt=cutoff).select_related("partner")
    for contact in stale.order_by("pk"):
        with transaction.atomic():
            audit_log(
                actor=actor,
                action="network.partner_contact.expired",
                target=contact.partner,
                data={"contact": contact.pk},
            )
            contact.delete()
        deleted += 1
    return deleted
