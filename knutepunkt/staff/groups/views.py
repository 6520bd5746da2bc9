"""Self-help groups in the staff workspace: the office's groups (a coordinator: their
contact point's), their status over time. Never who is in a group."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knutepunkt.groups.access import get_group_for_user
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.groups.services import group_create, group_set_status, group_update
from knutepunkt.staff.access import ALL_STAFF_ROLES, staff_view
from knutepunkt.staff.groups.forms import GroupFilterForm, GroupForm, GroupStatusForm
from knutepunkt.web.forms import add_service_errors
from knutepunkt.web.pagination import paginate


def _detail_url(group: SelfHelpGroup) -> str:
    return reverse("staff:groups:group_detail", kwargs={"pk": group.pk})


@staff_view(roles=ALL_STAFF_ROLES)
def group_list_view(request: HttpRequest) -> HttpResponse:
    form = GroupFilterForm(request.GET or None)
    groups = (
        SelfHelpGroup.objects.visible_to(request.user)
        .select_related("topic", "contact_point", "municipality", "office")
        .order_by("topic__name_nb", "pk")
    )
    if form.is_bound and form.is_valid():
        groups = form.filter(groups)
    page, query = paginate(request, groups)
    return render(
        request,
        "groups/staff/group_list.html",
        {"form": form, "page": page, "groups": page.object_list, "query": query},
    )


@staff_view(roles=ALL_STAFF_ROLES)
def group_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_group_for_user(request.user, pk)
    return render(request, "groups/staff/group_detail.html", _detail_context(group))


def _detail_context(group: SelfHelpGroup, status_form: GroupStatusForm | None = None) -> dict:
    return {
        "group": group,
        "history": list(group.status_changes.order_by("-changed_on", "-id")),
        "status_form": status_form or GroupStatusForm(auto_id="status-%s"),
    }


def _save(request: HttpRequest, form: GroupForm, group: SelfHelpGroup | None) -> Any:
    data = {k: v for k, v in form.cleaned_data.items() if k in form.fields}
    if group is None:
        return group_create(actor=request.user, **data)  # type: ignore[arg-type]
    return group_update(actor=request.user, group=group, data=data)  # type: ignore[arg-type]


def _form_page(request: HttpRequest, group: SelfHelpGroup | None) -> HttpResponse:
    form = GroupForm(request.POST or None, user=request.user, group=group)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, form, group)
        except ValidationError as exc:
            add_service_errors(form, exc)
            if group is not None:
                group.refresh_from_db()
        else:
            messages.success(request, _("The group was saved."))
            return HttpResponseRedirect(_detail_url(saved))
    return render(
        request,
        "groups/staff/group_form.html",
        {"form": form, "group": group},
    )


@staff_view(roles=ALL_STAFF_ROLES)
def group_create_view(request: HttpRequest) -> HttpResponse:
    return _form_page(request, None)


@staff_view(roles=ALL_STAFF_ROLES)
def group_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(request, get_group_for_user(request.user, pk))


@staff_view(roles=ALL_STAFF_ROLES)
@require_POST
def group_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a group's status with the date it happened; the change is kept as history."""
    group = get_group_for_user(request.user, pk)
    form = GroupStatusForm(request.POST, auto_id="status-%s")
    if form.is_valid():
        try:
            change = group_set_status(
                actor=request.user,  # type: ignore[arg-type]
                group=group,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["on"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if change is None:
                messages.info(request, _("The status was already that."))
            else:
                messages.success(request, _("The status was changed."))
            return HttpResponseRedirect(_detail_url(group) + "#status")
    return render(
        request, "groups/staff/group_detail.html", _detail_context(group, form), status=400
    )
