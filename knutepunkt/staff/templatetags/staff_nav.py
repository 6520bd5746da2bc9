from __future__ import annotations

from typing import Any

from django import template

from knutepunkt.accounts.roles import role_of
from knutepunkt.staff.navigation import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_nav_items(context: template.Context) -> list[dict[str, Any]]:
    """The sections for the signed-in user, the current one marked."""
    request = context.get("request")
    if request is None:
        return []
    path = request.path
    items = []
    for section in sections_for(request.user):
        if section.url_name == "staff:dashboard":
            current = path == section.url
        else:
            current = path.startswith(section.url)
        items.append({"url": section.url, "label": section.label, "current": current})
    return items


@register.simple_tag(takes_context=True)
def staff_role_label(context: template.Context) -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or role_of(user) is None:
        return ""
    return str(user.get_role_display()) if user.role else ""
