"""Test helpers other apps' tests may use (e.g. the staff URL access matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import get_language

from knutepunkt.interests.models import Interest


def make_topic(slug: str = "angst", name_nb: str = "Angst", name_en: str = "Anxiety") -> Any:
    from knutepunkt.groups.models import Topic

    topic, _ = Topic.objects.get_or_create(
        slug=slug, defaults={"name_nb": name_nb, "name_en": name_en}
    )
    return topic


def make_interest(
    *,
    municipality: Any,
    topic: Any = None,
    alias: str = "Kari",
    email: str = "kari.waiting@example.org",
    phone: str = "",
    formats: tuple[str, ...] = ("in_person",),
    **extra: Any,
) -> Interest:
    """An interest registered through the service (routed as the public form would)."""
    from knutepunkt.interests.services import interest_register

    return interest_register(
        topic=topic or make_topic(),
        municipality=municipality,
        for_whom=extra.pop("for_whom", "affected"),
        formats=formats,
        contact_method="phone" if phone and not email else "email",
        alias=alias,
        email=email,
        phone=phone,
        actor=None,
        language=extra.pop("language", (get_language() or "nb")[:2]),
        **extra,
    )


def midt_interest(get: Callable[[str], Any]) -> Interest:
    """An interest in Molde, routed to the Molde contact point (office Midt). ``get``
    returns a fixture by name."""
    from knutepunkt.geo.models import Municipality

    contact_point = get("contact_point_molde")
    # The alias is encrypted: compare it after reading, not in the query.
    for existing in Interest.objects.filter(contact_point=contact_point).order_by("pk"):
        if existing.alias == "Testperson":
            return existing
    molde = Municipality.objects.current().get(number="1506")
    return make_interest(municipality=molde, alias="Testperson")


def interest_url_kwargs(get: Callable[[str], Any]) -> dict[str, Any]:
    return {"pk": midt_interest(get).pk}
