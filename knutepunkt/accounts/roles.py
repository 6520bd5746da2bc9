"""The one vocabulary of roles: the :class:`~knutepunkt.accounts.models.Role` choices.

The staff workspace (``staff.access.staff_view``), the admin and the services all ask
:func:`role_of` and compare with ``Role`` members or the sets below; nobody spells a
role as a string of their own.
"""

from __future__ import annotations

from typing import Any

from knutepunkt.accounts.models import Role

# Head office and district office staff: the office's own work (activity log, partners …).
OFFICE_ROLES: frozenset[Role] = frozenset({Role.HEAD_OFFICE, Role.OFFICE_STAFF})
# Everyone who works in the staff workspace and the admin; the funder only reads reports.
ALL_STAFF_ROLES: frozenset[Role] = OFFICE_ROLES | {Role.CONTACT_POINT}


def role_of(user: Any) -> Role | None:
    """The role a user acts in, or None for anonymous, inactive and role-less users.

    It follows the user's properties, so a superuser acts as head office, and office staff
    without an office (or a coordinator without a contact point) have no role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_head_office:
        return Role.HEAD_OFFICE
    if user.is_office_staff:
        return Role.OFFICE_STAFF
    if user.is_coordinator:
        return Role.CONTACT_POINT
    if user.is_funder:
        return Role.FUNDER
    return None
