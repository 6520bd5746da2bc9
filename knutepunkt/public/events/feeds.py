"""iCalendar feeds of public events: everything, and per district office."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from knutepunkt.events.calendar import CONTENT_TYPE, event_calendar, event_filename, event_uid
from knutepunkt.events.ical import CalendarEvent, build_calendar
from knutepunkt.events.models import Event
from knutepunkt.events.querysets import EventQuerySet
from knutepunkt.events.selectors import get_public_event
from knutepunkt.network.models import DistrictOffice

# Feeds also carry recently ended events, so a subscriber's calendar keeps them.
PAST_DAYS = 90


def _summary(event: Event, number: int, count: int) -> str:
    if count == 1:
        return event.title
    return _("%(title)s (session %(number)d of %(count)d)") % {
        "title": event.title,
        "number": number,
        "count": count,
    }


def _location(event: Event) -> str:
    parts = [event.venue, event.address]
    if event.municipality_id:
        parts.append(event.municipality.name)  # type: ignore[union-attr]
    if event.online:
        parts.append(_("Online"))
    return ", ".join(part for part in parts if part)


def _feed_events(events: EventQuerySet) -> list[CalendarEvent]:
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    stamp = timezone.now()
    # An event with several sessions is one calendar entry per session.
    return [
        CalendarEvent(
            uid=event_uid(event, session),
            start=session.starts_at,
            end=session.ends_at,
            stamp=stamp,
            summary=_summary(event, number, len(sessions)),
            description=event.description,
            location=", ".join(part for part in (session.venue_note, _location(event)) if part),
            url=f"{settings.SITE_URL}{event.get_absolute_url()}",
            cancelled=event.is_cancelled,
        )
        for event in events.public()
        .filter(ends_at__gte=since)
        .select_related("municipality")
        .prefetch_related("sessions")
        .order_by("starts_at", "pk")
        for sessions in [event.session_list()]
        for number, session in enumerate(sessions, start=1)
    ]


def _response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={settings.KNUTEPUNKT['PUBLIC_CACHE_SECONDS']}"
    return response


def calendar_feed(request: HttpRequest) -> HttpResponse:
    body = build_calendar(
        _feed_events(Event.objects.all()), name=_("Self-help events – Selvhjelp Norge")
    )
    return _response(body, "selvhjelp.ics")


def office_feed(request: HttpRequest, office_slug: str) -> HttpResponse:
    office = DistrictOffice.objects.filter(slug=office_slug).first()
    if office is None:
        raise Http404("No such office")
    body = build_calendar(
        _feed_events(Event.objects.filter(office=office)),
        name=_("Self-help events – %(office)s") % {"office": office.name},
    )
    return _response(body, f"{office.slug}.ics")


@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One event as an .ics file: "add to calendar" on the event page."""
    event = get_public_event(slug)
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(event_calendar(event, url=url), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event_filename(event)}"'
    response["Cache-Control"] = f"public, max-age={settings.KNUTEPUNKT['PUBLIC_CACHE_SECONDS']}"
    return response
