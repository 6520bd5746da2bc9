"""District offices and the counties they cover (head office only)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from knutepunkt.core.audit import PERSONAL_FIELDS, audit_log
from knutepunkt.core.services import check_fields, ensure_head_office, snapshot, update_and_audit
from knutepunkt.geo.models import County, Municipality
from knutepunkt.network.models import DistrictOffice, OfficeCounty

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

OFFICE_FIELDS = frozenset(
    {
        "name",
        "slug",
        "seat",
        "email",
        "phone",
        "address",
        "description_nb",
        "description_nn",
        "description_en",
    }
)
_OFFICE_PERSONAL = PERSONAL_FIELDS - {"name"}


def office_create(
    *,
    actor: User | None,
    name: str,
    slug: str,
    seat: Municipality,
    email: str = "",
    phone: str = "",
    address: str = "",
    description_nb: str = "",
    description_nn: str = "",
    description_en: str = "",
) -> DistrictOffice:
    """Open a district office; give it counties with office_set_counties."""
    ensure_head_office(actor)
    office = DistrictOffice(
        name=name,
        slug=slug,
        seat=seat,
        email=email,
        phone=phone,
        address=address,
        description_nb=description_nb,
        description_nn=description_nn,
        description_en=description_en,
    )
    office.full_clean()
    with transaction.atomic():
        office.save()
        audit_log(
            actor=actor,
            action="network.office.created",
            target=office,
            data=snapshot(office, OFFICE_FIELDS),
            personal_fields=_OFFICE_PERSONAL,
        )
    return office


def office_update(
    *, actor: User | None, office: DistrictOffice, data: Mapping[str, Any]
) -> DistrictOffice:
    """Change an office's name, seat or public details (head office)."""
    ensure_head_office(actor)
    check_fields(data, OFFICE_FIELDS, "office_update")
    update_and_audit(
        office,
        data,
        actor=actor,
        action="network.office.updated",
        personal_fields=_OFFICE_PERSONAL,
    )
    return office


def office_set_counties(
    *,
    actor: User | None,
    office: DistrictOffice,
    counties: Iterable[County],
    move_from_other_offices: bool = False,
) -> DistrictOffice:
    """Make ``counties`` exactly the counties this office covers.

    A county is covered by one office at most. A county that another office covers is
    refused with a message naming that office, unless ``move_from_other_offices`` says
    the move is intended; then it is moved and the move is recorded for both offices.
    """
    ensure_head_office(actor)
    wanted = {county.pk: county for county in counties}
    covered = {
        link.county_id: link
        for link in OfficeCounty.objects.select_related("office", "county").filter(
            county__in=list(wanted)
        )
    }
    taken = [link for link in covered.values() if link.office_id != office.pk]
    if taken and not move_from_other_offices:
        raise ValidationError(
            [
                ValidationError(
                    _(
                        "%(county)s is covered by %(office)s. A county can be covered by only "
                        "one office: remove it there first, or move it explicitly."
                    )
                    % {"county": link.county, "office": link.office},
                    code="county_taken",
                )
                for link in taken
            ]
        )
    current = set(office.officecounty_set.values_list("county_id", flat=True))
    with transaction.atomic():
        removed = current - set(wanted)
        office.officecounty_set.filter(county_id__in=removed).delete()
        for link in taken:
            previous = link.office
            link.office = office
            link.save(update_fields=["office"])
            audit_log(
                actor=actor,
                action="network.office.county_moved",
                target=previous,
                data={"county": link.county.number, "from": previous.pk, "to": office.pk},
            )
        added = [pk for pk in wanted if pk not in covered]
        for pk in added:
            OfficeCounty.objects.create(office=office, county=wanted[pk])
        if removed or added or taken:
            audit_log(
                actor=actor,
                action="network.office.counties_set",
                target=office,
                data={
                    "counties": sorted(c.number for c in wanted.values()),
                    "added": sorted(wanted[pk].number for pk in added),
                    "moved_here": sorted(link.county.number for link in taken),
                    "removed": sorted(
                        County.objects.filter(pk__in=removed).values_list("number", flat=True)
                    ),
                },
            )
    return office
