"""A sign-up never depends on the mail server: with SMTP unreachable (a real smtp:// URL to
a closed port) the person is signed up and sees the confirmation; the e-mail, .ics
included, goes out once a server answers on that port. The same form sent again shows the
same confirmation instead of "already signed up"."""

from __future__ import annotations

from typing import Any

import pytest

from knutepunkt.events.models import Registration, RegistrationStatus
from knutepunkt.events.tokens import read_result_token
from knutepunkt.operations.models import OutboxMessage, OutboxStatus
from knutepunkt.operations.tasks import send_outbox
from knutepunkt.operations.testing import SmtpSink, free_port
from knutepunkt.settings import email_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_port(settings: Any) -> int:
    """Production's e-mail settings from an EMAIL_URL, pointing at a port nobody serves."""
    port = free_port()
    for name, value in email_settings(f"smtp://127.0.0.1:{port}").items():
        setattr(settings, name, value)
    settings.EMAIL_TIMEOUT = 5
    settings.OUTBOX_RETRY_BASE_SECONDS = 0  # retry at the next run, not in 30 s
    return port


def _sign_up(client: Any, event: Any, key: str) -> Any:
    return client.post(
        event.get_absolute_url(),
        {"name": "Kari Nordmann", "email": "kari@example.org", "phone": "", "submission_key": key},
    )


def _result_of(location: str) -> tuple[int, int]:
    return read_result_token(location.rstrip("/").rsplit("/", 1)[1])


def test_sign_up_succeeds_with_smtp_down_and_the_mail_goes_out_when_it_is_back(
    client: Any, make_event: Any, smtp_port: int, django_capture_on_commit_callbacks: Any
) -> None:
    event = make_event(capacity=5)
    form = client.get(event.get_absolute_url()).content.decode()
    assert 'name="submission_key"' in form
    with django_capture_on_commit_callbacks(execute=True):  # the worker tries at once
        response = _sign_up(client, event, "key-1")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "You are signed up" in page.content.decode()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED

    queued = OutboxMessage.objects.get()
    assert queued.status == OutboxStatus.PENDING
    assert queued.ref == f"events.registration:{registration.pk}"
    assert queued.attempts == 1
    assert queued.last_error == "ConnectionRefusedError"  # the class only: no server text

    # The browser sends the form again (the answer was lost): the same confirmation.
    with django_capture_on_commit_callbacks(execute=True):
        again = _sign_up(client, event, "key-1")
    assert again.status_code == 302
    # The result link is signed with a timestamp, so the two links may differ by a second;
    # they must name the same sign-up and show the same confirmation.
    assert _result_of(again["Location"]) == _result_of(response["Location"])
    assert "You are signed up" in client.get(again["Location"]).content.decode()
    assert Registration.objects.count() == 1 and OutboxMessage.objects.count() == 1
    # Another form (another key) with the same address is a duplicate, as before.
    other = _sign_up(client, event, "key-2")
    assert other.status_code == 200
    assert "already signed up" in other.content.decode()

    with SmtpSink(smtp_port) as sink:
        assert send_outbox.enqueue().return_value == {"sent": 1, "failed": 0, "gave_up": 0}
        received = sink.received
    assert len(received) == 1
    recipients, message = received[0]
    assert recipients == ["kari@example.org"]
    assert "You are signed up" in str(message["Subject"])
    calendars = [
        part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"
    ]
    assert len(calendars) == 1 and "BEGIN:VEVENT" in calendars[0].get_content()
    sent = OutboxMessage.objects.get()
    assert sent.status == OutboxStatus.SENT and sent.attempts == 2
    # Sent: the address and the text are gone from the database.
    assert (sent.to_email, sent.subject, sent.body, sent.attachments) == ("", "", "", [])
    # Nothing is sent twice.
    with SmtpSink(smtp_port) as sink:
        send_outbox.enqueue()
        assert sink.received == []
