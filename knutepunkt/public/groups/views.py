"""The public "Find help" page and its municipality typeahead."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from knutepunkt.geo.distance import place_near
from knutepunkt.geo.places import (
    Place,
    current_places,
    match_place,
    place_by_number,
    place_key,
    suggest_places,
)
from knutepunkt.groups.search import ParsedQuery, parse_query
from knutepunkt.groups.selectors import FindResults, find_help
from knutepunkt.public.groups.cards import contact_html, contact_point_cards, group_cards
from knutepunkt.public.groups.forms import FindForm

CACHE_VERSION = "1"


def _cache_seconds() -> int:
    return int(settings.KNUTEPUNKT["PUBLIC_CACHE_SECONDS"])


def _cache_key(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f"find:{CACHE_VERSION}:{digest}"


@dataclass
class PlaceOutcome:
    place: Place | None = None
    message: str = ""
    candidates: list[dict[str, str]] = field(default_factory=list)


def _resolve(data: dict[str, Any], q: str) -> PlaceOutcome:
    """Which municipality the person means: position first, then the number the
    typeahead chose (if the typed name still fits it), then the typed name."""
    sted = data.get("sted") or ""
    if data.get("lat") is not None and data.get("lon") is not None:
        place = place_near(data["lat"], data["lon"])
        if place is None:
            return PlaceOutcome(
                message=_(
                    "We could not find a Norwegian municipality at your position. "
                    "Please type the name of your municipality."
                )
            )
        return PlaceOutcome(place=place)
    number = data.get("kommune") or ""
    if number:
        place = place_by_number(number)
        if place is not None and (not sted or match_place(sted).place in (None, place)):
            return PlaceOutcome(place=place)
    match = match_place(sted)
    candidates = [
        {"label": p.label, "url": _search_url(q=q, sted=p.name, kommune=p.number)}
        for p in match.candidates
    ]
    if match.status == "ambiguous":
        return PlaceOutcome(
            message=_("Several municipalities match “%(place)s”. Which one do you mean?")
            % {"place": sted},
            candidates=candidates,
        )
    if match.status == "unknown":
        message = (
            _("We found no municipality called “%(place)s”. Did you mean one of these?")
            if candidates
            else _("We found no municipality called “%(place)s”. Please check the spelling.")
        )
        return PlaceOutcome(message=message % {"place": sted}, candidates=candidates)
    return PlaceOutcome(place=match.place)


def _search_url(**params: str) -> str:
    return reverse("find:search") + "?" + urlencode({k: v for k, v in params.items() if v})


def _cards(results: FindResults) -> dict[str, str]:
    """The result cards, written in Python (see :mod:`knutepunkt.public.groups.cards`)."""
    first = results.contact_points[0] if results.contact_points else None
    return {
        "in_person": group_cards(results.in_person),
        "remote": group_cards(results.remote),
        "far_in_person": group_cards(results.far_in_person),
        "serving": contact_point_cards(results.serving_contact_points),
        "others": contact_point_cards(results.other_contact_points),
        "first_contact": mark_safe(contact_html(first.contact)) if first else "",  # noqa: S308
        "office_contact": mark_safe(contact_html(results.office)) if results.office else "",  # noqa: S308
    }


def _results_html(query: ParsedQuery, place: Place | None) -> str:
    """The rendered results, cached per normalised query, municipality and language so a
    sudden rush of people searching the same thing costs one database round."""
    language = get_language() or settings.LANGUAGE_CODE
    key = _cache_key("results", language, place.number if place else "-", query.normalised)
    html = cache.get(key)
    if html is None:
        results = find_help(query=query, place=place)
        html = render_to_string(
            "groups/_results.html", {"results": results, "cards": _cards(results)}
        )
        cache.set(key, html, _cache_seconds())
    return str(html)


# The page is cached whole for anonymous visitors; the CSRF token of the language switch
# in the header is the only per-visitor part, so it is rendered as this placeholder and
# filled in on every response.
CSRF_PLACEHOLDER = "__knutepunkt_find_csrf__"
_PAGE_CACHE_MAX_PATH = 600


def _page_cache_key(request: HttpRequest) -> str | None:
    """A key for the whole page, or None when the visitor may see something personal
    (signed in, flash messages) or the address is unreasonably long."""
    if set(request.COOKIES) - {settings.CSRF_COOKIE_NAME}:
        return None
    path = request.get_full_path()
    if len(path) > _PAGE_CACHE_MAX_PATH:
        return None
    return _cache_key("page", get_language() or settings.LANGUAGE_CODE, path)


def _with_token(request: HttpRequest, html: str) -> HttpResponse:
    return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    page_key = _page_cache_key(request)
    if page_key is not None:
        cached = cache.get(page_key)
        if cached is not None:
            return _with_token(request, str(cached))
    form = FindForm(request.GET or None)
    context: dict[str, Any] = {
        "form": form,
        "searched": form.is_bound,
        "csrf_token": CSRF_PLACEHOLDER,
    }
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query = parse_query(data["q"])
        outcome = _resolve(data, data["q"])
        context["outcome"] = outcome
        if query.is_empty and outcome.place is None and not outcome.message:
            context["empty_search"] = True
        else:
            context["results_html"] = _results_html(query, outcome.place)
        if outcome.place is not None:
            context["place_label"] = outcome.place.label
            # Show the place as understood (a position becomes its municipality's name): an
            # unbound form with these values, as the searched one was valid (nothing to
            # validate again).
            context["form"] = FindForm(
                initial={
                    "q": data["q"],
                    "sted": outcome.place.label,
                    "kommune": outcome.place.number,
                }
            )
    html = render_to_string("groups/find.html", context, request=request)
    # A page with a CSP nonce is tied to its response header: never reuse it.
    if page_key is not None and 'nonce="' not in html:
        cache.set(page_key, html, _cache_seconds())
    return _with_token(request, html)


@require_safe
def municipalities(request: HttpRequest) -> JsonResponse:
    """Typeahead: current municipalities whose name starts with (or contains) ``q``."""
    text = request.GET.get("q", "")[:100]
    key = _cache_key("places", place_key(text))
    data = cache.get(key)
    if data is None:
        data = [
            {"number": p.number, "name": p.name, "county": p.county, "label": p.label}
            for p in suggest_places(text, current_places())
        ]
        cache.set(key, data, 60 * 60)
    response = JsonResponse(data, safe=False)
    response["Cache-Control"] = f"public, max-age={_cache_seconds()}"
    return response
