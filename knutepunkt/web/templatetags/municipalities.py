"""``{% municipality_datalist %}``: the one list of municipality suggestions that every
:class:`knutepunkt.web.forms.MunicipalityField` input refers to (``list=``). Put it once on
a page that has such a field."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from knutepunkt.geo.places import current_places, derived
from knutepunkt.web.forms import MUNICIPALITY_DATALIST_ID

register = template.Library()


def _render() -> SafeString:
    html = render_to_string(
        "includes/municipality_datalist.html",
        {"datalist_id": MUNICIPALITY_DATALIST_ID, "places": current_places()},
    )
    return mark_safe(html)  # noqa: S308 - rendered by our template, names escaped there


@register.simple_tag
def municipality_datalist() -> SafeString:
    """Rendered once per geography version (names only: the same in every language)."""
    return derived("municipality-datalist", _render)
