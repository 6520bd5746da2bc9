"""The access functions of the network's scoped models (see :mod:`knutepunkt.core.scoping`)."""

from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import one_or_404
from knutepunkt.network.models import ContactPoint, DistrictOffice, Partner, PartnerContact


def get_office_for_user(user: Any, pk_or_slug: int | str) -> DistrictOffice:
    """An office whose work the user follows in the staff workspace (by primary key, or
    by slug when given a string), or 404: head office and the funder any office, office
    staff their own. The public site shows every office and does not need this."""
    offices = DistrictOffice.objects.followed_by(user)
    if isinstance(pk_or_slug, int):
        return one_or_404(offices, pk=pk_or_slug)
    return one_or_404(offices, slug=pk_or_slug)


def get_partner_for_user(user: Any, pk: int) -> Partner:
    """A partner in the user's register, or 404 (another office's partner does not exist)."""
    return one_or_404(
        Partner.objects.visible_to(user).select_related("office", "municipality"), pk=pk
    )


def get_partner_contact_for_user(user: Any, pk: int, *, partner: Partner) -> PartnerContact:
    """A contact person of ``partner`` that the user may see, or 404."""
    return one_or_404(PartnerContact.objects.visible_to(user), pk=pk, partner=partner)


def get_contact_point_for_user(user: Any, pk: int) -> ContactPoint:
    """A contact point the user may see (office staff: their office's; a coordinator: their
    own), or 404."""
    return one_or_404(
        ContactPoint.objects.visible_to(user).select_related(
            "office", "host", "municipality", "municipality__county"
        ),
        pk=pk,
    )
