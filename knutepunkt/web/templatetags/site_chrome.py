from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.conf import settings
from django.urls import get_urlconf, translate_url
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString
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
NATIVE_NAMES = {"nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "English"}


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


@register.simple_tag(takes_context=True)
def hreflang_alternates(context: dict[str, Any]) -> SafeString:
    """``<link rel="alternate" hreflang>`` for the page in every language (and bokmål as
    ``x-default``), absolute as search engines want them. Nothing on a page that did not
    resolve (404): there is no such page in any language."""
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return SafeString("")
    path, mark, query = request.get_full_path().partition("?")
    urlconf = get_urlconf()
    urls = [
        (code, request.build_absolute_uri(_translated(path, code, urlconf) + mark + query))
        for code, _name in settings.LANGUAGES
    ]
    urls.append(("x-default", dict(urls)[settings.LANGUAGE_CODE]))
    return format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', urls)


def _base_language(code: str | None) -> str:
    return (code or settings.LANGUAGE_CODE).split("-")[0].lower()


@register.simple_tag
def lang_attr(value: Any = None) -> SafeString:
    """`` lang="nb"`` on an element whose text is not in the page's language, nothing when
    it is (WCAG 3.1.2): a screen reader then reads a bokmål event title on an English page
    with a Norwegian voice.

    ``value`` is a text that knows its language (``.lang``, as ``localized_text`` returns:
    a nynorsk page may show the bokmål fallback) or anything else, which is taken as
    bokmål: what staff write in a field with one language only (titles, names, meeting
    times) is Norwegian bokmål."""
    language = getattr(value, "lang", None) or settings.LANGUAGE_CODE
    if _base_language(language) == _base_language(get_language()):
        return SafeString("")
    return format_html(' lang="{}"', language)


@register.filter(is_safe=True)
def marked(value: Any) -> SafeString:
    """The text, inside ``<span lang="nb">`` when it is not in the page's language (see
    :func:`lang_attr`); for content inside a sentence: ``{% blocktranslate with
    name=contact.name|marked %}``."""
    attribute = lang_attr(value)
    if not attribute:
        return conditional_escape(value)
    return format_html("<span{}>{}</span>", attribute, value)
