"""Helpers shared by the proposal tests: people registering through the real service."""

from __future__ import annotations

from typing import Any

from knutepunkt.conftest import municipality
from knutepunkt.groups.models import Topic
from knutepunkt.interests.models import Interest
from knutepunkt.interests.services import interest_register

# Molde and four neighbours whose points lie within 50 km of Molde's (Aukra is ~61 km away).
AROUND_MOLDE = ["1506", "1539", "1579", "1557", "1535"]
# Spread thin over Finnmark: hundreds of kilometres apart, far from Tromsø.
FINNMARK = ["5601", "5603", "5605", "5607", "5610"]


def topic_angst() -> Topic:
    topic, _ = Topic.objects.get_or_create(
        slug="angst", defaults={"name_nb": "Angst", "name_en": "Anxiety"}
    )
    return topic


def register(
    number: str,
    *,
    topic: Topic | None = None,
    formats: tuple[str, ...] = ("in_person",),
    alias: str = "",
    email: str | None = None,
    phone: str = "",
) -> Interest:
    index = Interest.objects.count() + 1
    kwargs: dict[str, Any] = {"contact_method": "email"}
    if phone:
        kwargs = {"contact_method": "phone", "phone": phone}
    else:
        kwargs["email"] = email or f"person{index}@example.no"
    return interest_register(
        topic=topic or topic_angst(),
        municipality=municipality(number),
        for_whom="affected",
        formats=formats,
        alias=alias or f"Person {index}",
        **kwargs,
    )
