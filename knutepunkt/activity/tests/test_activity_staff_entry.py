"""Fast entry, edit and delete of activities in the staff workspace."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from knutepunkt.accounts.models import User
from knutepunkt.activity.models import Activity, OfficeTask, PlanGoal
from knutepunkt.activity.services import activity_create
from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import ContactPoint, Partner

# Module constants are built at import, outside the autouse English activation: ask for
# the English (/en/) pages explicitly, since the tests assert English text.
with translation.override("en"):
    CREATE = reverse("staff:activity:activity_create")
    LIST = reverse("staff:activity:activity_list")


def _post_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": "2024-03-05",
        "kind": "contribution",
        "title": "Foredrag på fagdag",
        "municipality": "Molde (Møre og Romsdal)",
        "participants": "12",
        "people_reached": "80",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _activity(user: User, **fields: Any) -> Activity:
    values: dict[str, Any] = {
        "date": datetime.date(2024, 3, 5),
        "kind": "own_event",
        "title": "Informasjonsmøte",
    }
    values.update(fields)
    return activity_create(actor=user, **values)


def test_create_page_autofocuses_date_with_today(office_staff_midt: User, login: Any) -> None:
    response = login(office_staff_midt).get(CREATE)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["date"].value() == timezone.localdate()
    assert "autofocus" in str(form["date"])
    assert response["Cache-Control"] == "no-store"


def test_staff_logs_activity_with_everything(
    office_staff_midt: User, partner_molde: Partner, contact_point_molde: ContactPoint, login: Any
) -> None:
    tasks = OfficeTask.objects.filter(number__in=[1, 3])
    goal = PlanGoal.objects.get(number=2)
    response = login(office_staff_midt).post(
        CREATE,
        _post_data(
            partners=[str(partner_molde.pk)],
            office_tasks=[str(t.pk) for t in tasks],
            plan_goals=[str(goal.pk)],
            contact_point=str(contact_point_molde.pk),
            url="https://example.org/sak",
            notes="God stemning",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == LIST
    activity = Activity.objects.get()
    assert activity.office == office_staff_midt.office
    assert activity.municipality == municipality("1506")
    assert (activity.participants, activity.people_reached) == (12, 80)
    assert list(activity.partners.all()) == [partner_molde]
    assert sorted(activity.office_tasks.values_list("number", flat=True)) == [1, 3]
    assert list(activity.plan_goals.all()) == [goal]
    assert activity.contact_point == contact_point_molde
    assert AuditEntry.objects.get(action="activity.activity.created").actor == office_staff_midt


@pytest.mark.parametrize("value", ["1506", "molde", "Molde (Møre og Romsdal)"])
def test_municipality_by_number_or_name(office_staff_midt: User, login: Any, value: str) -> None:
    response = login(office_staff_midt).post(CREATE, _post_data(municipality=value))
    assert response.status_code == 302
    assert Activity.objects.get().municipality == municipality("1506")


def test_save_and_add_another_keeps_date_and_type(office_staff_midt: User, login: Any) -> None:
    client = login(office_staff_midt)
    response = client.post(CREATE, _post_data(save_another="1"))
    assert response.status_code == 302
    assert response["Location"] == f"{CREATE}?date=2024-03-05&kind=contribution"
    form = client.get(response["Location"]).context["form"]
    assert form["date"].value() == datetime.date(2024, 3, 5)
    assert form["kind"].value() == "contribution"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"participants": "-3"}, "participants", "The number cannot be negative."),
        ({"people_reached": "-1"}, "people_reached", "The number cannot be negative."),
        ({"municipality": "Atlantis"}, "municipality", "Unknown municipality"),
        ({"end_date": "2024-03-01"}, "end_date", "The end date cannot be before the date."),
        ({"title": ""}, "title", ""),
        ({"new_partners": "Ny partner"}, "new_partner_kind", "Choose a type"),
    ],
)
def test_invalid_entry_shows_field_error_and_saves_nothing(
    office_staff_midt: User, login: Any, overrides: dict[str, str], field: str, message: str
) -> None:
    response = login(office_staff_midt).post(CREATE, _post_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in e for e in errors), errors
    assert message in response.content.decode()
    assert not Activity.objects.exists()
    assert not Partner.objects.exists()
    assert not AuditEntry.objects.exists()


def test_partner_of_another_office_cannot_be_picked(
    office_staff_nord: User, partner_molde: Partner, login: Any
) -> None:
    response = login(office_staff_nord).post(
        CREATE, _post_data(municipality="5501", partners=[str(partner_molde.pk)])
    )
    assert response.status_code == 200
    assert "partners" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_partner_created_on_the_fly_joins_register_and_activity(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    response = login(office_staff_midt).post(
        CREATE,
        _post_data(
            partners=[str(partner_molde.pk)],
            new_partners="Kristiansund frisklivssentral\n\n  Molde frivilligsentral \n",
            new_partner_kind="healthy_life_centre",
        ),
    )
    assert response.status_code == 302
    new = Partner.objects.get(name="Kristiansund frisklivssentral")
    assert new.office == office_staff_midt.office
    assert new.kind == "healthy_life_centre"
    # The existing name is linked, not duplicated.
    assert Partner.objects.filter(name="Molde frivilligsentral").count() == 1
    activity = Activity.objects.get()
    assert set(activity.partners.all()) == {partner_molde, new}
    assert AuditEntry.objects.filter(action="network.partner.created").count() == 1


def test_edit_changes_the_activity(office_staff_midt: User, login: Any) -> None:
    activity = _activity(office_staff_midt, municipality="1506")
    url = reverse("staff:activity:activity_edit", args=[activity.pk])
    client = login(office_staff_midt)
    page = client.get(url)
    assert page.context["form"]["municipality"].value() == "Molde"
    response = client.post(url, _post_data(title="Nytt navn", participants="5"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.participants) == ("Nytt navn", 5)
    assert AuditEntry.objects.filter(action="activity.activity.updated").exists()


def test_delete_asks_then_deletes(office_staff_midt: User, login: Any) -> None:
    activity = _activity(office_staff_midt)
    url = reverse("staff:activity:activity_delete", args=[activity.pk])
    client = login(office_staff_midt)
    page = client.get(url)
    assert page.status_code == 200
    assert "Informasjonsmøte" in page.content.decode()
    assert Activity.objects.exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not Activity.objects.exists()
    assert AuditEntry.objects.filter(action="activity.activity.deleted").exists()


@pytest.mark.parametrize("name", ["activity_edit", "activity_delete"])
def test_other_office_activity_is_404_and_unchanged(
    office_staff_midt: User, office_staff_nord: User, login: Any, name: str
) -> None:
    activity = _activity(office_staff_midt)
    url = reverse(f"staff:activity:{name}", args=[activity.pk])
    client = login(office_staff_nord)
    assert client.get(url).status_code == 404
    assert client.post(url, _post_data(title="Kapret")).status_code == 404
    activity.refresh_from_db()
    assert activity.title == "Informasjonsmøte"


@pytest.mark.parametrize("persona", ["funder_viewer", "contact_point_coordinator"])
@pytest.mark.parametrize(
    "name", ["activity_list", "activity_create", "activity_export", "activity_import"]
)
def test_funder_and_coordinator_are_refused(
    db: None, request: Any, login: Any, persona: str, name: str
) -> None:
    user = request.getfixturevalue(persona)
    client = login(user)
    assert client.get(reverse(f"staff:activity:{name}")).status_code == 403
    assert client.post(CREATE, _post_data()).status_code == 403
    assert not Activity.objects.exists()


def test_without_second_factor_goes_to_code_page(office_staff_midt: User, login: Any) -> None:
    response = login(office_staff_midt, second_factor=False).get(CREATE)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_head_office_chooses_the_office_first(
    head_office_admin: User, office_midt: Any, login: Any
) -> None:
    client = login(head_office_admin)
    page = client.get(CREATE)
    assert page.templates[0].name == "activity/staff/choose_office.html"
    response = client.post(f"{CREATE}?office={office_midt.pk}", _post_data())
    assert response.status_code == 302
    assert Activity.objects.get().office == office_midt
