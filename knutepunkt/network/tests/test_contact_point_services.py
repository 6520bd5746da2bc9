"""Contact points, their status history and planning groups; offices and coverage.
KP-ADMIN-SERVICES"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from knutepunkt.accounts.models import User
from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.geo.models import County
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointStatus,
    DistrictOffice,
    OfficeCounty,
    Partner,
    PlanningGroupMember,
)
from knutepunkt.network.services import (
    contact_point_create,
    contact_point_set_status,
    contact_point_update,
    office_set_counties,
    office_update,
    planning_group_member_add,
    planning_group_member_remove,
)


def test_staff_creates_contact_point_in_own_office_with_dated_first_status(
    office_staff_midt: User, partner_molde: Partner
) -> None:
    cp = contact_point_create(
        actor=office_staff_midt,
        name="Møteplass Kristiansund",
        municipality="1505",
        host=partner_molde,
        status=ContactPointStatus.PLANNING,
        municipalities_served=[municipality("1505"), municipality("1506")],
    )
    assert cp.office == office_staff_midt.office
    assert cp.slug == "moteplass-kristiansund"
    assert cp.municipalities_served.count() == 2
    history = list(cp.status_changes.values_list("from_status", "to_status"))
    assert history == [("", "planning")]
    assert AuditEntry.objects.filter(action="network.contact_point.created").count() == 1


def test_host_from_another_office_is_refused(
    head_office_admin: User, office_nord: DistrictOffice, partner_molde: Partner
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        contact_point_create(
            actor=head_office_admin,
            name="Selvhjelp Bodø",
            municipality="1804",
            office=office_nord,
            host=partner_molde,
        )
    assert "another district office" in excinfo.value.message_dict["host"][0]
    assert not ContactPoint.objects.filter(name="Selvhjelp Bodø").exists()


def test_status_change_is_dated_and_logged(
    office_staff_midt: User, contact_point_molde: ContactPoint
) -> None:
    day = datetime.date(2024, 5, 2)
    change = contact_point_set_status(
        actor=office_staff_midt,
        contact_point=contact_point_molde,
        status=ContactPointStatus.INACTIVE,
        on=day,
        note="Frivilligsentralen la ned tilbudet",
    )
    assert change is not None
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.status == ContactPointStatus.INACTIVE
    assert (change.from_status, change.to_status, change.changed_on) == (
        "established",
        "inactive",
        day,
    )
    assert change.changed_by == office_staff_midt
    entry = AuditEntry.objects.get(action="network.contact_point.status_changed")
    assert entry.data["from"] == "established" and entry.data["to"] == "inactive"


def test_same_status_writes_no_history(
    office_staff_midt: User, contact_point_molde: ContactPoint
) -> None:
    assert (
        contact_point_set_status(
            actor=office_staff_midt, contact_point=contact_point_molde, status="established"
        )
        is None
    )
    assert not contact_point_molde.status_changes.exists()


def test_status_is_not_changed_by_update(
    office_staff_midt: User, contact_point_molde: ContactPoint
) -> None:
    with pytest.raises(TypeError):
        contact_point_update(
            actor=office_staff_midt, contact_point=contact_point_molde, data={"status": "idea"}
        )


def test_update_served_municipalities(
    office_staff_midt: User, contact_point_molde: ContactPoint
) -> None:
    contact_point_update(
        actor=office_staff_midt,
        contact_point=contact_point_molde,
        data={"municipalities_served": [municipality("1506"), municipality("1505")]},
    )
    assert contact_point_molde.municipalities_served.count() == 2
    entry = AuditEntry.objects.get(action="network.contact_point.updated")
    assert len(entry.data["municipalities_served"]) == 2


def test_planning_group_members_and_their_names_stay_out_of_the_log(
    office_staff_midt: User, contact_point_molde: ContactPoint, partner_molde: Partner
) -> None:
    member = planning_group_member_add(
        actor=office_staff_midt,
        contact_point=contact_point_molde,
        partner=partner_molde,
        person_name="Per Plangruppe",
        role="Leder",
    )
    planning_group_member_remove(actor=office_staff_midt, member=member)
    assert not PlanningGroupMember.objects.exists()
    dump = str(list(AuditEntry.objects.values("data", "target_repr")))
    assert "Per Plangruppe" not in dump


def test_planning_group_member_needs_a_partner_or_a_name(
    office_staff_midt: User, contact_point_molde: ContactPoint
) -> None:
    with pytest.raises(ValidationError):
        planning_group_member_add(actor=office_staff_midt, contact_point=contact_point_molde)


def test_only_head_office_changes_offices(
    office_staff_midt: User, office_midt: DistrictOffice
) -> None:
    with pytest.raises(PermissionDenied):
        office_update(actor=office_staff_midt, office=office_midt, data={"phone": "71 00 00 00"})


def test_county_covered_by_another_office_is_refused_clearly(
    head_office_admin: User, office_midt: DistrictOffice, office_nord: DistrictOffice
) -> None:
    nordland = County.objects.current().get(number="18")
    with pytest.raises(ValidationError) as excinfo:
        office_set_counties(
            actor=head_office_admin,
            office=office_midt,
            counties=[*office_midt.counties.all(), nordland],
        )
    assert f"{nordland} is covered by Nordland, Troms og Finnmark" in excinfo.value.messages[0]
    assert OfficeCounty.objects.get(county=nordland).office == office_nord


def test_county_moves_only_when_asked_explicitly(
    head_office_admin: User, office_midt: DistrictOffice, office_nord: DistrictOffice
) -> None:
    nordland = County.objects.current().get(number="18")
    office_set_counties(
        actor=head_office_admin,
        office=office_midt,
        counties=[*office_midt.counties.all(), nordland],
        move_from_other_offices=True,
    )
    assert OfficeCounty.objects.get(county=nordland).office == office_midt
    assert sorted(office_nord.counties.values_list("number", flat=True)) == ["55", "56"]
    moved = AuditEntry.objects.get(action="network.office.county_moved")
    assert moved.office == office_nord and moved.data["county"] == "18"


def test_removing_a_county_leaves_it_uncovered(
    head_office_admin: User, office_midt: DistrictOffice
) -> None:
    trondelag = County.objects.current().get(number="50")
    office_set_counties(
        actor=head_office_admin,
        office=office_midt,
        counties=office_midt.counties.exclude(number="50"),
    )
    assert not OfficeCounty.objects.filter(county=trondelag).exists()
    assert AuditEntry.objects.get(action="network.office.counties_set").data["removed"] == ["50"]
