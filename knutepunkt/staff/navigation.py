"""The staff workspace's sections, shown to each role only where its views let it in.

A section appears in the navigation when its URL exists (other apps add theirs over time)
and the view's ``staff_roles`` (set by :func:`knutepunkt.staff.access.staff_view`) include
the signed-in user's role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from knutepunkt.accounts.roles import role_of
from knutepunkt.staff.access import is_verified

SECTIONS: list[tuple[str, Promise]] = [
    ("staff:dashboard", _("My office")),
    ("staff:activity:activity_list", _("Activities")),
    ("staff:network:partner_list", _("Partners")),
    ("staff:network:contact_point_list", _("Contact points")),
    ("staff:groups:group_list", _("Groups")),
    ("staff:starters:starter_list", _("Starters")),
    ("staff:events:event_list", _("Events")),
    ("staff:interests:interest_list", _("Waiting interest")),
    ("staff:interests:proposal_list", _("Group proposals")),
    ("staff:reports:report_list", _("Reports")),
    ("staff:reports:coverage", _("Coverage")),
    ("staff:feedback:change_request_list", _("Listing corrections")),
    ("staff:tokens:token_list", _("API tokens")),
    ("staff:privacy:person_data", _("A person's data")),
]


@dataclass(frozen=True)
class Section:
    url_name: str
    url: str
    label: str


def allows(url: str, user: Any) -> bool:
    """True when the staff view behind ``url`` lets ``user``'s role in."""
    try:
        func = resolve(url).func
    except Resolver404:
        return False
    roles = getattr(func, "staff_roles", None)
    return roles is not None and role_of(user) in roles


def sections_for(user: Any) -> list[Section]:
    """The workspace sections ``user`` may open (none before the second factor)."""
    if not is_verified(user) or role_of(user) is None:
        return []
    found = []
    for url_name, label in SECTIONS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        if allows(url, user):
            found.append(Section(url_name=url_name, url=url, label=str(label)))
    return found


def landing_url(user: Any) -> str:
    """Where a user lands after signing in: the dashboard, or the first section their
    role may open (a funder's reports), or the public front page."""
    for section in sections_for(user):
        return section.url
    return reverse("pages:home")
