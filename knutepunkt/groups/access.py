"""The access function of self-help groups (see :mod:`knutepunkt.core.scoping`)."""

from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import one_or_404
from knutepunkt.groups.models import SelfHelpGroup


def get_group_for_user(user: Any, pk: int) -> SelfHelpGroup:
    """A group the user may see (their office's, or their contact point's), or 404."""
    return one_or_404(
        SelfHelpGroup.objects.visible_to(user).select_related(
            "topic", "office", "contact_point", "municipality", "starter"
        ),
        pk=pk,
    )
