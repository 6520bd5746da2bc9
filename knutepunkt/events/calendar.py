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

from knutepunkt.core.i18n import localized
from knutepunkt.events.models import Event, EventSession

PRODUCT_ID = "-//Selvhjelp Norge//Knutepunkt//NB"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event: Event, session: EventSession | None = None) -> str:
    """One UID per event, or per session of an event with several sessions."""
    host = urlparse(settings.SITE_URL).hostname or "knutepunkt"
    if session is not None and session.pk is not None:
        return f"event-{event.pk}-session-{session.pk}@{host}"
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
    """The event as a whole VCALENDAR (bytes, CRLF line endings, folded lines): one
    VEVENT, or one per session of an event with several sessions."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODUCT_ID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        sessions = event.session_list()
        stamp = _utc(timezone.now())
        description = localized(event, "description", language)
        location = event_location(event)
        for number, session in enumerate(sessions, start=1):
            vevent = icalendar.Event()
            vevent.add("uid", event_uid(event, session))
            vevent.add("dtstamp", stamp)
            vevent.add("dtstart", _utc(session.starts_at))
            vevent.add("dtend", _utc(session.ends_at))
            summary = event.title
            if len(sessions) > 1:
                summary = _("%(title)s (session %(number)d of %(count)d)") % {
                    "title": event.title,
                    "number": number,
                    "count": len(sessions),
                }
            vevent.add("summary", summary)
            vevent.add("description", f"{description}\n\n{url}".strip() if description else url)
            where = ", ".join(part for part in (session.venue_note, location) if part)
            if where:
                vevent.add("location", where)
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
