from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from knutepunkt.core.models import AuditEntry
from knutepunkt.events.models import Event, Registration, RegistrationStatus
from knutepunkt.events.selectors import waiting_position
from knutepunkt.events.services import (
    event_cancel,
    event_update,
    registration_cancel,
    registration_create,
    registration_purge_for_past_events,
)
from knutepunkt.events.tests.conftest import in_days, past_event

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING


def sign_up(event: Event, n: int, **kwargs: Any) -> Registration:
    return registration_create(
        event=event, name=f"Person {n}", email=f"person{n}@example.org", **kwargs
    )


def test_third_person_waits_when_two_places(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = (sign_up(event, n) for n in range(3))
    assert [first.status, second.status, third.status] == [CONFIRMED, CONFIRMED, WAITING]
    assert waiting_position(third) == 1
    assert len(mail.outbox) == 3
    assert "waiting list" in mail.outbox[2].subject.lower() or "venteliste" in (
        mail.outbox[2].subject.lower()
    )


def test_cancelling_a_confirmed_place_promotes_the_longest_waiting(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=2)
    first, _second, third, fourth = (sign_up(event, n) for n in range(4))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first)
    third.refresh_from_db()
    fourth.refresh_from_db()
    # The cancelled sign-up is gone with its personal data; the event only counts it.
    assert not Registration.objects.filter(pk=first.pk).exists()
    event.refresh_from_db()
    assert event.cancelled_count == 1
    assert third.status == CONFIRMED
    assert fourth.status == WAITING
    assert waiting_position(fourth) == 1
    assert [m.to for m in mail.outbox] == [["person2@example.org"]]
    assert event.title in mail.outbox[0].subject


def test_cancelling_a_waiting_place_promotes_no_one(make_event):
    event = make_event(capacity=1)
    sign_up(event, 0)
    waiting_1, waiting_2 = sign_up(event, 1), sign_up(event, 2)
    registration_cancel(registration=waiting_1)
    waiting_2.refresh_from_db()
    assert waiting_2.status == WAITING
    assert event.registrations.confirmed().count() == 1


def test_cancelling_twice_changes_nothing(make_event):
    event = make_event(capacity=1)
    first = sign_up(event, 0)
    registration_cancel(registration=first)
    registration_cancel(registration=first)
    event.refresh_from_db()
    assert event.cancelled_count == 1
    assert AuditEntry.objects.filter(action="events.registration.cancelled").count() == 1


def test_a_cancelled_sign_up_keeps_nothing_personal(make_event):
    event = make_event(capacity=1)
    kept = sign_up(event, 0)
    gone = registration_create(
        event=event, name="Zqxw Avmeldt", email="zqxw.avmeldt@example.org", phone="48011223"
    )
    registration_cancel(registration=gone)
    assert list(event.registrations.all()) == [kept]
    entry = AuditEntry.objects.get(action="events.registration.cancelled")
    text = f"{entry.target_repr} {entry.data}"
    for secret in ("Zqxw", "zqxw.avmeldt@example.org", "48011223"):
        assert secret not in text
    for entry in AuditEntry.objects.all():
        assert "zqxw.avmeldt@example.org" not in f"{entry.target_repr} {entry.data}"


def test_unlimited_capacity_confirms_everyone(make_event):
    event = make_event(capacity=None)
    assert {sign_up(event, n).status for n in range(5)} == {CONFIRMED}


def test_same_email_twice_is_refused_with_a_clear_message(make_event):
    event = make_event()
    sign_up(event, 1)
    with pytest.raises(ValidationError) as excinfo:
        registration_create(event=event, name="Again", email=" PERSON1@Example.org ")
    assert "already signed up" in str(excinfo.value)
    assert event.registrations.count() == 1


def test_same_email_may_sign_up_again_after_cancelling(make_event):
    event = make_event()
    registration_cancel(registration=sign_up(event, 1))
    assert sign_up(event, 1).status == CONFIRMED


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"is_public": False}, "not_public"),
        ({"signup_opens_at": in_days(5), "signup_closes_at": in_days(9)}, "not_open"),
        ({"signup_opens_at": in_days(-5), "signup_closes_at": in_days(-1)}, "closed"),
    ],
)
def test_sign_up_refused_outside_the_window(make_event, overrides, code):
    event = make_event(**overrides)
    with pytest.raises(ValidationError) as excinfo:
        sign_up(event, 1)
    assert excinfo.value.code == code
    assert not event.registrations.exists()


def test_sign_up_refused_for_cancelled_event(make_event):
    event = event_cancel(event=make_event(), actor=None)
    with pytest.raises(ValidationError) as excinfo:
        sign_up(event, 1)
    assert excinfo.value.code == "cancelled"


def test_sign_up_refused_for_past_event(make_event):
    event = past_event(make_event(), days_ago=1)
    with pytest.raises(ValidationError) as excinfo:
        sign_up(event, 1)
    assert excinfo.value.code == "past"


def test_full_event_without_waiting_list_refuses(make_event):
    event = make_event(capacity=1, has_waiting_list=False)
    sign_up(event, 0)
    with pytest.raises(ValidationError) as excinfo:
        sign_up(event, 1)
    assert excinfo.value.code == "full"


def test_raising_capacity_moves_people_up(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    sign_up(event, 0)
    waiting = sign_up(event, 1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, actor=None, capacity=3)
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED
    assert mail.outbox[0].to == ["person1@example.org"]


def test_e_mail_is_in_the_language_of_sign_up(make_event, django_capture_on_commit_callbacks):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        registration = sign_up(event, 1, language="en")
    assert registration.language == "en"
    body = mail.outbox[0].body
    assert "/en/arrangementer/avmelding/" in body
    assert "Molde bibliotek" in body


def test_confirmation_e_mail_has_time_place_and_signed_cancel_link(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(event, 1, language="nb")
    body = str(mail.outbox[0].body)
    assert "Molde" in body
    assert re.search(r"/arrangementer/avmelding/[^/\s]+:[^/\s]+/", body)


def test_audit_masks_personal_data(make_event):
    event = make_event()
    registration = registration_create(
        event=event, name="Kari Nordmann", email="kari@example.org", phone="99988777"
    )
    entry = AuditEntry.objects.get(action="events.registration.created")
    assert entry.target_id == str(registration.pk)
    assert "Kari" not in str(entry.data) and "kari@" not in str(entry.data)
    assert "Kari" not in entry.target_repr
    assert entry.data["email"] == "***"


def test_cancelling_an_event_tells_everyone_signed_up(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    sign_up(event, 0)
    sign_up(event, 1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=event, actor=None)
    assert sorted(m.to[0] for m in mail.outbox) == ["person0@example.org", "person1@example.org"]


def test_staff_cannot_create_or_change_another_offices_event(
    make_event, office_staff_nord, office_staff_midt
):
    event = make_event()
    with pytest.raises(PermissionDenied):
        event_update(event=event, actor=office_staff_nord, title="Kapret")
    event.refresh_from_db()
    assert event.title != "Kapret"
    event_update(event=event, actor=office_staff_midt, title="Nytt navn")
    assert Event.objects.get(pk=event.pk).title == "Nytt navn"


def test_coordinator_manages_only_own_contact_points_events(
    make_event, contact_point_coordinator, contact_point_molde
):
    with pytest.raises(PermissionDenied):
        make_event(actor=contact_point_coordinator)
    event = make_event(actor=contact_point_coordinator, contact_point=contact_point_molde)
    assert event.contact_point == contact_point_molde


def test_event_update_refuses_unknown_fields(make_event):
    with pytest.raises(TypeError):
        event_update(event=make_event(), actor=None, created_at=timezone.now())


def test_purge_deletes_only_registrations_of_long_past_events(make_event):
    old = make_event(title="Gammelt")
    recent = make_event(title="Nylig")
    upcoming = make_event(title="Kommende")
    for n, event in enumerate([old, recent, upcoming]):
        sign_up(event, n)
    past_event(old, days_ago=31)
    past_event(recent, days_ago=5)
    assert registration_purge_for_past_events(older_than_days=30) == 1
    assert not old.registrations.exists()
    assert recent.registrations.exists() and upcoming.registrations.exists()
    assert Event.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.filter(action="events.registration.purged").exists()
    # A second run finds nothing more and writes no entry.
    assert registration_purge_for_past_events(older_than_days=30) == 0
    assert AuditEntry.objects.filter(action="events.registration.purged").count() == 1


@override_settings(EVENT_REGISTRATION_RETENTION_DAYS=3)
def test_purge_task_keeps_sign_ups_for_the_configured_days(make_event):
    from knutepunkt.events.tasks import purge_past_registrations

    due, kept = make_event(title="Over"), make_event(title="Nettopp over")
    sign_up(due, 1)
    sign_up(kept, 2)
    past_event(due, days_ago=4)
    past_event(kept, days_ago=2)
    assert purge_past_registrations.enqueue().return_value == {"deleted": 1}
    assert not due.registrations.exists() and kept.registrations.exists()
    assert purge_past_registrations.enqueue().return_value == {"deleted": 0}


def test_purge_command_reports_the_count(make_event, capsys):
    event = make_event()
    sign_up(event, 1)
    past_event(event, days_ago=10)
    call_command("purge_registrations", "--days", "7")
    assert "Deleted 1 registration" in capsys.readouterr().out
    assert not event.registrations.exists()


def test_event_end_before_start_is_refused(make_event):
    with pytest.raises(ValidationError):
        make_event(starts_at=in_days(3), ends_at=in_days(2))
    assert not Event.objects.exists()


def test_slug_is_unique_per_title_and_spells_out_norwegian_letters(make_event):
    first, second = make_event(title="Åpent møte i Ærø"), make_event(title="Åpent møte i Ærø")
    assert first.slug == "apent-mote-i-aero"
    assert second.slug == "apent-mote-i-aero-2"
