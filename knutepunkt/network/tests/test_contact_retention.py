"""A partner's contact person is kept while the office vouches for the details: removed
means deleted, and details nobody has confirmed for the retention time are deleted."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import PartnerContact
from knutepunkt.network.services import (
    partner_contact_add,
    partner_contact_remove,
    partner_contact_update,
    partner_contacts_purge_stale,
)
from knutepunkt.network.tasks import purge_stale_partner_contacts

pytestmark = pytest.mark.django_db


def _aged(contact: PartnerContact, days: int) -> PartnerContact:
    PartnerContact.objects.filter(pk=contact.pk).update(
        confirmed_at=timezone.now() - datetime.timedelta(days=days)
    )
    contact.refresh_from_db()
    return contact


def _add(partner: Any, name: str, email: str) -> PartnerContact:
    return partner_contact_add(actor=None, partner=partner, name=name, email=email)


@override_settings(PARTNER_CONTACT_RETENTION_DAYS=30)
def test_stale_contact_persons_are_deleted_and_confirmed_ones_kept(partner_molde: Any) -> None:
    stale = _aged(_add(partner_molde, "Zqx Gammel", "zqx.gammel@example.org"), 31)
    edited = _aged(_add(partner_molde, "Redigert", "redigert@example.org"), 31)
    fresh = _aged(_add(partner_molde, "Fersk", "fersk@example.org"), 5)
    # Saving the details (even unchanged) confirms them.
    partner_contact_update(actor=None, contact=edited, data={"name": "Redigert"})
    assert purge_stale_partner_contacts.enqueue().return_value == {"deleted": 1}
    assert set(PartnerContact.objects.all()) == {edited, fresh}
    assert not PartnerContact.objects.filter(pk=stale.pk).exists()
    assert partner_contacts_purge_stale() == 0  # idempotent
    for entry in AuditEntry.objects.filter(action__startswith="network.partner_contact."):
        assert "zqx.gammel@example.org" not in str(entry.data)
        assert "Zqx" not in f"{entry.target_repr} {entry.data}"


def test_removing_deletes_the_person(partner_molde: Any) -> None:
    contact = _add(partner_molde, "Borte", "borte@example.org")
    partner_contact_remove(actor=None, contact=contact)
    assert not PartnerContact.objects.exists()


def test_staff_confirm_the_details_are_still_right(
    login: Any, office_staff_midt: Any, office_staff_nord: Any, partner_molde: Any
) -> None:
    contact = _aged(_add(partner_molde, "Kari Kontakt", "kari.kontakt@example.org"), 400)
    url = reverse(
        "staff:network:partner_contact_confirm",
        kwargs={"pk": partner_molde.pk, "contact_pk": contact.pk},
    )
    assert login(office_staff_nord).post(url).status_code == 404
    contact.refresh_from_db()
    assert contact.confirmed_at < timezone.now() - datetime.timedelta(days=399)
    response = login(office_staff_midt).post(url)
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.confirmed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert AuditEntry.objects.filter(action="network.partner_contact.confirmed").exists()
    page = login(office_staff_midt).get(
        reverse("staff:network:partner_detail", kwargs={"pk": partner_molde.pk})
    )
    assert "Still correct" in page.content.decode()
