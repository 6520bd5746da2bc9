"""Public pages: register interest (no account), and the status page behind the signed
link (see, change, keep waiting, withdraw). Contact data is health-related: POST bodies are
hidden from error reports and pages that may show it are never cached."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from knutepunkt.geo.models import Municipality
from knutepunkt.groups.models import Topic
from knutepunkt.interests.models import Interest, InterestStatus
from knutepunkt.interests.services import (
    interest_erase,
    interest_keep_waiting,
    interest_register,
    interest_update,
)
from knutepunkt.interests.tokens import BadToken, read_status_token, status_token
from knutepunkt.public.interests import abuse
from knutepunkt.public.interests.forms import InterestChangeForm, InterestForm
from knutepunkt.web.forms import add_service_errors

PERSONAL_POST = ("alias", "email", "phone")


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def _initial_from_query(request: HttpRequest) -> dict[str, Any]:
    """?topic=<slug or id>&kommune=<number or name> from links on the find page."""
    initial: dict[str, Any] = {}
    topic = (request.GET.get("topic") or "")[:80]
    if topic:
        found = Topic.objects.filter(slug=topic).first()
        if found is None and topic.isascii() and topic.isdigit():
            found = Topic.objects.filter(pk=int(topic)).first()
        if found is not None:
            initial["topic"] = found.pk
    place = (request.GET.get("kommune") or "").replace("\x00", "")[:100]
    if place:
        municipality = Municipality.objects.current().filter(number=place).first()
        initial["municipality"] = municipality.name if municipality else place
    return initial


def _form_page(request: HttpRequest, form: InterestForm, status: int = 200) -> HttpResponse:
    challenge = abuse.issue_challenge()
    if form.is_bound:
        # A fresh challenge for every rendering: the old nonce may be used up.
        data = request.POST.copy()
        data["pow_challenge"] = challenge.token
        data["pow_solution"] = ""
        data["website"] = ""
        form.data = data
    else:
        form.initial["pow_challenge"] = challenge.token
    context = {"form": form, "challenge": challenge}
    return _no_store(render(request, "interests/register.html", context, status=status))


def _too_many(request: HttpRequest) -> HttpResponse:
    return _no_store(render(request, "interests/too_many.html", status=429))


@sensitive_variables()
@sensitive_post_parameters(*PERSONAL_POST)
def register(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _form_page(request, InterestForm(initial=_initial_from_query(request)))
    if abuse.rate_exceeded(request, "register", abuse.RATE_LIMIT):
        return _too_many(request)
    form = InterestForm(request.POST)
    if form.is_honeypot:
        # Silently dropped: the same thanks page, nothing stored, nothing sent.
        return _no_store(render(request, "interests/registered.html", {"status_url": ""}))
    if not form.is_valid():
        return _form_page(request, form)
    fallback = form.used_fallback
    if fallback and abuse.rate_exceeded(request, "fallback", abuse.FALLBACK_RATE_LIMIT):
        return _too_many(request)
    data = form.cleaned_data
    try:
        interest = interest_register(
            topic=data["topic"],
            municipality=data["municipality"],
            for_whom=data["for_whom"],
            formats=data["formats"],
            contact_method=data["contact_method"],
            alias=data["alias"],
            email=data.get("email") or "",
            phone=data.get("phone") or "",
            language=(get_language() or "nb")[:2],
            actor=None,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return _form_page(request, form)
    abuse.rate_count(request, "register")
    if fallback:
        abuse.rate_count(request, "fallback")
    token = status_token(interest)
    return HttpResponseRedirect(reverse("interests:registered", kwargs={"token": token}))


def _interest_from_token(token: str) -> Interest | None:
    try:
        pk, key = read_status_token(token)
    except BadToken:
        return None
    return (
        Interest.objects.select_related("municipality", "contact_point", "office")
        .filter(pk=pk, access_key=key)
        .first()
    )


def _gone(request: HttpRequest) -> HttpResponse:
    return _no_store(render(request, "interests/link_invalid.html", status=404))


@sensitive_variables()
def registered(request: HttpRequest, token: str) -> HttpResponse:
    """Thanks; a phone-only person must keep the status link shown here."""
    interest = _interest_from_token(token)
    if interest is None:
        return _gone(request)
    url = request.build_absolute_uri(reverse("interests:status", kwargs={"token": token}))
    context = {"interest": interest, "status_url": url}
    return _no_store(render(request, "interests/registered.html", context))


def _change_initial(interest: Interest) -> dict[str, Any]:
    return {
        "topic": interest.topic_id,
        "municipality": interest.municipality.name,
        "for_whom": interest.for_whom,
        "formats": interest.formats,
        "contact_method": interest.contact_method,
        "email": interest.email,
        "phone": interest.phone,
    }


@sensitive_variables()
@sensitive_post_parameters(*PERSONAL_POST)
def status(request: HttpRequest, token: str) -> HttpResponse:
    interest = _interest_from_token(token)
    if interest is None:
        return _gone(request)
    waiting = interest.status == InterestStatus.WAITING
    form = InterestChangeForm(initial=_change_initial(interest)) if waiting else None
    notice = ""
    if request.method == "POST" and waiting:
        action = request.POST.get("action")
        if action == "withdraw":
            interest_erase(interest=interest, actor=None, reason="withdrawn")
            return _no_store(render(request, "interests/withdrawn.html"))
        if action == "keep":
            interest_keep_waiting(interest=interest, actor=None)
            notice = "kept"
        elif action == "change":
            form = InterestChangeForm(request.POST)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    interest_update(
                        interest=interest,
                        topic=data["topic"],
                        municipality=data["municipality"],
                        for_whom=data["for_whom"],
                        formats=data["formats"],
                        contact_method=data["contact_method"],
                        email=data.get("email") or "",
                        phone=data.get("phone") or "",
                        actor=None,
                    )
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    notice = "changed"
                    form = InterestChangeForm(initial=_change_initial(interest))
    context = {"interest": interest, "form": form, "notice": notice, "token": token}
    return _no_store(render(request, "interests/status.html", context))


__all__ = ["register", "registered", "status", "status_token"]
