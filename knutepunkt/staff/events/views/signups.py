"""The organiser's work with sign-ups: questions, places, exports and messages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from knutepunkt.events import exports, services
from knutepunkt.events.access import get_event_for_user, get_registration_for_user
from knutepunkt.events.models import Event, EventQuestion, Registration
from knutepunkt.staff.access import staff_view
from knutepunkt.staff.events.forms import DeclineForm, MessageForm, QuestionForm
from knutepunkt.staff.events.views.common import error_text
from knutepunkt.web.forms import add_service_errors


def _registration(request: HttpRequest, event: Event, registration_pk: int) -> Registration:
    registration = get_registration_for_user(request.user, registration_pk)
    if registration.event_id != event.pk:
        raise Http404("No such registration")
    return registration


def _back(event: Event) -> HttpResponse:
    return redirect("staff:events:event_detail", pk=event.pk)


@staff_view
@require_POST
def registration_cancel(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """Cancel someone's place; the next on the waiting list moves up."""
    event = get_event_for_user(request.user, pk)
    registration = _registration(request, event, registration_pk)
    services.registration_cancel(registration=registration, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The sign-up was cancelled."))
    return _back(event)


@staff_view
@require_POST
def registration_confirm(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """Give someone on the waiting list a place by hand, while one is free."""
    event = get_event_for_user(request.user, pk)
    registration = _registration(request, event, registration_pk)
    try:
        services.registration_confirm(registration=registration, actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The person has a place now and gets an e-mail."))
    return _back(event)


@staff_view
@require_POST
def registration_approve(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """Approve a sign-up awaiting approval: the person's place is confirmed."""
    event = get_event_for_user(request.user, pk)
    registration = _registration(request, event, registration_pk)
    try:
        services.registration_approve(registration=registration, actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s's sign-up was approved; they get an e-mail.") % {"name": registration.name},
        )
    return _back(event)


@staff_view
@require_POST
def registration_decline(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """Decline a sign-up awaiting approval, with an optional message to the person."""
    event = get_event_for_user(request.user, pk)
    registration = _registration(request, event, registration_pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("message", [])))
        return _back(event)
    try:
        services.registration_decline(
            registration=registration,
            actor=request.user,  # type: ignore[arg-type]
            message=form.cleaned_data["message"],
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s's sign-up was declined; they get an e-mail and the place is free.")
            % {"name": registration.name},
        )
    return _back(event)


@staff_view
def event_export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return exports.csv_response(get_event_for_user(request.user, pk))


@staff_view
def event_export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    return exports.xlsx_response(get_event_for_user(request.user, pk))


@staff_view
def event_message(request: HttpRequest, pk: int) -> HttpResponse:
    """Write to the confirmed, the waiting, or everyone signed up: one e-mail each."""
    event = get_event_for_user(request.user, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.event_message_send(
                event=event,
                actor=request.user,  # type: ignore[arg-type]
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                recipients=form.cleaned_data["recipients"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The message was sent to %(count)d person.",
                    "The message was sent to %(count)d people.",
                    count,
                )
                % {"count": count},
            )
            return _back(event)
    counts = {
        "confirmed": event.registrations.confirmed().count(),
        "waiting": event.registrations.waiting().count(),
    }
    return render(
        request, "events/staff/event_message.html", {"event": event, "form": form, "counts": counts}
    )


@staff_view
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a sign-up question (GET shows the form on its own page)."""
    event = get_event_for_user(request.user, pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_question_create(
                event=event,
                actor=request.user,  # type: ignore[arg-type]
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                required=form.cleaned_data["required"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question was added to the sign-up form."))
            return _back(event)
    return render(request, "events/staff/question_form.html", {"event": event, "form": form})


@staff_view
@require_POST
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk)
    question = EventQuestion.objects.filter(event=event, pk=question_pk).first()
    if question is None:
        raise Http404("No such question")
    try:
        services.event_question_delete(question=question, actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The question and its answers were removed."))
    return _back(event)
