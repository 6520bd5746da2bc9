"""A person's data request: head office finds everything held under one e-mail address or
phone number, downloads it and deletes it; afterwards no table holds the address or the
number, and the audit log says what happened without either."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from knutepunkt.accounts.models import Role, User
from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.core.testing import tables_containing
from knutepunkt.events.models import Event, Registration, RegistrationStatus
from knutepunkt.events.services import event_create, registration_create
from knutepunkt.interests.crypto import contact_hash
from knutepunkt.interests.models import Interest
from knutepunkt.interests.testing import make_interest
from knutepunkt.interests.tests.helpers import english  # noqa: F401
from knutepunkt.network.models import Partner, PartnerContact
from knutepunkt.network.services import partner_contact_add, partner_create
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

EMAIL = "Zq.Erase.Me@example.org"
PHONE = "+47 480 11 223"
DIGITS = "48011223"


@pytest.fixture
def url() -> str:
    """The page in English (/en/…, the ``english`` fixture is active for every test here),
    so the assertions hold whatever the translation says."""
    return reverse("staff:privacy:person_data")


def _event(office: Any, *, days: int, title: str) -> Event:
    starts = timezone.now() + datetime.timedelta(days=days)
    return event_create(
        actor=None,
        title=title,
        kind="open_meeting",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        office=office,
        municipality=municipality("1506"),
        capacity=1,
    )


@pytest.fixture
def person_everywhere(office_midt: Any, contact_point_molde: Any) -> dict[str, Any]:
    """The same person in every table that can hold an e-mail address or phone number."""
    ahead = _event(office_midt, days=10, title="Temakveld")
    mine = registration_create(event=ahead, name="Zqx Person", email=EMAIL, phone=PHONE)
    waiting = registration_create(event=ahead, name="Neste", email="next@example.org")
    past = _event(office_midt, days=20, title="Kurs")
    registration_create(event=past, name="Zqx Person", email=EMAIL.upper())
    Event.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )
    make_interest(municipality=municipality("1506"), alias="Zqx", email=EMAIL.lower())
    make_interest(municipality=municipality("1505"), alias="Zqx", email="", phone="48011223")
    starter = starter_create(
        actor=None, name="Zqx Person", email=EMAIL, phone="480 11 223", office=office_midt
    )
    starter.trainings.add(past)
    partner = partner_create(
        actor=None, name="Zqx enkeltpersonforetak", kind="other", office=office_midt, email=EMAIL
    )
    partner_contact_add(actor=None, partner=partner, name="Zqx Person", email=EMAIL)
    partner_contact_add(actor=None, partner=partner, name="Zqx Person", phone="0047 48011223")
    funder = User.objects.create_user(username="zqx-funder", email=EMAIL, role=Role.FUNDER)
    others = {
        "registration": waiting,
        "starter": starter_create(
            actor=None, name="Annen", email="a@example.org", office=office_midt
        ),
        "interest": make_interest(municipality=municipality("1506"), email="b@example.org"),
    }
    return {"mine": mine, "ahead": ahead, "funder": funder, "others": others}


def test_find_export_and_erase_leave_nothing_in_any_table(
    login: Any, head_office_admin: Any, person_everywhere: dict[str, Any], url: str
) -> None:
    before = tables_containing(EMAIL, DIGITS)
    # The scan does find what is there (interests hold it encrypted: not in clear).
    assert {
        "events_registration",
        "starters_starter",
        "network_partnercontact",
        "network_partner",
        "accounts_user",
    } <= set(before)
    assert "interests_interest" not in before
    client = login(head_office_admin)
    assert client.get(url).status_code == 200

    found = client.post(url, {"contact": f"  {EMAIL.upper()} ", "action": "find"})
    counts = {h.source.key: len(h.rows) for h in found.context["holdings"]}
    assert counts == {
        "event_registrations": 2,
        "interests": 1,
        "starters": 1,
        "partner_contacts": 1,
        "partner_details": 1,
        "user_accounts": 1,
        # The confirmations of the two sign-ups and of the interest, not sent yet.
        "outbox_messages": 3,
    }
    by_phone = client.post(url, {"contact": "480 11 223", "action": "find"})
    counts = {h.source.key: len(h.rows) for h in by_phone.context["holdings"]}
    assert counts["event_registrations"] == 1 and counts["interests"] == 1
    assert counts["starters"] == 1 and counts["partner_contacts"] == 1

    download = client.post(url, {"contact": EMAIL, "action": "export"})
    assert download["Content-Disposition"].startswith("attachment")
    assert EMAIL.lower() not in download["Content-Disposition"].lower()
    document = json.loads(download.content)
    data = document["data"]
    assert {r["event"] for r in data["event_registrations"]} == {"Temakveld", "Kurs"}
    assert data["interests"][0]["alias"] == "Zqx"
    assert data["starters"][0]["trainings"][0].startswith("Kurs")
    assert data["user_accounts"][0]["username"] == "zqx-funder"

    refused = client.post(url, {"contact": EMAIL, "action": "erase"})
    assert "Tick the box" in refused.content.decode()
    assert Registration.objects.filter(pk=person_everywhere["mine"].pk).exists()

    for value in (EMAIL, PHONE):
        done = client.post(url, {"contact": value, "action": "erase", "confirm": "on"})
        assert done.status_code == 200
    assert tables_containing(EMAIL, DIGITS) == {}
    hashes = {contact_hash("email", EMAIL), contact_hash("phone", PHONE)}
    assert not Interest.objects.filter(contact_hash__in=hashes).exists()

    # Everyone else is untouched; the freed place went to the next in line.
    others = person_everywhere["others"]
    others["registration"].refresh_from_db()
    assert others["registration"].status == RegistrationStatus.CONFIRMED
    assert Starter.objects.filter(pk=others["starter"].pk).exists()
    assert Interest.objects.filter(pk=others["interest"].pk).exists()
    assert Partner.objects.filter(name="Zqx enkeltpersonforetak").exists()  # the organisation
    assert not PartnerContact.objects.exists()

    erased = AuditEntry.objects.filter(action="privacy.person.erased").order_by("pk")
    first = erased.first()
    assert first is not None and first.actor == head_office_admin
    assert first.data["lookup_hash"] == contact_hash("email", EMAIL)
    assert first.data["counts"] == {
        "event_registrations": 2,
        "interests": 1,
        "starters": 1,
        "partner_contacts": 1,
        "partner_details": 1,
        "user_accounts": 1,
        # The confirmations of the two sign-ups and of the interest, not sent yet.
        "outbox_messages": 3,
    }
    assert AuditEntry.objects.filter(action="privacy.person.exported").count() == 1
    assert AuditEntry.objects.filter(action="privacy.person.looked_up").count() >= 2


def test_a_staff_account_is_shown_and_kept(
    login: Any, head_office_admin: Any, office_staff_midt: Any, url: str
) -> None:
    User.objects.filter(pk=office_staff_midt.pk).update(email=EMAIL)
    client = login(head_office_admin)
    page = client.post(url, {"contact": EMAIL, "action": "find"})
    assert "closed through user management" in page.content.decode()
    client.post(url, {"contact": EMAIL, "action": "erase", "confirm": "on"})
    assert User.objects.filter(pk=office_staff_midt.pk).exists()
    entry = AuditEntry.objects.get(action="privacy.person.erased")
    assert entry.data["kept"] == {"user_accounts": 1}


def test_only_head_office_and_only_an_address_or_a_number(
    login: Any, head_office_admin: Any, office_staff_midt: Any, url: str
) -> None:
    assert login(office_staff_midt).post(url, {"contact": EMAIL}).status_code == 403
    page = login(head_office_admin).post(url, {"contact": "Kari Nordmann", "action": "find"})
    assert "Write one e-mail address" in page.content.decode()
    assert not AuditEntry.objects.filter(action__startswith="privacy.").exists()
