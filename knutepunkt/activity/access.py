"""The access function of the activity log (see :mod:`knutepunkt.core.scoping`)."""

from __future__ import annotations

from typing import Any

from knutepunkt.activity.models import Activity
from knutepunkt.core.scoping import one_or_404


def get_activity_for_user(user: Any, pk: int) -> Activity:
    """One activity the user may see; another office's activity is a 404."""
    return one_or_404(
        Activity.objects.visible_to(user).select_related("office", "municipality__county"),
        pk=pk,
    )
