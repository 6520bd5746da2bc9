"""The access function of interests (see :mod:`knutepunkt.core.scoping`)."""

from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import one_or_404
from knutepunkt.interests.models import Interest


def get_interest_for_user(user: Any, pk: int) -> Interest:
    """An interest the user may see (routed to their office or contact point), or 404."""
    return one_or_404(
        Interest.objects.visible_to(user).select_related(
            "municipality", "contact_point", "office", "group"
        ),
        pk=pk,
    )
