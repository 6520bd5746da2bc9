"""Listing, creating, editing and viewing events."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from knutepunkt.events import services
from knutepunkt.events.access import get_event_for_user
from knutepunkt.events.models import Event, RegistrationStatus
from knutepunkt.events.selectors import event_availability
from knutepunkt.events.services import MAX_SESSIONS
from knutepunkt.network.models import Partner
from knutepunkt.staff.access import staff_view
from knutepunkt.staff.events.event_templates import TEMPLATES, get_template
from knutepunkt.staff.events.forms import (
    DeclineForm,
    EventForm,
    QuestionForm,
    session_formset,
    start_suggestion,
)
from knutepunkt.web.forms import add_service_errors
from knutepunkt.web.pagination import paginate


@staff_view
def event_list(request: HttpRequest) -> HttpResponse:
    """The user's events: upcoming first, then the past ones (most recent first)."""
    now = timezone.now()
    events = (
        Event.objects.visible_to(request.user)
        .select_related("municipality", "office", "contact_point")
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
            pending_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.PENDING)
            ),
        )
    )
    show_past = request.GET.get("vis") == "tidligere"
    if show_past:
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "id")
    page, query = paginate(request, events)
    return render(
        request,
        "events/staff/event_list.html",
        {
            "page": page,
            "query": query,
            "events": page.object_list,
            "show_past": show_past,
            "templates": list(TEMPLATES.values()),
        },
    )


# The name of the submit button that adds a blank session row instead of saving.
ADD_SESSION = "add_session"


def _valid(form: EventForm, sessions: Any) -> bool:
    form_ok = form.is_valid()
    return (sessions.is_valid() or not sessions.submitted) and form_ok


def _sessions(form: EventForm, sessions: Any) -> Any:
    """All sessions for the service, or None when the POST did not include them."""
    return form.sessions(sessions.sessions()) if sessions.submitted else None


def _form_context(form: EventForm, sessions: Any, **extra: Any) -> dict[str, Any]:
    return {
        "form": form,
        "sessions": sessions,
        "add_session": ADD_SESSION,
        "max_sessions": MAX_SESSIONS,
        **extra,
    }


@staff_view
def event_create(request: HttpRequest) -> HttpResponse:
    """A new event; ``?mal=<key>`` starts from a ready-made template."""
    template = get_template(request.POST.get("template") or request.GET.get("mal"))
    initial = template.initial(start_suggestion(timezone.now())) if template else {}
    form = EventForm(request.POST or None, user=request.user, initial=initial)
    adding = ADD_SESSION in request.POST
    sessions = session_formset(request.POST or None, None, add_one=adding)
    if adding:
        form.without_errors()
    elif request.method == "POST" and _valid(form, sessions):
        try:
            event = services.event_create(
                actor=request.user,  # type: ignore[arg-type]
                partners=form.cleaned_data["partners"],
                sessions=_sessions(form, sessions),
                **form.service_values(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _not_allowed())
        else:
            return redirect("staff:events:event_detail", pk=event.pk)
    suggested: list[Partner] = []
    if template and template.suggested_partner_kind:
        suggested = list(
            form.fields["partners"].queryset.filter(  # type: ignore[attr-defined]
                kind=template.suggested_partner_kind
            )
        )
    return render(
        request,
        "events/staff/event_form.html",
        _form_context(form, sessions, template=template, suggested_partners=suggested, event=None),
    )


def _not_allowed() -> str:
    from django.utils.translation import gettext

    return gettext("You may not organise events for this organiser.")


@staff_view
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    # The form works on its own copy: the service compares against the stored event.
    stored = get_event_for_user(request.user, pk)
    form = EventForm(
        request.POST or None,
        user=request.user,
        instance=get_event_for_user(request.user, pk),
    )
    adding = ADD_SESSION in request.POST
    sessions = session_formset(request.POST or None, stored, add_one=adding)
    if adding:
        form.without_errors()
    elif request.method == "POST" and _valid(form, sessions):
        event = get_event_for_user(request.user, pk)
        values = form.service_values()
        try:
            services.event_update(
                event=event,
                actor=request.user,  # type: ignore[arg-type]
                partners=form.cleaned_data["partners"],
                sessions=_sessions(form, sessions),
                **values,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _not_allowed())
        else:
            return redirect("staff:events:event_detail", pk=event.pk)
    return render(
        request,
        "events/staff/event_form.html",
        _form_context(form, sessions, event=stored, template=None),
    )


def activity_link(event: Event) -> tuple[Any, str | None]:
    """The office's activity logged from this event, and a link to it if that page exists."""
    activity = event.activities.order_by("pk").first()
    if activity is None:
        return None, None
    try:
        return activity, reverse("staff:activity:activity_edit", kwargs={"pk": activity.pk})
    except NoReverseMatch:
        return activity, None


def registration_rows(event: Event) -> dict[str, list[dict[str, Any]]]:
    """Sign-ups by status, each with its answers in the order of the questions (cancelled
    and declined ones are deleted: the event only counts them)."""
    questions = list(event.questions.all())
    groups: dict[str, list[dict[str, Any]]] = {"confirmed": [], "pending": [], "waiting": []}
    for registration in event.registrations.order_by("created_at", "id"):
        answers = []
        for question in questions:
            value = registration.answers.get(question.key)
            answers.append({"question": question.label, "value": value})
        row = {"registration": registration, "answers": answers}
        groups[registration.status].append(row)
    for position, row in enumerate(groups["waiting"], start=1):
        row["position"] = position
    return groups


@staff_view
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk)
    groups = registration_rows(event)
    activity, activity_url = activity_link(event)
    user: Any = request.user
    return render(
        request,
        "events/staff/event_detail.html",
        {
            "event": event,
            "availability": event_availability(event),
            "questions": list(event.questions.all()),
            "question_form": QuestionForm(),
            "groups": groups,
            "taken": len(groups["confirmed"]) + len(groups["pending"]),
            "sessions": event.session_list(),
            "decline_form": DeclineForm(),
            "activity": activity,
            "activity_url": activity_url,
            "can_record_attendance": user.is_head_office or user.is_office_staff,
            "has_started": event.starts_at <= timezone.now(),
            "public_url": event.get_absolute_url() if event.is_public else None,
        },
    )
