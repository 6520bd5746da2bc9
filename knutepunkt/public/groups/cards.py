"""The result cards of the "Find help" page, written in Python.

A search shows up to 50 cards; through the template engine (an include per card, a
dozen tags each) they cost more than everything else the page does. The markup is the
same the templates wrote, every value escaped, every text through gettext, and text that
is not in the page's language marked with its own (``lang``, as
:func:`knutepunkt.web.templatetags.site_chrome.lang_attr` does)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from knutepunkt.groups.selectors import Contact, ContactPointHit, GroupHit


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _base(code: str | None) -> str:
    return (code or settings.LANGUAGE_CODE).split("-")[0].lower()


class _Page:
    """The page's language, and the ``lang`` attribute of text in another one."""

    def __init__(self) -> None:
        self.language = _base(get_language())

    def lang(self, value: Any = None) -> str:
        language = getattr(value, "lang", None) or settings.LANGUAGE_CODE
        return "" if _base(language) == self.language else f' lang="{_e(language)}"'

    def marked(self, value: Any) -> str:
        attribute = self.lang(value)
        return f"<span{attribute}>{_e(value)}</span>" if attribute else _e(value)


def contact_html(contact: Contact, page: _Page | None = None) -> str:
    """How to get in touch: through a contact point or the district office."""
    page = page or _Page()
    if contact.via_office:
        intro = gettext("Get in touch through the district office: %(name)s")
    else:
        intro = gettext("Get in touch through %(name)s")
    # The translated sentence around the (escaped, marked) name, as blocktranslate does.
    before, _sep, after = intro.partition("%(name)s")
    parts = [f'<p class="find-contact">{before}{page.marked(contact.name)}{after}']
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


def group_card(group: GroupHit, contacts: dict[int, str], page: _Page) -> str:
    topic = (
        f"<span{page.lang(group.topic)}>{_e(group.topic)}</span> · "
        if group.topic != group.title
        else ""
    )
    distance = f" · {_e(group.distance_label)}" if group.distance_label else ""
    badge = "badge badge-forming" if group.forming else "badge"
    meeting = (
        f'<p class="meta"{page.lang()}>{_e(group.meeting_time)}</p>' if group.meeting_time else ""
    )
    contact = contacts.get(id(group.contact))
    if contact is None:
        contact = contacts[id(group.contact)] = contact_html(group.contact, page)
    return (
        f'<li class="card find-group"><h4{page.lang(group.title)}>{_e(group.title)}</h4>'
        f'<p class="meta">{topic}{_e(group.target_label)}</p>'
        f"<p><strong>{_e(group.where)}</strong>{distance}</p>"
        f'<p><span class="{badge}">{_e(group.status_label)}</span></p>'
        f"{meeting}{contact}</li>"
    )


def contact_point_card(point: ContactPointHit, page: _Page) -> str:
    name = _e(point.name)
    heading = f'<a href="{_e(point.url)}">{name}</a>' if point.url else name
    distance = f" · {_e(point.distance_label)}" if point.distance_label else ""
    hours = (
        f'<p class="meta"{page.lang()}>{_e(point.opening_hours)}</p>' if point.opening_hours else ""
    )
    return (
        f'<li class="card find-contact-point"><h4{page.lang()}>{heading}</h4>'
        f'<p class="meta">{_e(point.kind_label)} · {_e(point.where)}{distance}</p>'
        f"{hours}{contact_html(point.contact, page)}</li>"
    )


def group_cards(groups: Iterable[GroupHit]) -> SafeString:
    page = _Page()
    contacts: dict[int, str] = {}  # groups share their contact point's or office's card
    return mark_safe("".join(group_card(g, contacts, page) for g in groups))  # noqa: S308


def contact_point_cards(points: Iterable[ContactPointHit]) -> SafeString:
    page = _Page()
    return mark_safe("".join(contact_point_card(p, page) for p in points))  # noqa: S308
