"""Fast rendering of the reports' long activity lists.

The national compilation lists every activity of every office (14,000 rows for seven
busy offices). Looping over them in the template language cost several seconds, so the
rows are built here with plain string joins; every value is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from knutepunkt.reports.labels import activity_kind_labels
from knutepunkt.reports.types import ActivityRow

register = template.Library()


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


@register.simple_tag
def activity_table_rows(activities: Iterable[ActivityRow]) -> SafeString:
    """The ``<tr>`` rows of the chronological list (date, type, title, place, figures)."""
    kinds = {code: escape(label) for code, label in activity_kind_labels().items()}
    rows = [
        f"<tr><td>{a.date:%d.%m.%Y}</td><td>{kinds.get(a.kind) or escape(a.kind)}</td>"
        f"<td>{escape(a.title)}</td><td>{escape(a.municipality)}</td>"
        f'<td class="num">{_num(a.participants)}</td>'
        f'<td class="num">{_num(a.people_reached)}</td></tr>'
        for a in activities
    ]
    return mark_safe("\n".join(rows))  # noqa: S308 – every value above is escaped


@register.simple_tag
def activity_items(activities: Iterable[ActivityRow]) -> SafeString:
    """A section's activities as ``<li>`` items: date, title, place and figures."""
    items = []
    # ngettext per item was a third of the page's time; the numbers repeat, so cache.
    participants: dict[int, str] = {}
    reached: dict[int, str] = {}
    for a in activities:
        parts = [f'<span class="date">{a.date.day}.{a.date.month}.</span> {escape(a.title)}']
        if a.municipality:
            parts.append(f" ({escape(a.municipality)})")
        if a.participants:
            if a.participants not in participants:
                participants[a.participants] = ngettext(
                    "%(n)d participant", "%(n)d participants", a.participants
                ) % {"n": a.participants}
            parts.append(" – " + participants[a.participants])
        if a.people_reached:
            if a.people_reached not in reached:
                reached[a.people_reached] = ngettext(
                    "%(n)d reached", "%(n)d reached", a.people_reached
                ) % {"n": a.people_reached}
            parts.append(" – " + reached[a.people_reached])
        items.append("<li>" + "".join(parts) + "</li>")
    if not items:
        return mark_safe(f'<p class="meta">{escape(_("None this year."))}</p>')  # noqa: S308
    return mark_safe('<ul class="activity-items">' + "\n".join(items) + "</ul>")  # noqa: S308
