"""The audit log: written by every service, read by head office only. KP-ADMIN-SERVICES"""

from __future__ import annotations

import json
from typing import Any

from django.urls import reverse

from knutepunkt.accounts.models import User
from knutepunkt.core.models import AuditEntry
from knutepunkt.core.tests import helpers
from knutepunkt.network.models import Partner
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_update


def test_partner_updated_in_admin_is_in_the_audit_log(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    response = helpers.change_via_admin(
        login(office_staff_midt), partner_molde, notes="Avtale om informasjonsmøte i mai"
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="network.partner.updated")
    assert entry.actor == office_staff_midt
    assert entry.target_type == "network.partner"
    assert entry.target_id == str(partner_molde.pk)
    assert entry.office == office_staff_midt.office
    assert entry.data == {"notes": "Avtale om informasjonsmøte i mai"}
    assert entry.created_at is not None


def test_starter_email_never_appears_in_the_log(office_staff_midt: User, login: Any) -> None:
    starter = helpers.starter(office_staff_midt.office, email="ola.hemmelig@example.org")
    starter_update(actor=office_staff_midt, starter=starter, data={"email": "ola.ny@example.org"})
    helpers.change_via_admin(login(office_staff_midt), starter, email="ola.tredje@example.org")
    assert Starter.objects.get().email == "ola.tredje@example.org"
    entries = AuditEntry.objects.filter(target_type="starters.starter")
    assert entries.count() == 3
    dump = json.dumps(list(entries.values("data", "target_repr")))
    for secret in ("ola.hemmelig", "ola.ny", "ola.tredje", "Ola Igangsetter"):
        assert secret not in dump
    assert [e.data["email"] for e in entries.filter(action="starters.starter.updated")] == [
        "***",
        "***",
    ]


def test_head_office_reads_the_log_in_admin(
    head_office_admin: User, partner_molde: Partner, login: Any
) -> None:
    helpers.partner(partner_molde.office, name="Kreftforeningen Midt")
    response = login(head_office_admin).get(reverse("admin:core_auditentry_changelist"))
    assert response.status_code == 200
    assert "network.partner.created" in response.content.decode()
    entry = AuditEntry.objects.get()
    detail = login(head_office_admin).get(helpers.admin_url(entry, "change"))
    assert detail.status_code == 200 and detail.context["has_change_permission"] is False


def test_log_cannot_be_changed_or_deleted_even_by_head_office(
    head_office_admin: User, partner_molde: Partner, login: Any
) -> None:
    helpers.partner(partner_molde.office, name="Kreftforeningen Midt")
    entry = AuditEntry.objects.get()
    client = login(head_office_admin)
    assert client.post(helpers.admin_url(entry, "delete"), {"post": "yes"}).status_code == 403
    assert client.post(helpers.admin_url(entry, "change"), {"action": "x"}).status_code == 403
    assert AuditEntry.objects.get().action == "network.partner.created"


def test_others_cannot_read_the_log(
    office_staff_midt: User, contact_point_coordinator: User, login: Any
) -> None:
    for user in (office_staff_midt, contact_point_coordinator):
        response = login(user).get(reverse("admin:core_auditentry_changelist"))
        assert response.status_code == 403


def test_admin_header_is_translated_text(head_office_admin: User, login: Any) -> None:
    response = login(head_office_admin).get("/en/admin/")
    assert "Knutepunkt – administration" in response.content.decode()
