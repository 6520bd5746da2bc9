"""The activity log: validated as a whole, nothing half-saved. KP-ADMIN-SERVICES"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from knutepunkt.accounts.models import User
from knutepunkt.activity.models import Activity, OfficeTask, PlanGoal
from knutepunkt.activity.services import activity_create, activity_update
from knutepunkt.core.models import AuditEntry
from knutepunkt.core.tests import helpers
from knutepunkt.network.models import DistrictOffice, Partner

DAY = datetime.date(2024, 3, 5)


def _create(actor: User, **fields: Any) -> Activity:
    values: dict[str, Any] = {"date": DAY, "kind": "own_event", "title": "Informasjonsmøte"}
    values.update(fields)
    return activity_create(actor=actor, **values)


def test_activity_with_partners_tasks_and_goals(
    office_staff_midt: User, partner_molde: Partner
) -> None:
    activity = _create(
        office_staff_midt,
        partners=[partner_molde],
        office_tasks=OfficeTask.objects.filter(number__in=[1, 3]),
        plan_goals=[PlanGoal.objects.get(number=2).pk],
        municipality="1506",
        participants=25,
        people_reached=40,
    )
    assert activity.office == office_staff_midt.office
    assert activity.created_by == office_staff_midt
    assert list(activity.partners.all()) == [partner_molde]
    assert sorted(activity.office_tasks.values_list("number", flat=True)) == [1, 3]
    entry = AuditEntry.objects.get(action="activity.activity.created")
    assert entry.data["partners"] == [partner_molde.pk]


def test_end_date_before_date_is_refused(office_staff_midt: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _create(office_staff_midt, end_date=DAY - datetime.timedelta(days=1))
    assert "end_date" in excinfo.value.message_dict
    assert not Activity.objects.exists()


def test_negative_participant_count_is_refused(office_staff_midt: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _create(office_staff_midt, participants=-5)
    assert excinfo.value.message_dict["participants"] == ["The number cannot be negative."]
    assert not Activity.objects.exists()


def test_negative_count_on_update_changes_nothing(office_staff_midt: User) -> None:
    activity = _create(office_staff_midt, participants=10)
    with pytest.raises(ValidationError):
        activity_update(
            actor=office_staff_midt, activity=activity, data={"participants": -5, "title": "x"}
        )
    activity.refresh_from_db()
    assert (activity.participants, activity.title) == (10, "Informasjonsmøte")


@pytest.mark.parametrize(
    ("field", "value"),
    [("partners", [999999]), ("office_tasks", [99]), ("plan_goals", ["abc"])],
)
def test_invalid_related_ids_leave_no_activity(
    office_staff_midt: User, field: str, value: Any
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _create(office_staff_midt, **{field: value})
    assert field in excinfo.value.message_dict
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.exists()


def test_partner_of_another_office_is_refused(
    office_staff_nord: User, partner_molde: Partner
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _create(office_staff_nord, partners=[partner_molde])
    assert "another district office" in excinfo.value.message_dict["partners"][0]
    assert not Activity.objects.exists()


def test_staff_cannot_log_for_another_office(
    office_staff_midt: User, office_nord: DistrictOffice
) -> None:
    with pytest.raises(PermissionDenied):
        _create(office_staff_midt, office=office_nord)


def test_update_replaces_tasks_and_logs_the_change(office_staff_midt: User) -> None:
    activity = _create(office_staff_midt, office_tasks=[OfficeTask.objects.get(number=1)])
    activity_update(
        actor=office_staff_midt,
        activity=activity,
        data={"office_tasks": list(OfficeTask.objects.filter(number=4))},
    )
    assert list(activity.office_tasks.values_list("number", flat=True)) == [4]
    entry = AuditEntry.objects.get(action="activity.activity.updated")
    assert entry.data == {"office_tasks": [OfficeTask.objects.get(number=4).pk]}


def test_staff_logs_activity_in_admin(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    task = OfficeTask.objects.get(number=3)
    response = login(office_staff_midt).post(
        reverse("admin:activity_activity_add"),
        {
            "date": "2024-03-05",
            "kind": "contribution",
            "title": "Foredrag på fagdag",
            "people_reached": "80",
            "partners": [str(partner_molde.pk)],
            "office_tasks": [str(task.pk)],
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    activity = Activity.objects.get()
    assert activity.office == office_staff_midt.office
    assert list(activity.office_tasks.all()) == [task]
    assert AuditEntry.objects.get(action="activity.activity.created").actor == office_staff_midt


def test_negative_count_in_admin_is_a_form_error(office_staff_midt: User, login: Any) -> None:
    response = login(office_staff_midt).post(
        reverse("admin:activity_activity_add"),
        {"date": "2024-03-05", "kind": "own_event", "title": "Møte", "participants": "-5"},
    )
    assert response.status_code == 200
    assert "participants" in response.context["adminform"].form.errors
    assert not Activity.objects.exists()


def test_reference_lists_are_read_only(head_office_admin: User, login: Any) -> None:
    client = login(head_office_admin)
    task = OfficeTask.objects.get(number=1)
    assert client.get(helpers.admin_url(task, "changelist")).status_code == 200
    assert client.get(reverse("admin:activity_officetask_add")).status_code == 403
    assert client.post(helpers.admin_url(task, "delete"), {"post": "yes"}).status_code == 403
