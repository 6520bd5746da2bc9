"""The office's queue of listing corrections from the public: accept (the listing is
changed through its usual service) or dismiss. Another office's request is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knutepunkt.feedback.models import ChangeRequest
from knutepunkt.feedback.services import change_request_accept, change_request_dismiss
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.feedback.forms import AcceptForm, DismissForm
from knutepunkt.web.forms import add_service_errors


def get_change_request_for_user(user: Any, pk: int) -> ChangeRequest:
    request = (
        ChangeRequest.objects.visible_to(user)
        .select_related("office", "group__topic", "group__municipality", "contact_point")
        .filter(pk=pk)
        .first()
    )
    if request is None:
        raise Http404
    return request


@staff_view(roles=OFFICE_ROLES)
def change_request_list(request: HttpRequest) -> HttpResponse:
    show_closed = request.GET.get("vis") == "alle"
    requests = ChangeRequest.objects.visible_to(request.user).select_related("office")
    if not show_closed:
        requests = requests.open()
    context = {
        "requests": list(requests.order_by("-created_at", "-id")[:200]),
        "show_closed": show_closed,
    }
    return render(request, "feedback/staff/change_request_list.html", context)


def _detail(
    request: HttpRequest,
    change_request: ChangeRequest,
    accept_form: AcceptForm | None = None,
    dismiss_form: DismissForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "change_request": change_request,
        "accept_form": accept_form
        or AcceptForm(change_request=change_request, auto_id="accept-%s"),
        "dismiss_form": dismiss_form or DismissForm(auto_id="dismiss-%s"),
    }
    return render(request, "feedback/staff/change_request_detail.html", context, status=status)


@staff_view(roles=OFFICE_ROLES)
def change_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    change_request = get_change_request_for_user(request.user, pk)
    if request.method != "POST" or not change_request.is_open:
        return _detail(request, change_request)
    form = AcceptForm(request.POST, change_request=change_request, auto_id="accept-%s")
    if form.is_valid():
        try:
            changed = change_request_accept(
                actor=request.user,  # type: ignore[arg-type]
                request=change_request,
                values=form.listing_values(),
                reply=form.cleaned_data["reply"],
                on=form.cleaned_data.get("on"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("The listing was corrected (%(fields)s) and the request closed.")
                % {"fields": ", ".join(changed)},
            )
            return HttpResponseRedirect(reverse("staff:feedback:change_request_list"))
    change_request.refresh_from_db()
    return _detail(request, change_request, accept_form=form, status=400)


@staff_view(roles=OFFICE_ROLES)
@require_POST
def change_request_dismiss_view(request: HttpRequest, pk: int) -> HttpResponse:
    change_request = get_change_request_for_user(request.user, pk)
    form = DismissForm(request.POST, auto_id="dismiss-%s")
    if form.is_valid():
        try:
            change_request_dismiss(
                actor=request.user,  # type: ignore[arg-type]
                request=change_request,
                reply=form.cleaned_data["reply"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The request was dismissed."))
            return HttpResponseRedirect(reverse("staff:feedback:change_request_list"))
    return _detail(request, change_request, dismiss_form=form, status=400)
