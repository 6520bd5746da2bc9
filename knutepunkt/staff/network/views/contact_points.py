"""The contact point pipeline: from idea to established, with planning groups.

District office staff (and head office) work the pipeline. A contact point's coordinator
sees their own contact point's page (status, history, planning group read-only) and may
change its public contact details; status, next step, follow-up and planning group stay
with the district office.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knutepunkt.events.models import Event
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.network.access import get_contact_point_for_user
from knutepunkt.network.models import ContactPoint, ContactPointStatus
from knutepunkt.network.services import (
    contact_point_create,
    contact_point_set_status,
    contact_point_update,
    planning_group_member_add,
    planning_group_member_remove,
)
from knutepunkt.staff.access import ALL_STAFF_ROLES, OFFICE_ROLES, staff_view
from knutepunkt.staff.network.forms import (
    ContactPointForm,
    ContactPointPublicForm,
    ContactPointStatusForm,
    FollowUpForm,
    PlanningGroupMemberForm,
)
from knutepunkt.staff.network.selectors import contact_point_pipeline
from knutepunkt.web.forms import add_service_errors


def _detail_url(contact_point: ContactPoint) -> str:
    return reverse("staff:network:contact_point_detail", kwargs={"pk": contact_point.pk})


def _is_office_role(user: Any) -> bool:
    return bool(user.is_head_office or user.is_office_staff)


@staff_view(roles=OFFICE_ROLES)
def contact_point_list_view(request: HttpRequest) -> HttpResponse:
    """The pipeline board: one section per status (works without JavaScript)."""
    status = request.GET.get("status", "")
    if status not in ContactPointStatus.values:
        status = ""
    query = request.GET.get("q", "")[:100]
    return render(
        request,
        "network/staff/contact_point_list.html",
        {
            "columns": contact_point_pipeline(request.user, status=status, query=query),
            "statuses": ContactPointStatus.choices,
            "status": status,
            "query": query,
        },
    )


def _detail_context(request: HttpRequest, contact_point: ContactPoint, **forms: Any) -> dict:
    user: Any = request.user
    office_role = _is_office_role(user)
    context: dict[str, Any] = {
        "contact_point": contact_point,
        "office_role": office_role,
        "served": list(contact_point.municipalities_served.defer("outline").order_by("name")),
        "history": list(
            contact_point.status_changes.select_related("changed_by").order_by("-changed_on", "-id")
        ),
        "members": list(contact_point.planning_group.select_related("partner")),
        "groups": list(
            SelfHelpGroup.objects.visible_to(user)
            .filter(contact_point=contact_point)
            .select_related("topic", "municipality")
        ),
        "events": list(
            Event.objects.visible_to(user)
            .filter(contact_point=contact_point)
            .select_related("municipality")
            .order_by("-starts_at")
        ),
        "today": timezone.localdate(),
    }
    if office_role:
        context.setdefault(
            "status_form",
            forms.get("status_form")
            or ContactPointStatusForm(
                initial={"on": timezone.localdate(), "status": contact_point.status},
                auto_id="status-%s",
            ),
        )
        context["follow_up_form"] = forms.get("follow_up_form") or FollowUpForm(
            initial={
                "next_step": contact_point.next_step,
                "follow_up_on": contact_point.follow_up_on,
            },
            auto_id="follow-up-%s",
        )
        context["member_form"] = forms.get("member_form") or PlanningGroupMemberForm(
            contact_point=contact_point, auto_id="member-%s"
        )
    return context


@staff_view(roles=ALL_STAFF_ROLES)
def contact_point_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    contact_point = get_contact_point_for_user(request.user, pk)
    return render(
        request, "network/staff/contact_point_detail.html", _detail_context(request, contact_point)
    )


@staff_view(roles=OFFICE_ROLES)
def contact_point_create_view(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    office = user.office if user.is_office_staff else None
    form = ContactPointForm(request.POST or None, user=user, office=office)
    if request.method == "POST" and form.is_valid():
        try:
            contact_point = contact_point_create(actor=user, **form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The contact point was added."))
            return HttpResponseRedirect(_detail_url(contact_point))
    return render(
        request,
        "network/staff/contact_point_form.html",
        {"form": form, "contact_point": None},
    )


@staff_view(roles=ALL_STAFF_ROLES)
def contact_point_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Office staff edit everything but the status; a coordinator the public details."""
    user: Any = request.user
    contact_point = get_contact_point_for_user(user, pk)
    form: ContactPointPublicForm
    if _is_office_role(user):
        form = ContactPointForm(
            request.POST or None,
            user=user,
            office=contact_point.office,
            contact_point=contact_point,
        )
    else:
        form = ContactPointPublicForm(request.POST or None, contact_point=contact_point)
    if request.method == "POST" and form.is_valid():
        data = form.service_data() if isinstance(form, ContactPointForm) else form.cleaned_data
        try:
            contact_point_update(actor=user, contact_point=contact_point, data=data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            contact_point.refresh_from_db()
        else:
            messages.success(request, _("The contact point was saved."))
            return HttpResponseRedirect(_detail_url(contact_point))
    return render(
        request,
        "network/staff/contact_point_form.html",
        {
            "form": form,
            "contact_point": contact_point,
        },
    )


@staff_view(roles=OFFICE_ROLES)
@require_POST
def contact_point_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Move the contact point to another status, dated, with a note (kept as history)."""
    contact_point = get_contact_point_for_user(request.user, pk)
    form = ContactPointStatusForm(request.POST, auto_id="status-%s")
    if form.is_valid():
        try:
            change = contact_point_set_status(
                actor=request.user,  # type: ignore[arg-type]
                contact_point=contact_point,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if change is None:
                messages.info(request, _("The status was already that."))
            else:
                messages.success(request, _("The status was changed."))
            return HttpResponseRedirect(_detail_url(contact_point) + "#status")
    return render(
        request,
        "network/staff/contact_point_detail.html",
        _detail_context(request, contact_point, status_form=form),
        status=400,
    )


@staff_view(roles=OFFICE_ROLES)
@require_POST
def contact_point_follow_up_view(request: HttpRequest, pk: int) -> HttpResponse:
    contact_point = get_contact_point_for_user(request.user, pk)
    form = FollowUpForm(request.POST, auto_id="follow-up-%s")
    if form.is_valid():
        try:
            contact_point_update(
                actor=request.user,  # type: ignore[arg-type]
                contact_point=contact_point,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            contact_point.refresh_from_db()
        else:
            messages.success(request, _("The next step was saved."))
            return HttpResponseRedirect(_detail_url(contact_point) + "#next-step")
    return render(
        request,
        "network/staff/contact_point_detail.html",
        _detail_context(request, contact_point, follow_up_form=form),
        status=400,
    )


@staff_view(roles=OFFICE_ROLES)
@require_POST
def planning_member_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    contact_point = get_contact_point_for_user(request.user, pk)
    form = PlanningGroupMemberForm(request.POST, contact_point=contact_point, auto_id="member-%s")
    if form.is_valid():
        try:
            planning_group_member_add(
                actor=request.user,  # type: ignore[arg-type]
                contact_point=contact_point,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The member was added to the planning group."))
            return HttpResponseRedirect(_detail_url(contact_point) + "#planning-group")
    return render(
        request,
        "network/staff/contact_point_detail.html",
        _detail_context(request, contact_point, member_form=form),
        status=400,
    )


@staff_view(roles=OFFICE_ROLES)
@require_POST
def planning_member_remove_view(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    contact_point = get_contact_point_for_user(request.user, pk)
    member = contact_point.planning_group.filter(pk=member_pk).first()
    if member is None:
        raise Http404
    planning_group_member_remove(actor=request.user, member=member)  # type: ignore[arg-type]
    messages.success(request, _("The member was removed from the planning group."))
    return HttpResponseRedirect(_detail_url(contact_point) + "#planning-group")
