"""Form labels without Django's trailing colon ("Kommune", not "Kommune:").

A colon after a label that already stands above its field says nothing, and screen
readers read it out. ``{{ field|label_tag }}`` and ``{{ field|legend_tag }}`` render the
same ``<label>``/``<legend>`` as ``{{ field.label_tag }}``, without the suffix."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def label_tag(field: BoundField) -> SafeString:
    return field.label_tag(label_suffix="")


@register.filter
def legend_tag(field: BoundField) -> SafeString:
    return field.legend_tag(label_suffix="")
