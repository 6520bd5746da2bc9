"""A small iCalendar (RFC 5545) writer: just what the public event feeds need.

Kept in-house on purpose: the feeds use a handful of properties, and the rules that
matter (CRLF line endings, folding at 75 octets, text escaping, UTC times) fit in a page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CRLF = "\r\n"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


def format_utc(value: datetime.datetime) -> str:
    """A DATE-TIME in UTC form, e.g. ``20261124T170000Z``. Naive values are refused."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("iCalendar times must be timezone-aware")
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Fold a content line so that no physical line exceeds 75 octets (RFC 5545 §3.1).

    Continuation lines start with one space, which counts towards their 75 octets.
    A UTF-8 character is never split.
    """
    encoded_length = len(line.encode("utf-8"))
    if encoded_length <= MAX_OCTETS:
        return line
    parts: list[str] = []
    current = ""
    current_octets = 0
    limit = MAX_OCTETS
    for char in line:
        size = len(char.encode("utf-8"))
        if current_octets + size > limit:
            parts.append(current)
            current = char
            current_octets = size
            limit = MAX_OCTETS - 1  # the leading space of a continuation line
        else:
            current += char
            current_octets += size
    parts.append(current)
    return (CRLF + " ").join(parts)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    stamp: datetime.datetime
    description: str = ""
    location: str = ""
    url: str = ""
    cancelled: bool = False


def _vevent_lines(event: CalendarEvent) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{format_utc(event.stamp)}",
        f"DTSTART:{format_utc(event.start)}",
        f"DTEND:{format_utc(event.end)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        # URL is of type URI, which is not TEXT-escaped.
        lines.append(f"URL:{event.url}")
    lines.append("STATUS:CANCELLED" if event.cancelled else "STATUS:CONFIRMED")
    lines.append("END:VEVENT")
    return lines


def build_calendar(
    events: Iterable[CalendarEvent],
    *,
    name: str,
    product_id: str = "-//Selvhjelp Norge//Knutepunkt//NB",
    extra_headers: Sequence[str] = (),
) -> str:
    """The whole VCALENDAR as text with CRLF line endings, ready to serve."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product_id}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        *extra_headers,
    ]
    for event in events:
        lines.extend(_vevent_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
