"""Form labels without Django's trailing colon ("Kommune", not "Kommune:").

A colon after a label that already stands above its field says nothing, and screen
readers read it out. ``{{ field|label_tag }}`` and ``{{ field|legend_tag }}`` render the
same ``<label>``/``<legend>`` as ``{{ field.label_tag }}``, without the suffix. A field
whose label is content in another language than the page's (an organiser's own question,
in bokmål, has ``content_lang = "nb"``) gets a ``lang`` attribute on its label."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.forms import BoundField
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


def _lang(field: BoundField) -> dict[str, str | bool] | None:
    language = getattr(field.field, "content_lang", None)
    page = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {"lang": language} if language and language != page else None


@register.filter
def label_tag(field: BoundField) -> SafeString:
    return field.label_tag(label_suffix="", attrs=_lang(field))


@register.filter
def legend_tag(field: BoundField) -> SafeString:
    return field.legend_tag(label_suffix="", attrs=_lang(field))
