"""The partner register in the staff workspace (district office staff and head office)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knutepunkt.network.access import get_partner_contact_for_user, get_partner_for_user
from knutepunkt.network.models import Partner
from knutepunkt.network.services import (
    partner_contact_add,
    partner_contact_confirm,
    partner_contact_remove,
    partner_contact_retention_days,
    partner_contact_update,
    partner_create,
    partner_merge,
    partner_update,
)
from knutepunkt.staff.access import OFFICE_ROLES, staff_view
from knutepunkt.staff.network.forms import (
    PartnerContactForm,
    PartnerFilterForm,
    PartnerForm,
    PartnerMergeForm,
)
from knutepunkt.staff.network.selectors import (
    duplicate_pairs,
    find_possible_duplicates,
    partner_history,
    partner_list,
)
from knutepunkt.web.forms import add_service_errors
from knutepunkt.web.pagination import paginate


def _detail_url(partner: Partner) -> str:
    return reverse("staff:network:partner_detail", kwargs={"pk": partner.pk})


@staff_view(roles=OFFICE_ROLES)
def partner_list_view(request: HttpRequest) -> HttpResponse:
    """The register: search, filters and a panel of possible duplicates."""
    form = PartnerFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        municipality = form.cleaned_data.get("municipality")
        county = form.cleaned_data.get("county")
        filters = {
            "query": form.cleaned_data.get("q") or "",
            "kind": form.cleaned_data.get("kind") or "",
            "municipality_id": municipality.pk if municipality else None,
            "county_id": county.pk if county else None,
        }
    partners = partner_list(request.user, **filters) if not form.errors else Partner.objects.none()
    page, query = paginate(request, partners)
    return render(
        request,
        "network/staff/partner_list.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "partners": page.object_list,
            "duplicates": duplicate_pairs(Partner.objects.visible_to(request.user)),
        },
    )


def _duplicates_for(form: PartnerForm, user: Any, exclude_pk: int | None, office_id: int) -> list:
    data = form.cleaned_data
    municipality = data.get("municipality")
    return find_possible_duplicates(
        office_id=office_id,
        name=data["name"],
        municipality_id=municipality.pk if municipality else None,
        organisation_number=data.get("organisation_number") or "",
        exclude_pk=exclude_pk,
    )


@staff_view(roles=OFFICE_ROLES)
def partner_create_view(request: HttpRequest) -> HttpResponse:
    """Add a partner; a likely duplicate must be confirmed ("Create anyway")."""
    user: Any = request.user
    form = PartnerForm(request.POST or None, user=user)
    duplicates: list = []
    if request.method == "POST" and form.is_valid():
        office = form.cleaned_data.get("office") or user.office
        duplicates = _duplicates_for(form, user, None, office.pk)
        if duplicates and not form.cleaned_data.get("confirm_duplicate"):
            form.add_error(None, _("This may already be in the register. Check the list below."))
        else:
            try:
                partner = partner_create(actor=user, **form.service_data())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The partner was added."))
                return HttpResponseRedirect(_detail_url(partner))
    return render(
        request,
        "network/staff/partner_form.html",
        {
            "form": form,
            "duplicates": duplicates,
            "partner": None,
        },
    )


@staff_view(roles=OFFICE_ROLES)
def partner_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    partner = get_partner_for_user(user, pk)
    form = PartnerForm(request.POST or None, user=user, partner=partner)
    duplicates: list = []
    if request.method == "POST" and form.is_valid():
        office = form.cleaned_data.get("office") or partner.office
        duplicates = _duplicates_for(form, user, partner.pk, office.pk)
        if duplicates and not form.cleaned_data.get("confirm_duplicate"):
            form.add_error(
                None, _("Another partner looks like the same organisation. Check the list below.")
            )
        else:
            try:
                partner_update(actor=user, partner=partner, data=form.service_data())
            except ValidationError as exc:
                add_service_errors(form, exc)
                partner.refresh_from_db()
            else:
                messages.success(request, _("The partner was saved."))
                return HttpResponseRedirect(_detail_url(partner))
    return render(
        request,
        "network/staff/partner_form.html",
        {
            "form": form,
            "duplicates": duplicates,
            "partner": partner,
        },
    )


@staff_view(roles=OFFICE_ROLES)
def partner_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The partner, its contact persons and the office's history with it."""
    partner = get_partner_for_user(request.user, pk)
    return render(
        request,
        "network/staff/partner_detail.html",
        {
            "partner": partner,
            "contacts": list(partner.contacts.all()),
            "contact_retention_days": partner_contact_retention_days(),
            "contact_form": PartnerContactForm(auto_id="new-contact-%s"),
            "history": partner_history(request.user, partner),
            "duplicates": find_possible_duplicates(
                office_id=partner.office_id,
                name=partner.name,
                municipality_id=partner.municipality_id,
                organisation_number=partner.organisation_number,
                exclude_pk=partner.pk,
            ),
        },
    )


@staff_view(roles=OFFICE_ROLES)
@require_POST
def partner_contact_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_partner_for_user(request.user, pk)
    form = PartnerContactForm(request.POST, auto_id="new-contact-%s")
    if form.is_valid():
        try:
            partner_contact_add(actor=request.user, partner=partner, **form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The contact person was added."))
            return HttpResponseRedirect(_detail_url(partner) + "#contacts")
    return render(
        request,
        "network/staff/partner_detail.html",
        {
            "partner": partner,
            "contacts": list(partner.contacts.all()),
            "contact_retention_days": partner_contact_retention_days(),
            "contact_form": form,
            "history": partner_history(request.user, partner),
            "duplicates": [],
        },
        status=400,
    )


@staff_view(roles=OFFICE_ROLES)
def partner_contact_edit_view(request: HttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    partner = get_partner_for_user(request.user, pk)
    contact = get_partner_contact_for_user(request.user, contact_pk, partner=partner)
    initial = {name: getattr(contact, name) for name in ("name", "title", "email", "phone")}
    form = PartnerContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            partner_contact_update(actor=request.user, contact=contact, data=form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The contact person was saved."))
            return HttpResponseRedirect(_detail_url(partner) + "#contacts")
    return render(
        request,
        "network/staff/partner_contact_form.html",
        {"partner": partner, "contact": contact, "form": form},
    )


@staff_view(roles=OFFICE_ROLES)
@require_POST
def partner_contact_confirm_view(request: HttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    """The details are still right: the contact person is kept for another period."""
    partner = get_partner_for_user(request.user, pk)
    contact = get_partner_contact_for_user(request.user, contact_pk, partner=partner)
    partner_contact_confirm(actor=request.user, contact=contact)  # type: ignore[arg-type]
    messages.success(request, _("The contact person's details are confirmed."))
    return HttpResponseRedirect(_detail_url(partner) + "#contacts")


@staff_view(roles=OFFICE_ROLES)
@require_POST
def partner_contact_remove_view(request: HttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    partner = get_partner_for_user(request.user, pk)
    contact = get_partner_contact_for_user(request.user, contact_pk, partner=partner)
    partner_contact_remove(actor=request.user, contact=contact)  # type: ignore[arg-type]
    messages.success(request, _("The contact person was removed."))
    return HttpResponseRedirect(_detail_url(partner) + "#contacts")


@staff_view(roles=OFFICE_ROLES)
def partner_merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge another partner into this one: choose, compare, confirm."""
    user: Any = request.user
    keep = get_partner_for_user(user, pk)
    data = (
        request.POST
        if request.method == "POST"
        else (request.GET if "duplicate" in request.GET else None)
    )
    raw = data.get("duplicate", "") if data is not None else ""
    if str(raw).isdigit():
        # Through the access function first: another office's partner is a 404.
        get_partner_for_user(user, int(raw))
    form = PartnerMergeForm(data, keep=keep)
    duplicate = None
    if form.is_bound and form.is_valid():
        duplicate = get_partner_for_user(user, form.cleaned_data["duplicate"].pk)
        if request.method == "POST":
            if not form.cleaned_data.get("confirm"):
                form.add_error("confirm", _("Confirm that these are the same organisation."))
            else:
                try:
                    partner_merge(actor=user, keep=keep, duplicate=duplicate)
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    messages.success(
                        request,
                        _("“%(name)s” was merged into this partner.") % {"name": duplicate.name},
                    )
                    return HttpResponseRedirect(_detail_url(keep))
    return render(
        request,
        "network/staff/partner_merge.html",
        {
            "keep": keep,
            "duplicate": duplicate,
            "duplicate_history": partner_history(user, duplicate) if duplicate else None,
            "duplicate_contacts": list(duplicate.contacts.all()) if duplicate else [],
            "form": form,
        },
    )
