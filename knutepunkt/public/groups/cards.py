"""The result cards of the "Find help" page, written in Python.

A search shows up to 50 cards; through the template engine (an include per card, a
dozen tags each) they cost more than everything else the page does. The markup is the
same the templates wrote, every value escaped, every text through gettext."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from knutepunkt.groups.selectors import Contact, ContactPointHit, GroupHit


def _e(value: str) -> str:
    return escape(value, quote=True)


def contact_html(contact: Contact) -> str:
    """How to get in touch: through a contact point or the district office."""
    if contact.via_office:
        intro = gettext("Get in touch through the district office: %(name)s")
    else:
        intro = gettext("Get in touch through %(name)s")
    parts = [f'<p class="find-contact">{_e(intro % {"name": contact.name})}']
    if contact.email:
        parts.append(f'<br><a href="mailto:{_e(contact.email)}">{_e(contact.email)}</a>')
    if contact.phone:
        phone = _e(contact.phone)
        parts.append(f'<br>{_e(gettext("Phone"))}: <a href="tel:{phone}">{phone}</a>')
    if contact.website:
        parts.append(f'<br><a href="{_e(contact.website)}">{_e(gettext("Website"))}</a>')
    if contact.address:
        parts.append(f"<br>{_e(contact.address)}")
    parts.append("</p>")
    return "".join(parts)


def group_card(group: GroupHit, contacts: dict[int, str]) -> str:
    topic = f"{_e(group.topic)} · " if group.topic != group.title else ""
    distance = f" · {_e(group.distance_label)}" if group.distance_label else ""
    badge = "badge badge-forming" if group.forming else "badge"
    meeting = f'<p class="meta">{_e(group.meeting_time)}</p>' if group.meeting_time else ""
    contact = contacts.get(id(group.contact))
    if contact is None:
        contact = contacts[id(group.contact)] = contact_html(group.contact)
    return (
        f'<li class="card find-group"><h4>{_e(group.title)}</h4>'
        f'<p class="meta">{topic}{_e(group.target_label)}</p>'
        f"<p><strong>{_e(group.where)}</strong>{distance}</p>"
        f'<p><span class="{badge}">{_e(group.status_label)}</span></p>'
        f"{meeting}{contact}</li>"
    )


def contact_point_card(point: ContactPointHit) -> str:
    name = _e(point.name)
    heading = f'<a href="{_e(point.url)}">{name}</a>' if point.url else name
    distance = f" · {_e(point.distance_label)}" if point.distance_label else ""
    hours = f'<p class="meta">{_e(point.opening_hours)}</p>' if point.opening_hours else ""
    return (
        f'<li class="card find-contact-point"><h4>{heading}</h4>'
        f'<p class="meta">{_e(point.kind_label)} · {_e(point.where)}{distance}</p>'
        f"{hours}{contact_html(point.contact)}</li>"
    )


def group_cards(groups: Iterable[GroupHit]) -> SafeString:
    contacts: dict[int, str] = {}  # groups share their contact point's or office's card
    return mark_safe("".join(group_card(g, contacts) for g in groups))  # noqa: S308 - escaped


def contact_point_cards(points: Iterable[ContactPointHit]) -> SafeString:
    return mark_safe("".join(contact_point_card(p) for p in points))  # noqa: S308 - escaped
