"""The daily retention runs, as the scheduler starts them (the django-tasks tasks listed in
docs/personal-data.md): afterwards no table holds the e-mail address or phone number of a
person whose time is up, while a person whose time is not up keeps everything."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from knutepunkt.core.testing import tables_containing
from knutepunkt.events.models import Event
from knutepunkt.events.services import event_create, registration_create
from knutepunkt.events.tasks import purge_past_registrations
from knutepunkt.interests.models import Interest, InterestStatus
from knutepunkt.interests.tasks import purge_expired_interests
from knutepunkt.interests.testing import make_interest
from knutepunkt.network.models import PartnerContact
from knutepunkt.network.services import partner_contact_add
from knutepunkt.network.tasks import purge_stale_partner_contacts
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_create
from knutepunkt.starters.tasks import purge_inactive_starters

pytestmark = pytest.mark.django_db

GONE_EMAIL, GONE_DIGITS = "zq.time.is.up@example.org", "48011223"
KEPT_EMAIL, KEPT_DIGITS = "zq.still.here@example.org", "91357246"
RETENTION_TASKS = (
    purge_past_registrations,
    purge_expired_interests,
    purge_inactive_starters,
    purge_stale_partner_contacts,
)


def _ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def _person(office: Any, partner: Any, email: str, phone: str, *, expired: bool) -> None:
    starts = timezone.now() + datetime.timedelta(days=5)
    event = event_create(
        actor=None,
        title=f"Møte {phone[-3:]}",
        kind="open_meeting",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        office=office,
        municipality=partner.municipality,
    )
    registration_create(event=event, name="Zqx", email=email, phone=phone)
    interest = make_interest(municipality=partner.municipality, alias="Zqx", email=email)
    starter = starter_create(actor=None, name="Zqx", email=email, phone=phone, office=office)
    contact = partner_contact_add(actor=None, partner=partner, name="Zqx", email=email)
    if not expired:
        return
    Event.objects.filter(pk=event.pk).update(starts_at=_ago(41), ends_at=_ago(40))
    Interest.objects.filter(pk=interest.pk).update(renewed_at=_ago(400))
    # Reminded 40 days ago (the reminder must go first), inactive for four years.
    Starter.objects.filter(pk=starter.pk).update(active_at=_ago(4 * 365), reminded_at=_ago(40))
    PartnerContact.objects.filter(pk=contact.pk).update(confirmed_at=_ago(3 * 365))


def test_a_scheduled_run_leaves_no_trace_of_whoever_is_due(
    office_midt: Any, partner_molde: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _person(office_midt, partner_molde, GONE_EMAIL, "+47 480 11 223", expired=True)
    _person(office_midt, partner_molde, KEPT_EMAIL, "913 57 246", expired=False)
    assert set(tables_containing(GONE_EMAIL, GONE_DIGITS)) >= {
        "events_registration",
        "starters_starter",
        "network_partnercontact",
    }
    # The worker sends the farewell e-mails the runs queue (an e-mail's address and text
    # are blanked once it is sent).
    with django_capture_on_commit_callbacks(execute=True):
        for task in RETENTION_TASKS:
            task.enqueue()
    assert tables_containing(GONE_EMAIL, GONE_DIGITS) == {}
    # The expired interest is an anonymous row now: nothing to reach or find anyone by.
    expired = Interest.objects.get(status=InterestStatus.EXPIRED)
    assert (expired.alias, expired.email, expired.phone, expired.contact_hash) == ("", "", "", "")
    assert set(tables_containing(KEPT_EMAIL, KEPT_DIGITS)) >= {
        "events_registration",
        "starters_starter",
        "network_partnercontact",
    }
    assert Interest.objects.filter(status=InterestStatus.WAITING).count() == 1
    # A second run the same day changes nothing.
    results = [task.enqueue().return_value or {} for task in RETENTION_TASKS]
    assert all(not any(result.values()) for result in results)
