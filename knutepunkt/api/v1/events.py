"""Upcoming public events: what the public calendar lists."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Path, Query, Router

from knutepunkt.api.schemas import ErrorOut, EventKindValue, EventList, EventOut, Language
from knutepunkt.api.v1.common import (
    COUNTY_PATTERN,
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_PER_PAGE,
    MUNICIPALITY_PATTERN,
    NEAR_PATTERN,
    RADIUS_DEFAULT,
    RADIUS_MAX,
    SLUG_PATTERN,
    IsoDate,
    absolute,
    doc,
    page_meta,
    parse_near,
)
from knutepunkt.core.i18n import localized
from knutepunkt.events.models import Event, EventKind
from knutepunkt.geo.distance import haversine_km

router = Router(tags=["events"])
# Dates outside this range cannot be turned into times in every database.
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(9000, 12, 31)


def _organiser(event: Event) -> str:
    if event.contact_point_id:
        return event.contact_point.name  # type: ignore[union-attr]
    if event.organiser_partner_id:
        return event.organiser_partner.name  # type: ignore[union-attr]
    return f"Selvhjelp Norge – {event.office.name}"


def _calendar() -> Any:
    return (
        Event.objects.in_calendar()
        .with_public_details()
        .annotate(
            # Places taken: confirmed, and sign-ups awaiting approval (they hold a place).
            confirmed=Count(
                "registrations", filter=Q(registrations__status__in=("confirmed", "pending"))
            )
        )
        .order_by("starts_at", "id")
    )


def event_out(request: HttpRequest, event: Any) -> dict[str, Any]:
    places_left = None
    if event.capacity is not None:
        places_left = max(event.capacity - event.confirmed, 0)
    language_en = (getattr(request, "LANGUAGE_CODE", "nb") or "nb").startswith("en")
    municipality = event.municipality
    return {
        "slug": event.slug,
        "url": absolute(request, "events:detail", slug=event.slug),
        "ics_url": absolute(request, "events:ics", slug=event.slug),
        "title": event.title,
        "kind": event.kind,
        "kind_label": str(EventKind(event.kind).label),
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "online": event.online,
        "venue": event.venue,
        "address": event.address,
        "municipality": (
            {"number": municipality.number, "name": municipality.name} if municipality else None
        ),
        "county": (
            {"number": municipality.county.number, "name": municipality.county.name}
            if municipality
            else None
        ),
        "organiser": _organiser(event),
        "office": event.office.slug,
        "target_group": event.target_group,
        "description": localized(event, "description", "en" if language_en else "nb"),
        "places_left": places_left,
        "waiting_list": places_left == 0 and event.has_waiting_list,
    }


def _clamp(day: datetime.date) -> datetime.date:
    return min(max(day, EARLIEST), LATEST)


@router.get(
    "/events",
    response=EventList,
    summary=doc(_("Upcoming public events")),
    description=doc(_("Open meetings, information meetings, seminars and more, soonest first.")),
)
def list_events(
    request: HttpRequest,
    kind: EventKindValue | None = Query(None),
    municipality: str | None = Query(None, pattern=MUNICIPALITY_PATTERN),
    county: str | None = Query(None, pattern=COUNTY_PATTERN),
    office: str | None = Query(None, pattern=SLUG_PATTERN),
    online: bool | None = Query(None, description="Only online (true) or only in person."),
    date_from: IsoDate | None = Query(None, description="Events on or after this day."),
    date_to: IsoDate | None = Query(None, description="Events on or before this day."),
    near: str | None = Query(
        None,
        pattern=NEAR_PATTERN,
        description="`latitude,longitude`: events within `radius_km` of it, by time.",
    ),
    radius_km: int = Query(RADIUS_DEFAULT, ge=1, le=RADIUS_MAX),
    lang: Language | None = Query(None),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
) -> dict[str, Any]:
    events = _calendar()
    if kind:
        events = events.of_kind(kind)
    if municipality:
        events = events.filter(municipality__number=municipality)
    if county:
        events = events.in_county(county)
    if office:
        events = events.filter(office__slug=office)
    if online is not None:
        events = events.filter(online=online)
    events = events.between(
        _clamp(date_from) if date_from else None, _clamp(date_to) if date_to else None
    )
    point = parse_near(near)
    start = (page - 1) * per_page
    if point is None:
        total = events.count()
        chosen = list(events[start : start + per_page])
    else:
        located = [
            e
            for e in events.filter(municipality__isnull=False)
            if haversine_km(
                point.latitude, point.longitude, e.municipality.latitude, e.municipality.longitude
            )
            <= radius_km
        ]
        total = len(located)
        chosen = located[start : start + per_page]
    return {
        "items": [event_out(request, e) for e in chosen],
        **page_meta(total, page, per_page),
    }


@router.get("/events/{slug}", response={200: EventOut, 404: ErrorOut}, summary=doc(_("One event")))
def get_event(
    request: HttpRequest,
    slug: str = Path(..., pattern=SLUG_PATTERN),
    lang: Language | None = Query(None),
) -> dict[str, Any]:
    event = _calendar().filter(slug=slug).first()
    if event is None:
        raise Http404
    return event_out(request, event)
