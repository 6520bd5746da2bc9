"""Groups in the staff workspace: the office's (or the contact point's) groups, their status
over time, and never who is in them."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone, translation

from knutepunkt.core.tests import helpers
from knutepunkt.groups.models import GroupStatusChange, SelfHelpGroup
from knutepunkt.groups.services import group_create
from knutepunkt.web.pagination import PER_PAGE

# The staff pages in English (/en/...), like reverse() inside the tests and the messages
# the tests assert.
with translation.override("en"):
    LIST = reverse("staff:groups:group_list")
    CREATE = reverse("staff:groups:group_create")


def _url(name: str, group: SelfHelpGroup) -> str:
    return reverse(f"staff:groups:{name}", kwargs={"pk": group.pk})


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "topic": helpers.topic().pk,
        "title": "",
        "format": "in_person",
        "municipality": "Molde",
        "target": "relatives",
        "meeting_time": "Annenhver tirsdag",
        "description_nb": "",
        "description_nn": "",
        "description_en": "",
        "started_on": "",
        "ended_on": "",
        "status": "forming",
    }
    data.update(overrides)
    return data


def test_office_staff_lists_their_office_groups(
    login, office_staff_midt, office_nord, contact_point_molde
):
    mine = helpers.group(office_staff_midt.office, contact_point_molde)
    helpers.group(office_nord)
    response = login(office_staff_midt).get(LIST)
    assert response.status_code == 200
    assert list(response.context["groups"]) == [mine]
    assert "never records who is in a group" in response.content.decode()


def test_list_filters_by_status(login, office_staff_midt, contact_point_molde):
    group = helpers.group(office_staff_midt.office, contact_point_molde)
    client = login(office_staff_midt)
    assert list(client.get(LIST, {"status": "forming"}).context["groups"]) == [group]
    assert list(client.get(LIST, {"status": "ended"}).context["groups"]) == []


def test_list_query_count_is_constant(
    login, office_staff_midt, contact_point_molde, django_assert_max_num_queries
):
    client = login(office_staff_midt)
    for _ in range(3):
        helpers.group(office_staff_midt.office, contact_point_molde)
    with django_assert_max_num_queries(10) as few:
        client.get(LIST)
    for _ in range(27):
        helpers.group(office_staff_midt.office)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert len(response.context["groups"]) == 30


def test_a_long_list_comes_in_pages_that_keep_the_filters(
    login, office_staff_midt, contact_point_molde
):
    for _ in range(PER_PAGE + 3):
        helpers.group(office_staff_midt.office, contact_point_molde)
    client = login(office_staff_midt)
    first = client.get(LIST, {"status": "forming"})
    page = first.content.decode()
    assert len(first.context["groups"]) == PER_PAGE
    assert f"{PER_PAGE + 3} groups" in page
    assert "Page 1 of 2" in page
    # The link to the next page keeps the filter, and the last page has the rest.
    assert 'href="?status=forming&amp;page=2" rel="next"' in page
    second = client.get(LIST, {"status": "forming", "page": "2"})
    assert len(second.context["groups"]) == 3
    # A page number out of range or not a number gives a real page, never an error.
    assert client.get(LIST, {"page": "999"}).context["page"].number == 2
    assert client.get(LIST, {"page": "x'; --"}).context["page"].number == 1


def test_list_search_finds_title_contact_point_and_municipality(
    login, office_staff_midt, contact_point_molde
):
    client = login(office_staff_midt)
    titled = client.post(CREATE, _form(title="Sorggruppe for unge", municipality="Ålesund"))
    assert titled.status_code == 302
    at_point = helpers.group(office_staff_midt.office, contact_point_molde)
    titled_group = SelfHelpGroup.objects.get(title="Sorggruppe for unge")

    def found(text: str) -> list[SelfHelpGroup]:
        return list(client.get(LIST, {"q": text}).context["groups"])

    assert found("sorggruppe") == [titled_group]
    assert found("Ålesund") == [titled_group]
    assert found(contact_point_molde.name[:5]) == [at_point]
    assert found("finnes ikke") == []


def test_office_staff_registers_a_group(login, office_staff_midt, contact_point_molde):
    response = login(office_staff_midt).post(CREATE, _form(contact_point=contact_point_molde.pk))
    assert response.status_code == 302
    group = SelfHelpGroup.objects.get()
    assert group.office == office_staff_midt.office
    assert group.contact_point == contact_point_molde
    assert group.municipality is not None and group.municipality.number == "1506"
    assert group.target == "relatives"


def test_no_member_field_anywhere(login, office_staff_midt):
    form = login(office_staff_midt).get(CREATE).context["form"]
    assert not any("member" in name or "participant" in name for name in form.fields)


def test_in_person_group_without_place_is_a_form_error(login, office_staff_midt):
    response = login(office_staff_midt).post(CREATE, _form(municipality=""))
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    assert not SelfHelpGroup.objects.exists()


def test_bad_dates_and_unknown_place_are_form_errors(login, office_staff_midt):
    response = login(office_staff_midt).post(
        CREATE, _form(municipality="Atlantis", started_on="yesterday")
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"municipality", "started_on"}


def test_status_change_is_dated_and_shown_as_a_timeline(
    login, office_staff_midt, contact_point_molde
):
    group = helpers.group(office_staff_midt.office, contact_point_molde)
    client = login(office_staff_midt)
    day = timezone.localdate() + datetime.timedelta(days=3)
    response = client.post(_url("group_status", group), {"status": "open", "on": day.isoformat()})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.status == "open"
    assert group.started_on == day
    change = GroupStatusChange.objects.filter(group=group).latest("id")
    assert (change.from_status, change.to_status, change.changed_on) == ("forming", "open", day)
    detail = client.get(_url("group_detail", group))
    assert [c.to_status for c in detail.context["history"]] == ["open", "forming"]


def test_status_change_with_bad_input_is_a_form_error(
    login, office_staff_midt, contact_point_molde
):
    group = helpers.group(office_staff_midt.office, contact_point_molde)
    response = login(office_staff_midt).post(
        _url("group_status", group), {"status": "exploded", "on": ""}
    )
    assert response.status_code == 400
    assert set(response.context["status_form"].errors) == {"status", "on"}


def test_edit_through_group_update(login, office_staff_midt, contact_point_molde):
    group = helpers.group(office_staff_midt.office, contact_point_molde)
    response = login(office_staff_midt).post(
        _url("group_edit", group),
        _form(contact_point=contact_point_molde.pk, title="Pårørendegruppe Molde"),
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.title == "Pårørendegruppe Molde"
    assert group.status == "forming"  # status only changes on its own form


def test_coordinator_sees_and_manages_own_contact_point_groups(
    login, contact_point_coordinator, contact_point_molde, office_midt
):
    own = helpers.group(office_midt, contact_point_molde)
    elsewhere = helpers.group(office_midt)
    client = login(contact_point_coordinator)
    assert list(client.get(LIST).context["groups"]) == [own]
    assert client.get(_url("group_detail", elsewhere)).status_code == 404
    form = client.get(CREATE).context["form"]
    assert "contact_point" not in form.fields and "starter" not in form.fields
    response = client.post(CREATE, _form())
    assert response.status_code == 302
    created = SelfHelpGroup.objects.latest("id")
    assert created.contact_point == contact_point_molde
    response = client.post(_url("group_status", own), {"status": "closed", "on": "2024-10-01"})
    assert response.status_code == 302


def test_other_office_gets_404_for_every_group_url(
    login, office_staff_nord, office_midt, contact_point_molde
):
    group = helpers.group(office_midt, contact_point_molde)
    client = login(office_staff_nord)
    assert client.get(_url("group_detail", group)).status_code == 404
    assert client.get(_url("group_edit", group)).status_code == 404
    assert client.post(_url("group_edit", group), _form(title="Hacked")).status_code == 404
    response = client.post(_url("group_status", group), {"status": "ended", "on": "2024-01-01"})
    assert response.status_code == 404
    group.refresh_from_db()
    assert (group.title, group.status) == ("", "forming")


def test_funder_is_refused(login, funder_viewer, office_midt):
    group = group_create(actor=None, topic=helpers.topic(), office=office_midt, format="online")
    client = login(funder_viewer)
    assert client.get(LIST).status_code == 403
    assert client.get(_url("group_detail", group)).status_code == 403


def test_a_group_is_described_in_nynorsk_too(login, office_staff_midt, contact_point_molde):
    response = login(office_staff_midt).post(
        CREATE,
        _form(
            contact_point=contact_point_molde.pk,
            description_nb="Vi møtes annenhver uke.",
            description_nn="Vi møtest annakvar veke.",
        ),
    )
    assert response.status_code == 302
    group = SelfHelpGroup.objects.get()
    assert (group.description_nb, group.description_nn) == (
        "Vi møtes annenhver uke.",
        "Vi møtest annakvar veke.",
    )
