"""Test helpers other apps' tests may use (the staff URL access matrix): Midt-owned objects
behind the network, groups and starters staff URLs. ``get`` returns a fixture by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Get = Callable[[str], Any]


def partner_kwargs(get: Get) -> dict[str, Any]:
    return {"pk": get("partner_molde").pk}


def partner_contact_kwargs(get: Get) -> dict[str, Any]:
    from knutepunkt.network.models import PartnerContact

    partner = get("partner_molde")
    contact, _ = PartnerContact.objects.get_or_create(partner=partner, name="Testkontakt")
    return {"pk": partner.pk, "contact_pk": contact.pk}


def contact_point_kwargs(get: Get) -> dict[str, Any]:
    """Molde's contact point: a coordinator's own."""
    return {"pk": get("contact_point_molde").pk}


def planning_member_kwargs(get: Get) -> dict[str, Any]:
    from knutepunkt.network.models import PlanningGroupMember

    contact_point = get("contact_point_molde")
    member, _ = PlanningGroupMember.objects.get_or_create(
        contact_point=contact_point, partner=get("partner_molde")
    )
    return {"pk": contact_point.pk, "member_pk": member.pk}


def group_kwargs(get: Get) -> dict[str, Any]:
    """A group at Molde's contact point (its coordinator may open it)."""
    from knutepunkt.groups.models import SelfHelpGroup, Topic
    from knutepunkt.groups.services import group_create

    contact_point = get("contact_point_molde")
    group = SelfHelpGroup.objects.filter(contact_point=contact_point).first()
    if group is None:
        topic = Topic.objects.filter(slug="angst").first() or Topic.objects.create(
            slug="angst", name_nb="Angst", name_en="Anxiety"
        )
        group = group_create(actor=None, topic=topic, contact_point=contact_point)
    return {"pk": group.pk}


def starter_kwargs(get: Get) -> dict[str, Any]:
    """A Midt starter who agreed to be contacted (so the coordinator may see them)."""
    from knutepunkt.starters.models import Starter
    from knutepunkt.starters.services import starter_create

    office = get("office_midt")
    starter = Starter.objects.filter(office=office, name="Test Igangsetter").first()
    if starter is None:
        starter = starter_create(
            actor=None, name="Test Igangsetter", office=office, consent_to_contact=True
        )
    return {"pk": starter.pk}
