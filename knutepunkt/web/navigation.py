"""The main navigation, built once per request in Python rather than in template logic."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ABOUT_PAGE = "hva-er-selvhjelp"


def optional_reverse(viewname: str, **kwargs: Any) -> str:
    """The URL, or "" when the view does not exist (an app that is not installed)."""
    try:
        return reverse(viewname, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    # "page" for the page itself, "true" inside its section, "" elsewhere.
    current: str


# (label, view name, kwargs, view names of the section it stands for)
_ITEMS: list[tuple[Any, str, dict[str, str], tuple[str, ...]]] = [
    (_("Home"), "pages:home", {}, ()),
    (_("Find help"), "find:search", {}, ("find:",)),
    (_("Map"), "directory:map", {}, ("directory:municipality",)),
    (_("Calendar"), "events:list", {}, ("events:",)),
    (_("About self-help"), "pages:info_page", {"slug": ABOUT_PAGE}, ("pages:info",)),
    (_("District offices"), "directory:office_list", {}, ("directory:office",)),
]


@lru_cache(maxsize=32)
def _items(
    language: str, prefix: str, urlconf: str | None
) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, URL, section) of each item in one language: reversed once, not per page."""
    items = []
    for label, name, kwargs, section in _ITEMS:
        url = optional_reverse(name, **kwargs)
        if url:
            items.append((str(label), url, section))
    return items


def main_nav(request: HttpRequest | None) -> list[NavItem]:
    path = request.path if request is not None else ""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match is not None else ""
    items = []
    urlconf = get_urlconf()
    for label, url, section in _items(
        get_language() or "", get_script_prefix(), urlconf if isinstance(urlconf, str) else None
    ):
        if url == path:
            current = "page"
        elif view_name and any(view_name.startswith(prefix) for prefix in section):
            current = "true"
        else:
            current = ""
        items.append(NavItem(label=label, url=url, current=current))
    return items
