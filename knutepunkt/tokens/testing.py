"""Test helpers other apps' tests may use (the staff URL access matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from knutepunkt.tokens.models import ApiToken


def midt_token_kwargs(get: Callable[[str], Any]) -> dict[str, int]:
    """``pk`` of an API token of office Midt."""
    from knutepunkt.tokens.services import api_token_create

    office = get("office_midt")
    found = ApiToken.objects.filter(office=office).first()
    if found is None:
        found, _key = api_token_create(
            actor=get("office_staff_midt"),
            office=office,
            name="test",
            scopes=["events:read"],
        )
    return {"pk": found.pk}
