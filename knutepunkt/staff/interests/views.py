"""Interests in the staff workspace. Contact data (e-mail, phone) appears only on the
detail page and in the export, and every such view is written to the audit log. The
funder never gets in (the role is not allowed)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_POST

from knutepunkt.groups.models import Topic
from knutepunkt.interests.access import get_interest_for_user
from knutepunkt.interests.models import InterestStatus
from knutepunkt.interests.selectors import (
    attach_topics,
    interest_duplicates,
    interest_list,
    interest_personal_data,
)
from knutepunkt.interests.services import interest_erase, interest_record_contact_view
from knutepunkt.staff.access import ALL_STAFF_ROLES, staff_view
from knutepunkt.web.pagination import paginate


@staff_view(roles=ALL_STAFF_ROLES)
def interest_list_view(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", InterestStatus.WAITING)
    if status not in InterestStatus.values:
        status = InterestStatus.WAITING
    topic = None
    topic_id = request.GET.get("topic", "")
    if topic_id.isascii() and topic_id.isdigit():
        topic = Topic.objects.filter(pk=int(topic_id)).first()
    page, query = paginate(request, interest_list(request.user, status=status, topic=topic))
    context = {
        "page": page,
        "query": query,
        "interests": attach_topics(page.object_list),
        "status": status,
        "statuses": InterestStatus.choices,
        "topics": Topic.objects.all(),
        "topic": topic,
    }
    return render(request, "interests/staff/interest_list.html", context)


@sensitive_variables()
@staff_view(roles=ALL_STAFF_ROLES)
def interest_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    interest = get_interest_for_user(request.user, pk)
    if interest.has_contact_data:
        interest_record_contact_view(interest=interest, actor=request.user, purpose="detail")
    context = {"interest": interest, "duplicates": interest_duplicates(interest, request.user)}
    return render(request, "interests/staff/interest_detail.html", context)


@sensitive_variables()
@staff_view(roles=ALL_STAFF_ROLES)
def interest_export_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One person's data as JSON, for a data-access request."""
    interest = get_interest_for_user(request.user, pk)
    interest_record_contact_view(interest=interest, actor=request.user, purpose="export")
    data = interest_personal_data(interest)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="interesse-{interest.pk}.json"'
    return response


@staff_view(roles=ALL_STAFF_ROLES)
@require_POST
def interest_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete one person's data on their request: the row goes entirely."""
    interest = get_interest_for_user(request.user, pk)
    interest_erase(interest=interest, actor=request.user, reason="deleted_on_request")
    messages.success(request, _("The interest and all its personal data are deleted."))
    return HttpResponseRedirect(reverse("staff:interests:interest_list"))
