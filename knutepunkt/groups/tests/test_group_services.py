"""Topics and groups through their services and the admin. KP-ADMIN-SERVICES"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from knutepunkt.accounts.models import User
from knutepunkt.core.models import AuditEntry
from knutepunkt.core.tests import helpers
from knutepunkt.groups.models import GroupFormat, GroupStatus, SelfHelpGroup
from knutepunkt.groups.services import group_create, group_set_status, group_update, topic_create
from knutepunkt.network.models import ContactPoint


def test_end_date_before_start_date_is_refused_and_nothing_saved(office_staff_midt: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        group_create(
            actor=office_staff_midt,
            topic=helpers.topic(),
            format=GroupFormat.ONLINE,
            started_on=datetime.date(2024, 5, 1),
            ended_on=datetime.date(2024, 4, 1),
        )
    assert "ended_on" in excinfo.value.message_dict
    assert not SelfHelpGroup.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="groups.group").exists()


def test_unknown_municipality_number_for_a_group(office_staff_midt: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        group_create(actor=office_staff_midt, topic=helpers.topic(), municipality="9999")
    assert "Unknown municipality number" in excinfo.value.message_dict["municipality"][0]


def test_staff_group_lands_in_own_office_with_first_status_dated(office_staff_midt: User) -> None:
    group = group_create(
        actor=office_staff_midt, topic=helpers.topic(), municipality="1505", target="relatives"
    )
    assert group.office == office_staff_midt.office
    assert list(group.status_changes.values_list("to_status", flat=True)) == ["forming"]


def test_coordinator_groups_stay_at_their_contact_point(
    contact_point_coordinator: User,
    contact_point_molde: ContactPoint,
    contact_point_tromso: ContactPoint,
) -> None:
    group = group_create(actor=contact_point_coordinator, topic=helpers.topic())
    assert group.contact_point == contact_point_molde
    assert group.office == contact_point_molde.office
    with pytest.raises(PermissionDenied):
        group_create(
            actor=contact_point_coordinator,
            topic=helpers.topic(),
            contact_point=contact_point_tromso,
        )
    with pytest.raises(PermissionDenied):
        group_update(
            actor=contact_point_coordinator,
            group=group,
            data={"contact_point": contact_point_tromso},
        )


def test_status_history_and_dates_follow_the_status(office_staff_midt: User) -> None:
    group = helpers.group(office_staff_midt.office)
    group_set_status(
        actor=office_staff_midt, group=group, status=GroupStatus.OPEN, on=datetime.date(2024, 2, 1)
    )
    group_set_status(
        actor=office_staff_midt, group=group, status=GroupStatus.ENDED, on=datetime.date(2024, 9, 1)
    )
    group.refresh_from_db()
    assert (group.started_on, group.ended_on) == (
        datetime.date(2024, 2, 1),
        datetime.date(2024, 9, 1),
    )
    history = list(group.status_changes.order_by("id").values_list("from_status", "to_status"))
    assert history == [("", "forming"), ("forming", "open"), ("open", "ended")]
    changed_by = [c.changed_by for c in group.status_changes.order_by("id")]
    assert changed_by == [None, office_staff_midt, office_staff_midt]


def test_ending_before_the_start_is_refused(office_staff_midt: User) -> None:
    group = helpers.group(office_staff_midt.office)
    group_update(
        actor=office_staff_midt, group=group, data={"started_on": datetime.date(2024, 5, 1)}
    )
    with pytest.raises(ValidationError):
        group_set_status(
            actor=office_staff_midt, group=group, status="ended", on=datetime.date(2024, 4, 1)
        )
    group.refresh_from_db()
    assert group.status == "forming" and group.ended_on is None
    assert group.status_changes.count() == 1


def test_only_head_office_keeps_the_topic_list(
    office_staff_midt: User, head_office_admin: User
) -> None:
    with pytest.raises(PermissionDenied):
        topic_create(actor=office_staff_midt, slug="sorg", name_nb="Sorg", name_en="Grief")
    assert topic_create(actor=head_office_admin, slug="sorg", name_nb="Sorg", name_en="Grief").pk


def test_coordinator_changes_group_status_in_admin(
    contact_point_coordinator: User, contact_point_molde: ContactPoint, login: Any
) -> None:
    group = helpers.group(contact_point_molde.office, contact_point_molde)
    client = login(contact_point_coordinator)
    page = client.get(helpers.admin_url(group, "change"))
    assert "contact_point" not in page.context["adminform"].form.fields
    assert "office" not in page.context["adminform"].form.fields
    response = helpers.change_via_admin(client, group, status="open")
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.status == "open"
    entry = AuditEntry.objects.get(action="groups.group.status_changed")
    assert entry.actor == contact_point_coordinator
