"""Test helpers other apps' tests may use (the staff URL access matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from knutepunkt.feedback.models import ChangeRequest


def midt_change_request_kwargs(get: Callable[[str], Any]) -> dict[str, int]:
    """``pk`` of an open listing correction about Molde's contact point (office Midt)."""
    from knutepunkt.feedback.services import change_request_submit

    point = get("contact_point_molde")
    found = ChangeRequest.objects.filter(contact_point=point).first()
    if found is None:
        found = change_request_submit(listing=point, message="Feil telefonnummer.")
    return {"pk": found.pk}
