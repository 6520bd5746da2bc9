"""Public event pages: the calendar, an event with its sign-up form, and the links
a person gets by e-mail. None of them needs a login."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods

from knutepunkt.core.i18n import localized_text
from knutepunkt.events import caching, services
from knutepunkt.events.models import Event, Registration, RegistrationStatus
from knutepunkt.events.selectors import event_availability, get_public_event, waiting_position
from knutepunkt.events.tokens import BadToken, read_cancel_token, read_result_token, result_token
from knutepunkt.operations.db_retry import idempotent_post
from knutepunkt.public.events.forms import EventFilterForm, RegistrationForm
from knutepunkt.public.events.structured_data import event_json_ld, json_ld_script
from knutepunkt.web.forms import add_service_errors

PAGE_SIZE = 20
MAX_PAGE = 1000


def _page_number(raw: str | None) -> int:
    if raw and raw.isascii() and raw.isdigit():
        return min(max(int(raw), 1), MAX_PAGE)
    return 1


def event_list(request: HttpRequest) -> HttpResponse:
    """The public calendar, filtered by plain GET parameters."""
    form = EventFilterForm(request.GET or None)
    filters = form.filters()
    page_number = _page_number(request.GET.get("page"))
    key = caching.calendar_key(
        translation.get_language(), sorted(filters.items()), page_number, timezone.localdate()
    )
    cached = cache.get(key)
    if cached is None:
        cached = _render_results(filters, page_number)
        cache.set(key, cached, caching.timeout())
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "filtered": bool(filters),
            "results": SafeString(cached["html"]),  # rendered by our own template below
            "count": cached["count"],
        },
    )


def _render_results(filters: dict[str, Any], page_number: int) -> dict[str, Any]:
    events = Event.objects.in_calendar().with_public_details()
    if "county" in filters:
        events = events.in_county(filters["county"])
    if "kind" in filters:
        events = events.of_kind(filters["kind"])
    events = events.between(filters.get("date_from"), filters.get("date_to"))
    page = Paginator(events, PAGE_SIZE).get_page(page_number)
    query = urlencode({name: str(value) for name, value in filters.items()})
    html = render_to_string(
        "events/_results.html",
        {"page": page, "events": list(page.object_list), "query": query, "filtered": filters},
    )
    return {"html": html, "count": page.paginator.count}


def privacy_url() -> str | None:
    """The privacy page, if the pages app has it; otherwise the form says it in words."""
    for name in ("pages:privacy", "pages:personvern"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    path = "/om/personvern/"
    language = translation.get_language()
    if language and language != "nb":
        path = f"/{language}{path}"
    try:
        resolve(path)
    except Resolver404:
        return None
    return path


# A repeated POST is one sign-up (the form's submission key), so a lost database
# connection may run it again (knutepunkt/operations/db_retry.py).
@idempotent_post
@require_http_methods(["GET", "HEAD", "POST"])
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_public_event(slug)
    availability = event_availability(event)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, questions=event.questions.all()
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                language=translation.get_language(),
                answers=form.answers(),
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            availability = event_availability(event)
        else:
            return redirect("events:registered", token=result_token(registration))
    url = request.build_absolute_uri(event.get_absolute_url())
    nonce = getattr(request, "csp_nonce", "")
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "description": localized_text(event, "description"),
            "availability": availability,
            "form": form,
            "privacy_url": privacy_url(),
            "json_ld": json_ld_script(event_json_ld(event, url=url), nonce=str(nonce)),
        },
    )


def _token_problem(request: HttpRequest, *, broken: bool) -> HttpResponse:
    """A link that leads nowhere answers 404, whether it is broken (changed, cut short,
    too old) or its sign-up is gone; the text says which."""
    return render(request, "events/token_invalid.html", {"broken": broken}, status=404)


def _registration_from(ids: tuple[int, int]) -> tuple[Registration | None, Event | None]:
    """The sign-up a valid token names, and its event. A cancelled sign-up is deleted, and
    so are all sign-ups some time after the event: then only the event is found."""
    registration_id, event_id = ids
    registration = (
        Registration.objects.select_related("event__municipality")
        .filter(pk=registration_id, event_id=event_id)
        .first()
    )
    if registration is not None:
        return registration, registration.event
    return None, Event.objects.select_related("municipality").filter(pk=event_id).first()


def registration_result(request: HttpRequest, token: str) -> HttpResponse:
    """Right after signing up: confirmed, or the place on the waiting list."""
    try:
        registration, event = _registration_from(read_result_token(token))
    except BadToken:
        return _token_problem(request, broken=True)
    if event is None:
        return _token_problem(request, broken=False)
    return render(
        request,
        "events/registered.html",
        {
            "registration": registration,
            "event": event,
            "position": waiting_position(registration) if registration else None,
            "confirmed": registration is not None
            and registration.status == RegistrationStatus.CONFIRMED,
            "pending": registration is not None
            and registration.status == RegistrationStatus.PENDING,
            "cancelled": registration is None,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the e-mail. GET only asks; the POST button cancels, so a mail scanner
    that follows links cannot cancel anyone's place. A sign-up that is gone (cancelled
    before, or deleted after the event) says so."""
    try:
        registration, event = _registration_from(read_cancel_token(token))
    except BadToken:
        return _token_problem(request, broken=True)
    if event is None:
        return _token_problem(request, broken=False)
    if request.method == "POST" and registration is not None:
        services.registration_cancel(registration=registration, actor=None)
        return render(request, "events/cancel_done.html", {"event": event, "done": True})
    return render(
        request,
        "events/cancel_confirm.html",
        {
            "event": event,
            "registration": registration,
            "already": registration is None,
            "event_over": event.ends_at <= timezone.now(),
        },
    )
