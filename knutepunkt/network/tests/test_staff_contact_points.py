"""The contact point pipeline: board, detail, status history, planning group, follow-up;
coordinators see their own contact point and edit only its public details."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointStatus,
    ContactPointStatusChange,
    PlanningGroupMember,
)
from knutepunkt.network.services import contact_point_create, planning_group_member_add

LIST = reverse("staff:network:contact_point_list")
CREATE = reverse("staff:network:contact_point_create")


def _url(name: str, contact_point: ContactPoint, **extra: Any) -> str:
    return reverse(f"staff:network:{name}", kwargs={"pk": contact_point.pk, **extra})


def _cp(office, name: str, status: str = ContactPointStatus.IDEA, **extra: Any) -> ContactPoint:
    return contact_point_create(
        actor=None, name=name, municipality="1506", office=office, status=status, **extra
    )


def test_board_groups_contact_points_by_status_and_flags_overdue(
    login, office_staff_midt, contact_point_tromso
):
    office = office_staff_midt.office
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    late = _cp(office, "Idé Aukra", follow_up_on=yesterday, next_step="Ring rådmannen")
    _cp(office, "Plan Vestnes", status=ContactPointStatus.PLANNING)
    response = login(office_staff_midt).get(LIST)
    assert response.status_code == 200
    columns = {c.status: [cp.name for cp in c.contact_points] for c in response.context["columns"]}
    assert columns["idea"] == ["Idé Aukra"]
    assert columns["planning"] == ["Plan Vestnes"]
    assert "Selvhjelp Tromsø" not in response.content.decode()  # another office's
    card = next(cp for cp in response.context["columns"][0].contact_points if cp.pk == late.pk)
    assert card.is_overdue
    assert "overdue" in response.content.decode()


def test_board_filters_by_status(login, office_staff_midt):
    _cp(office_staff_midt.office, "Idé Aukra")
    _cp(office_staff_midt.office, "Plan Vestnes", status=ContactPointStatus.PLANNING)
    response = login(office_staff_midt).get(LIST, {"status": "planning"})
    assert [c.status for c in response.context["columns"]] == ["planning"]
    # A made-up status shows everything rather than failing.
    assert login(office_staff_midt).get(LIST, {"status": "<bad>"}).status_code == 200


def test_board_query_count_is_constant(login, office_staff_midt, django_assert_max_num_queries):
    client = login(office_staff_midt)
    for i in range(3):
        _cp(office_staff_midt.office, f"Punkt {i}")
    with django_assert_max_num_queries(10) as few:
        client.get(LIST)
    for i in range(3, 30):
        _cp(office_staff_midt.office, f"Punkt {i}", status=ContactPointStatus.PLANNING)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_staff_creates_a_contact_point_with_served_municipalities(
    login, office_staff_midt, partner_molde
):
    response = login(office_staff_midt).post(
        CREATE,
        {
            "name": "Kontaktpunkt Romsdal",
            "kind": "contact_point",
            "host": partner_molde.pk,
            "municipality": "Molde",
            "municipalities_served": [m.pk for m in _municipalities("1506", "1539")],
            "other_municipalities": "Trondheim, 5501",
            "status": "planning",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    cp = ContactPoint.objects.get(name="Kontaktpunkt Romsdal")
    assert cp.office == office_staff_midt.office
    assert cp.status == "planning"
    assert sorted(cp.municipalities_served.values_list("number", flat=True)) == [
        "1506",
        "1539",
        "5001",
        "5501",
    ]


def _municipalities(*numbers: str) -> list:
    from knutepunkt.geo.models import Municipality

    return list(Municipality.objects.current().filter(number__in=numbers))


def test_create_with_bad_input_shows_errors(login, office_staff_midt, partner_molde):
    response = login(office_staff_midt).post(
        CREATE,
        {
            "name": "",
            "kind": "contact_point",
            "municipality": "Atlantis",
            "other_municipalities": "Narnia",
            "status": "planning",
            "email": "x",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "name",
        "municipality",
        "other_municipalities",
        "email",
    }
    assert not ContactPoint.objects.exists()


def test_status_change_writes_dated_history(login, office_staff_midt, contact_point_molde):
    response = login(office_staff_midt).post(
        _url("contact_point_status", contact_point_molde),
        {"status": "inactive", "on": "2024-05-02", "note": "Vertskap la ned"},
    )
    assert response.status_code == 302
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.status == "inactive"
    change = ContactPointStatusChange.objects.get(contact_point=contact_point_molde)
    assert change.changed_on == datetime.date(2024, 5, 2)
    assert (change.from_status, change.to_status, change.note) == (
        "established",
        "inactive",
        "Vertskap la ned",
    )
    detail = login(office_staff_midt).get(_url("contact_point_detail", contact_point_molde))
    assert "Vertskap la ned" in detail.content.decode()


def test_status_change_with_bad_date_is_a_form_error(login, office_staff_midt, contact_point_molde):
    response = login(office_staff_midt).post(
        _url("contact_point_status", contact_point_molde), {"status": "idea", "on": "32.13.2024"}
    )
    assert response.status_code == 400
    assert "on" in response.context["status_form"].errors
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.status == "established"


def test_next_step_and_follow_up_are_saved(login, office_staff_midt, contact_point_molde):
    response = login(office_staff_midt).post(
        _url("contact_point_follow_up", contact_point_molde),
        {"next_step": "Møte med plangruppa", "follow_up_on": "2030-01-15"},
    )
    assert response.status_code == 302
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.next_step == "Møte med plangruppa"
    assert contact_point_molde.follow_up_on == datetime.date(2030, 1, 15)


def test_planning_group_members_are_added_and_removed(
    login, office_staff_midt, contact_point_molde, partner_molde
):
    client = login(office_staff_midt)
    response = client.post(
        _url("planning_member_add", contact_point_molde),
        {"partner": partner_molde.pk, "person_name": "Kari", "role": "leder"},
    )
    assert response.status_code == 302
    member = PlanningGroupMember.objects.get(contact_point=contact_point_molde)
    assert member.partner == partner_molde
    response = client.post(_url("planning_member_remove", contact_point_molde, member_pk=member.pk))
    assert response.status_code == 302
    assert not PlanningGroupMember.objects.exists()


def test_planning_group_cannot_take_another_office_partner(
    login, office_staff_midt, contact_point_molde, office_nord
):
    from knutepunkt.network.services import partner_create

    foreign = partner_create(actor=None, name="Fremmed", kind="other", office=office_nord)
    response = login(office_staff_midt).post(
        _url("planning_member_add", contact_point_molde), {"partner": foreign.pk}
    )
    assert response.status_code == 400
    assert "partner" in response.context["member_form"].errors
    assert not PlanningGroupMember.objects.exists()


def test_empty_planning_member_is_a_form_error(login, office_staff_midt, contact_point_molde):
    response = login(office_staff_midt).post(_url("planning_member_add", contact_point_molde), {})
    assert response.status_code == 400
    assert not PlanningGroupMember.objects.exists()


def test_other_office_gets_404_for_every_contact_point_url(
    login, office_staff_nord, contact_point_molde, partner_molde
):
    member = planning_group_member_add(
        actor=None, contact_point=contact_point_molde, partner=partner_molde
    )
    client = login(office_staff_nord)
    for name in ("contact_point_detail", "contact_point_edit"):
        assert client.get(_url(name, contact_point_molde)).status_code == 404
    posts = {
        "contact_point_edit": {"name": "Hacked", "kind": "contact_point", "municipality": "1506"},
        "contact_point_status": {"status": "inactive", "on": "2024-01-01"},
        "contact_point_follow_up": {"next_step": "Hacked"},
        "planning_member_add": {"person_name": "Hacked"},
    }
    for name, data in posts.items():
        assert client.post(_url(name, contact_point_molde), data).status_code == 404, name
    url = _url("planning_member_remove", contact_point_molde, member_pk=member.pk)
    assert client.post(url).status_code == 404
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.name == "Kontaktpunkt for selvhjelp i Molde"
    assert contact_point_molde.status == "established"
    assert contact_point_molde.next_step == ""
    assert PlanningGroupMember.objects.count() == 1


def test_coordinator_sees_own_contact_point_read_only(
    login, contact_point_coordinator, contact_point_molde, contact_point_tromso
):
    client = login(contact_point_coordinator)
    response = client.get(_url("contact_point_detail", contact_point_molde))
    assert response.status_code == 200
    assert response.context["office_role"] is False
    assert "status_form" not in response.context
    assert client.get(_url("contact_point_detail", contact_point_tromso)).status_code == 404
    assert client.get(LIST).status_code == 403
    response = client.post(
        _url("contact_point_status", contact_point_molde),
        {"status": "inactive", "on": "2024-01-01"},
    )
    assert response.status_code == 403
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.status == "established"


def test_coordinator_edits_public_details_only(
    login, contact_point_coordinator, contact_point_molde
):
    client = login(contact_point_coordinator)
    form = client.get(_url("contact_point_edit", contact_point_molde)).context["form"]
    assert "status" not in form.fields and "next_step" not in form.fields
    assert "name" not in form.fields and "host" not in form.fields
    response = client.post(
        _url("contact_point_edit", contact_point_molde),
        {
            "opening_hours": "Tirsdager 10–14",
            "email": "ny@molde.example",
            "description_nn": "Frivilligsentralen i Molde er kontaktpunkt for sjølvhjelp.",
            # Fields the coordinator may not change are ignored, never applied.
            "next_step": "Hacked",
            "name": "Hacked",
        },
    )
    assert response.status_code == 302
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.opening_hours == "Tirsdager 10–14"
    assert contact_point_molde.email == "ny@molde.example"
    assert contact_point_molde.description_nn.endswith("kontaktpunkt for sjølvhjelp.")
    assert contact_point_molde.next_step == ""
    assert contact_point_molde.name == "Kontaktpunkt for selvhjelp i Molde"
    assert AuditEntry.objects.filter(action="network.contact_point.updated").count() == 1


def test_coordinator_service_rights_stop_at_public_fields(
    contact_point_coordinator, contact_point_molde
):
    import pytest
    from django.core.exceptions import PermissionDenied

    from knutepunkt.network.services import contact_point_update

    with pytest.raises(PermissionDenied):
        contact_point_update(
            actor=contact_point_coordinator,
            contact_point=contact_point_molde,
            data={"next_step": "x"},
        )


def test_funder_is_refused(login, funder_viewer, contact_point_molde):
    client = login(funder_viewer)
    assert client.get(LIST).status_code == 403
    assert client.get(_url("contact_point_detail", contact_point_molde)).status_code == 403


def test_office_staff_edits_a_contact_point(login, office_staff_midt, contact_point_molde):
    client = login(office_staff_midt)
    response = client.get(_url("contact_point_edit", contact_point_molde))
    assert response.status_code == 200
    assert "status" not in response.context["form"].fields
    response = client.post(
        _url("contact_point_edit", contact_point_molde),
        {
            "name": "Selvhjelp Molde",
            "kind": "meeting_place",
            "municipality": "1506",
            "municipalities_served": [m.pk for m in _municipalities("1506", "1535")],
            "other_municipalities": "",
            "email": "selvhjelp@molde.example",
            "next_step": "",
            "follow_up_on": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.name == "Selvhjelp Molde"
    assert contact_point_molde.kind == "meeting_place"
    assert sorted(contact_point_molde.municipalities_served.values_list("number", flat=True)) == [
        "1506",
        "1535",
    ]


def test_coordinator_cannot_remove_every_way_to_get_in_touch(
    login, contact_point_coordinator, contact_point_molde
):
    client = login(contact_point_coordinator)
    empty = {"opening_hours": "", "email": "", "phone": "", "address": "", "website": ""}
    response = client.post(_url("contact_point_edit", contact_point_molde), empty)
    assert response.status_code == 200
    assert "at least one way to get in touch" in response.content.decode()
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.email == "selvhjelp@molde.example"
    # One way is enough.
    response = client.post(
        _url("contact_point_edit", contact_point_molde), {**empty, "phone": "71 11 22 33"}
    )
    assert response.status_code == 302
    contact_point_molde.refresh_from_db()
    assert (contact_point_molde.email, contact_point_molde.phone) == ("", "71 11 22 33")


def test_an_idea_without_contact_details_can_still_be_edited(office_staff_midt, office_midt):
    from knutepunkt.network.services import contact_point_create, contact_point_update

    idea = contact_point_create(
        actor=office_staff_midt, name="Kanskje i Ålesund", municipality="1508"
    )
    contact_point_update(
        actor=office_staff_midt,
        contact_point=idea,
        data={"next_step": "Møte med frivilligsentralen", "email": "", "phone": ""},
    )
    idea.refresh_from_db()
    assert idea.next_step == "Møte med frivilligsentralen"
