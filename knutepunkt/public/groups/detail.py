"""A public group's own page: what the group is, where (the municipality only) and how to
get in touch. The page other systems link to (the API, HSDS, the Meeting Guide feed)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, Weekday
from knutepunkt.opendata.directory import english, public_group
from knutepunkt.public.feedback.forms import ReportForm


@require_safe
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    group = public_group(group_id)
    if group is None:
        raise Http404
    description_lang = "en" if (english() and group.description_en) else "nb"
    context = {
        "group": group,
        "description_lang": description_lang,
        "format_label": GroupFormat(group.format).label,
        "target_label": GroupTarget(group.target).label,
        "status_label": GroupStatus(group.status).label,
        "forming": group.status == GroupStatus.FORMING,
        "weekday_label": Weekday(group.weekday).label if group.weekday is not None else "",
        "report_form": ReportForm(auto_id="report-%s"),
        "report_url": reverse("feedback:report", kwargs={"kind": "gruppe", "key": str(group_id)}),
    }
    return render(request, "groups/detail.html", context)
