"""One event as an iCalendar (RFC 5545) file, made with the ``icalendar`` library: the
"add to calendar" download on the event page and the attachment of the sign-up
confirmation. The UID is the one the subscription feeds use, so a calendar that has both
keeps one copy."""

from __future__ import annotations

import datetime
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knutepunkt.events.models import Event

PRODUCT_ID = "-//Selvhjelp Norge//Knutepunkt//NB"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event: Event) -> str:
    host = urlparse(settings.SITE_URL).hostname or "knutepunkt"
    return f"event-{event.pk}@{host}"


def event_location(event: Event) -> str:
    parts = [event.venue, event.address]
    if event.municipality_id:
        parts.append(event.municipality.name)  # type: ignore[union-attr]
    if event.online:
        parts.append(_("Online"))
    return ", ".join(part for part in parts if part)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def event_calendar(event: Event, *, url: str, language: str | None = None) -> bytes:
    """The event as a whole VCALENDAR (bytes, CRLF line endings, folded lines)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODUCT_ID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        vevent = icalendar.Event()
        vevent.add("uid", event_uid(event))
        vevent.add("dtstamp", _utc(timezone.now()))
        vevent.add("dtstart", _utc(event.starts_at))
        vevent.add("dtend", _utc(event.ends_at))
        vevent.add("summary", event.title)
        description = event.localized_description(language)
        vevent.add("description", f"{description}\n\n{url}".strip() if description else url)
        location = event_location(event)
        if location:
            vevent.add("location", location)
        vevent.add("url", url)
        vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        if event.office.email:
            organizer = icalendar.vCalAddress(f"mailto:{event.office.email}")
            organizer.params["cn"] = icalendar.vText(f"Selvhjelp Norge – {event.office.name}")
            vevent.add("organizer", organizer)
        calendar.add_component(vevent)
        return bytes(calendar.to_ical())


def event_filename(event: Event) -> str:
    return f"{event.slug}.ics"
