"""Sign-ups that need approval: pending holds a place, staff approve or decline, e-mails."""

from __future__ import annotations

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from knutepunkt.core.models import AuditEntry
from knutepunkt.events import exports
from knutepunkt.events.models import Registration, RegistrationStatus
from knutepunkt.events.selectors import event_availability
from knutepunkt.events.services import (
    registration_approve,
    registration_cancel,
    registration_create,
    registration_decline,
)

pytestmark = pytest.mark.django_db


def sign_up(event, name: str) -> Registration:
    return registration_create(event=event, name=name, email=f"{name.lower()}@example.org")


def test_signup_to_an_approval_event_is_pending_and_holds_a_place(make_event):
    event = make_event(needs_approval=True, capacity=2)
    anne = sign_up(event, "Anne")
    assert anne.status == RegistrationStatus.PENDING
    assert event_availability(event).places_left == 1
    bjorn = sign_up(event, "Bjorn")
    cecilie = sign_up(event, "Cecilie")
    # pending + confirmed ≤ capacity; the rest wait.
    assert bjorn.status == RegistrationStatus.PENDING
    assert cecilie.status == RegistrationStatus.WAITING
    registration_approve(registration=anne, actor=None)
    assert event_availability(event).places_left == 0
    assert sign_up(event, "David").status == RegistrationStatus.WAITING


def test_full_approval_event_without_waiting_list_refuses(make_event):
    event = make_event(needs_approval=True, capacity=1, has_waiting_list=False)
    sign_up(event, "Anne")
    with pytest.raises(ValidationError) as error:
        sign_up(event, "Bjorn")
    assert error.value.code == "full"


def test_pending_person_gets_request_received_not_signed_up(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event(needs_approval=True, title="Igangsetteropplæring")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(event, "Anne")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "We received your request: Igangsetteropplæring"
    assert "signed up" not in message.subject
    assert "A place is held for you" in message.body
    assert "/avmelding/" in message.body  # they may withdraw the request
    assert not message.attachments  # no calendar entry before it is approved


def test_approve_confirms_and_sends_calendar_and_cancel_link(
    make_event, office_staff_midt, django_capture_on_commit_callbacks
):
    event = make_event(needs_approval=True, title="Igangsetteropplæring")
    anne = sign_up(event, "Anne")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_approve(registration=anne, actor=office_staff_midt)
    anne.refresh_from_db()
    assert anne.status == RegistrationStatus.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Your place is confirmed: Igangsetteropplæring"
    assert "/avmelding/" in message.body
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    calendar = icalendar.Calendar.from_ical(attachment[1])
    assert len(calendar.walk("VEVENT")) == 1
    assert AuditEntry.objects.filter(action="events.registration.approved").count() == 1


def test_only_pending_can_be_approved_or_declined(make_event):
    event = make_event(capacity=1)
    confirmed = sign_up(event, "Anne")
    assert confirmed.status == RegistrationStatus.CONFIRMED
    with pytest.raises(ValidationError):
        registration_approve(registration=confirmed, actor=None)
    with pytest.raises(ValidationError):
        registration_decline(registration=confirmed, actor=None)


def test_decline_deletes_counts_tells_kindly_and_moves_the_waiting_list(
    make_event, office_staff_midt, django_capture_on_commit_callbacks
):
    event = make_event(needs_approval=True, capacity=1, title="Igangsetteropplæring")
    anne = sign_up(event, "Anne")
    bjorn = sign_up(event, "Bjorn")
    assert bjorn.status == RegistrationStatus.WAITING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_decline(
            registration=anne,
            actor=office_staff_midt,
            message="Kurset er for deg som bor i Molde.",
        )
    assert not Registration.objects.filter(pk=anne.pk).exists()
    event.refresh_from_db()
    assert event.declined_count == 1
    assert event.cancelled_count == 0
    bjorn.refresh_from_db()
    # The freed place goes to the next in line, who still needs approval.
    assert bjorn.status == RegistrationStatus.PENDING
    by_address = {message.to[0]: message for message in mail.outbox}
    declined = by_address["anne@example.org"]
    assert declined.subject == "About your request: Igangsetteropplæring"
    assert "Kurset er for deg som bor i Molde." in declined.body
    assert "sorry" in declined.body
    moved = by_address["bjorn@example.org"]
    assert moved.subject == "Your request is being considered: Igangsetteropplæring"
    # The organiser's message is personal: never in the audit log.
    entry = AuditEntry.objects.get(action="events.registration.declined")
    assert "Molde" not in str(entry.data)
    assert entry.data["with_message"] is True


def test_decline_without_a_message_is_fine(make_event, django_capture_on_commit_callbacks):
    event = make_event(needs_approval=True)
    anne = sign_up(event, "Anne")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_decline(registration=anne, actor=None)
    assert len(mail.outbox) == 1


def test_cancelling_a_pending_signup_frees_its_place(make_event):
    event = make_event(needs_approval=True, capacity=1)
    anne = sign_up(event, "Anne")
    bjorn = sign_up(event, "Bjorn")
    registration_cancel(registration=anne)
    bjorn.refresh_from_db()
    assert bjorn.status == RegistrationStatus.PENDING


def test_other_office_staff_may_not_approve_or_decline(make_event, office_staff_nord):
    event = make_event(needs_approval=True)
    anne = sign_up(event, "Anne")
    with pytest.raises(PermissionDenied):
        registration_approve(registration=anne, actor=office_staff_nord)
    with pytest.raises(PermissionDenied):
        registration_decline(registration=anne, actor=office_staff_nord)
    anne.refresh_from_db()
    assert anne.status == RegistrationStatus.PENDING


def test_export_lists_the_status_of_each_signup(make_event):
    event = make_event(needs_approval=True, capacity=2)
    anne = sign_up(event, "Anne")
    sign_up(event, "Bjorn")
    sign_up(event, "Cecilie")
    registration_approve(registration=anne, actor=None)
    rows = exports.rows(event)
    status = rows[0].index("Status")
    assert [(row[0], row[status]) for row in rows[1:]] == [
        ("Anne", "Confirmed"),
        ("Bjorn", "Awaiting approval"),
        ("Cecilie", "On the waiting list"),
    ]


# --- Staff pages -------------------------------------------------------------------------


def approve_url(event, registration) -> str:
    return reverse("staff:events:registration_approve", args=[event.pk, registration.pk])


def decline_url(event, registration) -> str:
    return reverse("staff:events:registration_decline", args=[event.pk, registration.pk])


def test_staff_see_pending_signups_with_one_button_each(login, office_staff_midt, make_event):
    event = make_event(needs_approval=True, capacity=5)
    anne = sign_up(event, "Anne")
    page = (
        login(office_staff_midt)
        .get(reverse("staff:events:event_detail", args=[event.pk]))
        .content.decode()
    )
    assert "Awaiting approval (1)" in page
    assert f'action="{approve_url(event, anne)}"' in page
    assert f'action="{decline_url(event, anne)}"' in page
    assert "Approve Anne" in page and "Decline Anne" in page
    assert "csrfmiddlewaretoken" in page
    assert "1 / 5" in page  # the pending sign-up holds a place


def test_staff_list_counts_pending(login, office_staff_midt, make_event):
    event = make_event(needs_approval=True, capacity=5)
    sign_up(event, "Anne")
    sign_up(event, "Bjorn")
    response = login(office_staff_midt).get(reverse("staff:events:event_list"))
    (listed,) = response.context["events"]
    assert listed.pending_count == 2
    assert listed.confirmed_count == 0
    assert "Awaiting approval" in response.content.decode()


def test_staff_approve_and_decline_by_post(
    login, office_staff_midt, make_event, django_capture_on_commit_callbacks
):
    event = make_event(needs_approval=True)
    anne = sign_up(event, "Anne")
    bjorn = sign_up(event, "Bjorn")
    client = login(office_staff_midt)
    assert client.get(approve_url(event, anne)).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve_url(event, anne)).status_code == 302
        response = client.post(decline_url(event, bjorn), {"message": "Beklager!"})
    assert response.status_code == 302
    anne.refresh_from_db()
    assert anne.status == RegistrationStatus.CONFIRMED
    assert not Registration.objects.filter(pk=bjorn.pk).exists()
    assert "Beklager!" in next(m for m in mail.outbox if m.to == ["bjorn@example.org"]).body


def test_other_office_gets_404_on_approve_and_decline(login, office_staff_nord, make_event):
    event = make_event(needs_approval=True)
    anne = sign_up(event, "Anne")
    client = login(office_staff_nord)
    assert client.post(approve_url(event, anne)).status_code == 404
    assert client.post(decline_url(event, anne)).status_code == 404
    anne.refresh_from_db()
    assert anne.status == RegistrationStatus.PENDING


def test_approve_needs_the_csrf_token(office_staff_midt, make_event):
    from django.test import Client

    from knutepunkt.conftest import verify_second_factor

    event = make_event(needs_approval=True)
    anne = sign_up(event, "Anne")
    client = Client(enforce_csrf_checks=True)
    client.force_login(office_staff_midt)
    verify_second_factor(client, office_staff_midt)
    assert client.post(approve_url(event, anne)).status_code == 403
    anne.refresh_from_db()
    assert anne.status == RegistrationStatus.PENDING


def test_staff_form_sets_needs_approval(login, office_staff_midt):
    from knutepunkt.events.models import Event
    from knutepunkt.events.tests.test_staff_events import CREATE, form_data

    login(office_staff_midt).post(CREATE, form_data(needs_approval="on"))
    assert Event.objects.get().needs_approval is True


# --- Public pages ------------------------------------------------------------------------


def test_public_page_says_signups_need_approval_and_result_says_received(client, make_event):
    event = make_event(needs_approval=True)
    page = client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The organiser approves each sign-up" in page
    response = client.post(
        event.get_absolute_url(), {"name": "Anne", "email": "anne@example.org"}, follow=True
    )
    assert response.context["pending"] is True
    assert Registration.objects.get().status == RegistrationStatus.PENDING
