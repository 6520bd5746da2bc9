"""The access function of the starter register (see :mod:`knutepunkt.core.scoping`)."""

from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import one_or_404
from knutepunkt.starters.models import Starter


def get_starter_for_user(user: Any, pk: int, *, to_edit: bool = False) -> Starter:
    """A starter the user may see, or 404 (another office's, or — for a coordinator — one
    who has not agreed to be contacted). With ``to_edit``, one the user may change (the
    office's own register), or 404."""
    starters = Starter.objects.editable_by(user) if to_edit else Starter.objects.visible_to(user)
    return one_or_404(starters.select_related("office", "home_municipality"), pk=pk)
