"""The Meeting Guide JSON feed: self-help groups with a fixed weekly time, for meeting-finder
apps that import the format (Meeting Guide, 12 Step Meeting List and others).

Every self-help group is a closed group in the Meeting Guide sense (type ``C``: for people
who share the problem, or their relatives). So no item ever carries a meeting address:
``approximate`` is ``"yes"``, the place is the municipality (its name, county and centre
point), and the ``entity_*`` fields name the organisation to contact — the group's contact
point or the district office, never a member. Online and phone groups get the group's page
as ``conference_url`` and the organisation's phone as ``conference_phone``: the group's own
link or number is given to members only.

Only groups that run and take new members are listed (a forming group does not meet yet).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from knutepunkt.groups.models import GroupFormat, GroupStatus
from knutepunkt.opendata.directory import PublicGroup, public_groups

TIMEZONE = "Europe/Oslo"


def meeting_guide_day(weekday: int) -> int:
    """Python counts Monday as 0; Meeting Guide counts Sunday as 0."""
    return (weekday + 1) % 7


def _item(group: PublicGroup, request: HttpRequest) -> dict[str, Any]:
    assert group.weekday is not None and group.starts is not None
    url = request.build_absolute_uri(reverse("find:group", kwargs={"group_id": group.id}))
    notes = "\n\n".join(part for part in (group.meeting_time, group.description) if part)
    item: dict[str, Any] = {
        "name": group.title,
        "slug": f"group-{group.id}",
        "day": meeting_guide_day(group.weekday),
        "time": group.starts.strftime("%H:%M"),
        "timezone": TIMEZONE,
        "types": ["C"] + (["ONL"] if group.format == GroupFormat.ONLINE else []),
        "notes": notes,
        "updated": timezone.localtime(group.updated_at).strftime("%Y-%m-%d %H:%M:%S"),
        "url": url,
        "feedback_url": request.build_absolute_uri(
            reverse("feedback:report", kwargs={"kind": "gruppe", "key": str(group.id)})
        ),
        "approximate": "yes",
        "entity": group.contact.name,
        "entity_email": group.contact.email,
        "entity_phone": group.contact.phone,
        "entity_url": group.contact.website,
    }
    if group.ends is not None:
        item["end_time"] = group.ends.strftime("%H:%M")
    if group.area is not None:
        area = group.area
        item.update(
            location=area.municipality_name,
            city=area.municipality_name,
            state=area.county_name,
            country=_("Norway"),
            formatted_address=f"{area.municipality_name}, {_('Norway')}",
            latitude=area.latitude,
            longitude=area.longitude,
            region=area.municipality_name,
            regions=[area.county_name, area.municipality_name],
        )
    else:
        item.update(region=str(GroupFormat(group.format).label), country=_("Norway"))
    join = _("Contact %(name)s to join: the group's own link or number is given to members only.")
    if group.format == GroupFormat.ONLINE:
        item["conference_url"] = url
        item["conference_url_notes"] = join % {"name": group.contact.name}
    if group.format == GroupFormat.PHONE and group.contact.phone:
        item["conference_phone"] = group.contact.phone
        item["conference_phone_notes"] = join % {"name": group.contact.name}
    return item


def meeting_guide_items(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        _item(group, request)
        for group in public_groups().items
        if group.status == GroupStatus.OPEN and group.weekday is not None and group.starts
    ]


@require_safe
def feed(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        meeting_guide_items(request), safe=False, json_dumps_params={"ensure_ascii": False}
    )
