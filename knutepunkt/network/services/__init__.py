"""Every write to the network register: offices, partners, contact points.

Split by subdomain; import from here: ``from knutepunkt.network.services import partner_create``.
"""

from knutepunkt.network.services.contact_points import (
    CONTACT_POINT_FIELDS,
    COORDINATOR_CONTACT_POINT_FIELDS,
    PLANNING_GROUP_MEMBER_FIELDS,
    contact_point_create,
    contact_point_set_status,
    contact_point_update,
    planning_group_member_add,
    planning_group_member_remove,
    planning_group_member_update,
)
from knutepunkt.network.services.merging import partner_merge
from knutepunkt.network.services.offices import (
    OFFICE_FIELDS,
    office_create,
    office_set_counties,
    office_update,
)
from knutepunkt.network.services.partners import (
    PARTNER_CONTACT_FIELDS,
    PARTNER_FIELDS,
    normalise_organisation_number,
    partner_contact_add,
    partner_contact_confirm,
    partner_contact_remove,
    partner_contact_retention_days,
    partner_contact_update,
    partner_contacts_purge_stale,
    partner_create,
    partner_delete,
    partner_update,
)

__all__ = [
    "CONTACT_POINT_FIELDS",
    "COORDINATOR_CONTACT_POINT_FIELDS",
    "OFFICE_FIELDS",
    "PARTNER_CONTACT_FIELDS",
    "PARTNER_FIELDS",
    "PLANNING_GROUP_MEMBER_FIELDS",
    "contact_point_create",
    "contact_point_set_status",
    "contact_point_update",
    "normalise_organisation_number",
    "office_create",
    "office_set_counties",
    "office_update",
    "partner_contact_add",
    "partner_contact_confirm",
    "partner_contact_remove",
    "partner_contact_retention_days",
    "partner_contact_update",
    "partner_contacts_purge_stale",
    "partner_create",
    "partner_delete",
    "partner_merge",
    "partner_update",
    "planning_group_member_add",
    "planning_group_member_remove",
    "planning_group_member_update",
]
