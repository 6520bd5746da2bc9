"""schema.org Event data for the event page, so search engines can show the event."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from knutepunkt.core.i18n import localized_text
from knutepunkt.events.models import Event

# Like Django's json_script: no "<", ">" or "&" in the output, so "</script>" in a title
# cannot end the element early.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def organiser_name(event: Event) -> str:
    if event.contact_point_id:
        return event.contact_point.name  # type: ignore[union-attr]
    if event.organiser_partner_id:
        return event.organiser_partner.name  # type: ignore[union-attr]
    return f"Selvhjelp Norge – {event.office.name}"


def event_json_ld(event: Event, *, url: str) -> dict[str, Any]:
    online = event.online
    in_person = bool(event.municipality_id)
    if online and in_person:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif online:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    locations: list[dict[str, Any]] = []
    if in_person:
        municipality = event.municipality
        address: dict[str, Any] = {
            "@type": "PostalAddress",
            "addressLocality": municipality.name,  # type: ignore[union-attr]
            "addressRegion": municipality.county.name,  # type: ignore[union-attr]
            "addressCountry": "NO",
        }
        if event.address:
            address["streetAddress"] = event.address
        locations.append(
            {
                "@type": "Place",
                "name": event.venue or municipality.name,  # type: ignore[union-attr]
                "address": address,
            }
        )
    if online:
        locations.append({"@type": "VirtualLocation", "url": url})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": (
            "https://schema.org/EventCancelled"
            if event.is_cancelled
            else "https://schema.org/EventScheduled"
        ),
        "eventAttendanceMode": mode,
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": organiser_name(event)},
        "url": url,
        "isAccessibleForFree": True,
    }
    description = localized_text(event, "description")
    if description.text:
        # The page's language where the description is written in it, bokmål otherwise.
        data["description"] = description.text
        data["inLanguage"] = description.lang
    return data


def json_ld_script(data: dict[str, Any], *, nonce: str = "") -> SafeString:
    """``<script type="application/ld+json">`` with the data safely escaped."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        format_html(' nonce="{}"', nonce) if nonce else "",
        SafeString(payload),
    )
