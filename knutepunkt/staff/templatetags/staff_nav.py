from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from knutepunkt.accounts.models import Role
from knutepunkt.accounts.roles import role_of
from knutepunkt.staff.navigation import sections_for

register = template.Library()

# Short names for the header; the long choice labels ("Funder (reports only)") are for forms.
SHORT_ROLE_LABELS = {
    Role.HEAD_OFFICE: _("Head office"),
    Role.OFFICE_STAFF: _("Office staff"),
    Role.CONTACT_POINT: _("Contact point"),
    Role.FUNDER: _("Funder"),
}


@register.simple_tag(takes_context=True)
def staff_nav_items(context: template.Context) -> list[dict[str, Any]]:
    """The sections for the signed-in user, the current one marked."""
    request = context.get("request")
    if request is None:
        return []
    path = request.path
    role = role_of(request.user)
    items = []
    for section in sections_for(request.user):
        label = section.label
        if section.url_name == "staff:dashboard":
            current = path == section.url
            if role != Role.OFFICE_STAFF:
                # Only district office staff have an office of their own.
                label = str(_("Overview"))
        else:
            current = path.startswith(section.url)
        items.append({"url": section.url, "label": label, "current": current})
    return items


@register.simple_tag(takes_context=True)
def staff_role_label(context: template.Context) -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    role = role_of(user) if user is not None else None
    if role is None:
        return ""
    return str(SHORT_ROLE_LABELS[role])
