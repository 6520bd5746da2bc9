"""The access function of group proposals (see :mod:`knutepunkt.core.scoping`)."""

from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import one_or_404
from knutepunkt.interests.models import GroupProposal


def get_proposal_for_user(user: Any, pk: int) -> GroupProposal:
    """A proposal the user may see (another office's → 404)."""
    return one_or_404(
        GroupProposal.objects.visible_to(user).select_related(
            "topic", "office", "contact_point__municipality", "county", "group"
        ),
        pk=pk,
    )
