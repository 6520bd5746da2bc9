"""What the partner register holds about one person, found by e-mail address or phone
number: contact persons at partners (deleted on request), and a partner's own e-mail or
phone when it is the person's (cleared; the organisation stays).
``knutepunkt.workflows.erasure`` calls these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knutepunkt.core.privacy import EMAIL, rows_with_contact
from knutepunkt.network.models import Partner, PartnerContact
from knutepunkt.network.services import partner_contact_remove, partner_update

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User


def find_contacts(kind: str, value: str) -> list[PartnerContact]:
    return rows_with_contact(PartnerContact.objects.select_related("partner__office"), kind, value)


def export_contacts(rows: list[PartnerContact]) -> list[dict[str, Any]]:
    return [
        {
            "partner": contact.partner.name,
            "district_office": contact.partner.office.name,
            "name": contact.name,
            "title": contact.title,
            "email": contact.email,
            "phone": contact.phone,
            "confirmed_at": contact.confirmed_at.isoformat(),
        }
        for contact in rows
    ]


def describe_contact(contact: PartnerContact) -> str:
    return f"{contact.name}, {contact.partner.name}"


def erase_contacts(rows: list[PartnerContact], *, actor: User | None) -> int:
    for contact in rows:
        partner_contact_remove(actor=actor, contact=contact)
    return len(rows)


def find_partners(kind: str, value: str) -> list[Partner]:
    return rows_with_contact(Partner.objects.select_related("office"), kind, value)


def export_partners(rows: list[Partner]) -> list[dict[str, Any]]:
    return [
        {"partner": p.name, "district_office": p.office.name, "email": p.email, "phone": p.phone}
        for p in rows
    ]


def describe_partner(partner: Partner) -> str:
    return f"{partner.name} ({partner.office.name})"


def erase_partners(rows: list[Partner], *, actor: User | None, kind: str) -> int:
    """The organisation stays; only its e-mail address or phone number (the person's) goes."""
    field = "email" if kind == EMAIL else "phone"
    for partner in rows:
        partner_update(actor=actor, partner=partner, data={field: ""})
    return len(rows)
