"""One event as an .ics file: the download on the event page, and the attachment of the
sign-up confirmation. Both must parse with a real iCalendar parser."""

from __future__ import annotations

import datetime
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.test import Client

from knutepunkt.events.calendar import event_calendar, event_uid
from knutepunkt.events.services import registration_create

pytestmark = pytest.mark.django_db


def only_event(data: bytes) -> Any:
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    return events[0]


def test_event_ics_download_parses(client: Client, make_event: Any) -> None:
    event = make_event(
        description="Velkommen; med komma, semikolon og æøå.\nAndre linje.",
        venue="Molde bibliotek",
        address="Torget 1",
    )
    response = client.get(f"/arrangementer/{event.slug}/kalender.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    assert b"\r\n" in response.content
    vevent = only_event(response.content)
    assert vevent["UID"] == event_uid(event)
    assert vevent.decoded("DTSTART") == event.starts_at.astimezone(datetime.UTC)
    assert vevent.decoded("DTEND") == event.ends_at.astimezone(datetime.UTC)
    assert str(vevent["SUMMARY"]) == event.title
    assert "semikolon og æøå" in str(vevent["DESCRIPTION"])
    assert str(vevent["LOCATION"]) == "Molde bibliotek, Torget 1, Molde"
    assert str(vevent["URL"]).endswith(f"/arrangementer/{event.slug}/")
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_event_page_links_to_add_to_calendar(client: Client, make_event: Any) -> None:
    event = make_event()
    page = client.get(f"/en/arrangementer/{event.slug}/").content.decode()
    assert f'href="/en/arrangementer/{event.slug}/kalender.ics"' in page
    assert "Add to calendar" in page


def test_non_public_event_has_no_ics(client: Client, make_event: Any) -> None:
    event = make_event(is_public=False)
    assert client.get(f"/arrangementer/{event.slug}/kalender.ics").status_code == 404


def test_cancelled_event_ics_says_cancelled(make_event: Any) -> None:
    event = make_event()
    event.is_cancelled = True
    vevent = only_event(event_calendar(event, url="https://example.org/e/"))
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_confirmation_email_carries_the_event(
    make_event: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = make_event(title="Informasjonsmøte, del 1")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, name="Kari Nordmann", email="kari@example.org")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    attachments = [a for a in message.attachments if a[0].endswith(".ics")]
    assert len(attachments) == 1
    _filename, content, mimetype = attachments[0]
    assert mimetype == "text/calendar"
    data = content.encode() if isinstance(content, str) else content
    vevent = only_event(data)
    assert str(vevent["SUMMARY"]) == "Informasjonsmøte, del 1"
    assert vevent["UID"] == event_uid(event)
    # The raw message is valid MIME with the calendar part in it.
    assert "text/calendar" in message.message().as_string()


def test_waiting_list_notice_has_no_calendar(
    make_event: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = make_event(capacity=1)
    registration_create(event=event, name="Første", email="a@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, name="Andre", email="b@example.org")
    assert len(mail.outbox) == 1
    assert not mail.outbox[0].attachments
