"""The starter register in the staff workspace.

Office staff (and head office) keep their office's register. A coordinator sees, read-only,
the starters of their office who agreed to be contacted (``Starter.objects.visible_to``).
Contact details are personal data: pages are never cached (``staff_view``) and nothing
here writes them to a log.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from knutepunkt.geo.models import Municipality
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.staff.access import ALL_STAFF_ROLES, OFFICE_ROLES, staff_view
from knutepunkt.staff.starters.forms import StarterFilterForm, StarterForm
from knutepunkt.starters.access import get_starter_for_user
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import (
    starter_create,
    starter_update,
    starter_withdraw_consent,
)
from knutepunkt.web.forms import add_service_errors


def _detail_url(starter: Starter) -> str:
    return reverse("staff:starters:starter_detail", kwargs={"pk": starter.pk})


@staff_view(roles=ALL_STAFF_ROLES)
def starter_list_view(request: HttpRequest) -> HttpResponse:
    form = StarterFilterForm(request.GET or None)
    starters = (
        Starter.objects.visible_to(request.user)
        .select_related("home_municipality", "office")
        .prefetch_related(
            "topics", Prefetch("municipalities", Municipality.objects.defer("outline"))
        )
        .annotate(group_count=Count("groups_started", distinct=True))
        .order_by("name", "pk")
    )
    if form.is_bound and form.is_valid():
        topic = form.cleaned_data.get("topic")
        municipality = form.cleaned_data.get("municipality")
        if topic is not None:
            starters = starters.filter(topics=topic)
        if municipality is not None:
            starters = starters.filter(
                Q(municipalities=municipality) | Q(home_municipality=municipality)
            )
        starters = starters.distinct()
    elif form.is_bound:
        starters = starters.none()
    return render(
        request,
        "starters/staff/starter_list.html",
        {
            "form": form,
            "starters": starters,
            "can_edit": not getattr(request.user, "is_coordinator", False),
        },
    )


@staff_view(roles=ALL_STAFF_ROLES)
def starter_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    starter = get_starter_for_user(user, pk)
    trainings = (
        list(starter.trainings.select_related("municipality").order_by("-starts_at"))
        if hasattr(starter, "trainings")
        else []
    )
    return render(
        request,
        "starters/staff/starter_detail.html",
        {
            "starter": starter,
            "topics": list(starter.topics.all()),
            "places": list(starter.municipalities.defer("outline").order_by("name")),
            "trainings": trainings,
            "groups": list(
                SelfHelpGroup.objects.visible_to(user)
                .filter(starter=starter)
                .select_related("topic", "municipality", "contact_point")
            ),
            "can_edit": Starter.objects.editable_by(user).filter(pk=starter.pk).exists(),
        },
    )


def _save(user: Any, form: StarterForm, starter: Starter | None, data: dict) -> Starter | None:
    """Create or update through the service; its errors become the form's (``None``)."""
    try:
        if starter is None:
            return starter_create(actor=user, **data)
        return starter_update(actor=user, starter=starter, data=data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        if starter is not None and starter.pk:
            starter.refresh_from_db()
        return None


def _form_page(request: HttpRequest, starter: Starter | None) -> HttpResponse:
    """Register or edit a starter. Unticking the consent of a starter who had given it means
    the consent is withdrawn: after a confirmation, the whole record is deleted."""
    user: Any = request.user
    form = StarterForm(request.POST or None, user=user, starter=starter)
    withdrawing = False
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        withdrawing = (
            starter is not None
            and starter.consent_to_contact
            and not data.get("consent_to_contact")
        )
        if withdrawing and starter is not None and request.POST.get("confirm_withdrawal"):
            starter_withdraw_consent(actor=user, starter=starter)
            messages.success(request, _("Consent withdrawn: the starter's record is deleted."))
            return HttpResponseRedirect(reverse("staff:starters:starter_list"))
        if not withdrawing:
            saved = _save(user, form, starter, data)
            if saved is not None:
                messages.success(request, _("The starter was saved."))
                return HttpResponseRedirect(_detail_url(saved))
    return render(
        request,
        "starters/staff/starter_form.html",
        {"form": form, "starter": starter, "withdrawing": withdrawing},
    )


@staff_view(roles=OFFICE_ROLES)
def starter_create_view(request: HttpRequest) -> HttpResponse:
    return _form_page(request, None)


@staff_view(roles=OFFICE_ROLES)
def starter_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(request, get_starter_for_user(request.user, pk, to_edit=True))
