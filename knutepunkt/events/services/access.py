"""Who may organise (write) an event and its sign-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.network.models import ContactPoint, DistrictOffice


def check_can_manage(
    actor: User | None, office: DistrictOffice, contact_point: ContactPoint | None
) -> None:
    """The organiser may write: head office, the office's staff, or the contact point's
    coordinator for its own events. ``None`` is the system (commands, data loading)."""
    if actor is None or actor.is_head_office:
        return
    if actor.is_office_staff and actor.office_id == office.pk:
        return
    if (
        actor.is_coordinator
        and contact_point is not None
        and actor.contact_point_id == contact_point.pk
        and contact_point.office_id == office.pk
    ):
        return
    raise PermissionDenied(_("You may not manage events for this organiser."))


def check_office_organiser(actor: User | None, office: DistrictOffice) -> None:
    """Writes that feed the office's own records (activity log, starters): head office
    or the office's staff, not a contact point's coordinator."""
    if actor is None or actor.is_head_office:
        return
    if actor.is_office_staff and actor.office_id == office.pk:
        return
    raise PermissionDenied(_("Only the district office may do this."))
