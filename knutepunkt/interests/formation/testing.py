"""Test helpers for the staff URL table: a Midt-owned proposal at Molde's contact point."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Get = Callable[[str], Any]


def proposal_kwargs(get: Get) -> dict[str, Any]:
    """An open in-person proposal at Molde's contact point (its coordinator may open it)."""
    from knutepunkt.groups.models import Topic
    from knutepunkt.interests.models import GroupProposal

    contact_point = get("contact_point_molde")
    proposal = GroupProposal.objects.filter(contact_point=contact_point).first()
    if proposal is None:
        topic = Topic.objects.filter(slug="angst").first() or Topic.objects.create(
            slug="angst", name_nb="Angst", name_en="Anxiety"
        )
        proposal = GroupProposal.objects.create(
            topic=topic,
            format="in_person",
            contact_point=contact_point,
            office=contact_point.office,
        )
    return {"pk": proposal.pk}
