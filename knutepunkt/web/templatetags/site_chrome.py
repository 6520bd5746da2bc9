from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.conf import settings
from django.urls import get_urlconf, translate_url
from django.utils.translation import get_language

from knutepunkt.pages.markup import render_markup
from knutepunkt.web.navigation import main_nav

register = template.Library()


@lru_cache(maxsize=2048)
def _translated(path: str, code: str, urlconf: Any) -> str:
    """The path in another language, resolved and reversed once per path (the query
    string, which ``translate_url`` keeps as it is, is added by the caller)."""
    return translate_url(path, code)


# Each language is offered in its own name, so a reader who cannot read the current page
# still recognises it.
NATIVE_NAMES = {"nb": "Norsk (bokmål)", "en": "English"}


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def site_nav(context: dict[str, Any]) -> dict[str, Any]:
    return {"items": main_nav(context.get("request"))}


register.filter("markup", render_markup, is_safe=True)


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context: dict[str, Any]) -> dict[str, Any]:
    """One button per other language. ``next`` is already translated into that language:
    ``set_language`` resolves the URL in the language of the switch request itself (from
    the cookie or the browser), which fails for a visitor who arrived at an /en/ address
    directly."""
    request = context.get("request")
    path, mark, query = (request.get_full_path() if request is not None else "/").partition("?")
    current = get_language()
    choices = [
        {
            "code": code,
            "label": NATIVE_NAMES.get(code, code),
            "next": _translated(path, code, get_urlconf()) + mark + query,
        }
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return {"request": request, "csrf_token": context.get("csrf_token"), "choices": choices}
