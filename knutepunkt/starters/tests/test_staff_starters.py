"""The starter register in the staff workspace: office staff keep it; coordinators see, read
only, the starters who agreed to be contacted; nothing is cached."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.core.tests import helpers
from knutepunkt.groups.services import group_create
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_create

LIST = reverse("staff:starters:starter_list")
CREATE = reverse("staff:starters:starter_create")


def _url(name: str, starter: Starter) -> str:
    return reverse(f"staff:starters:{name}", kwargs={"pk": starter.pk})


def _starter(office, name: str, **extra: Any) -> Starter:
    return starter_create(actor=None, name=name, office=office, **extra)


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Liv Igangsetter",
        "email": "liv@example.org",
        "phone": "",
        "home_municipality": "Molde",
        "topics": [helpers.topic().pk],
        "municipalities": "Molde, Aukra",
        "trained_on": "2024-04-20",
        "consent_to_contact": "on",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_office_staff_registers_a_starter(login, office_staff_midt):
    response = login(office_staff_midt).post(CREATE, _form())
    assert response.status_code == 302
    starter = Starter.objects.get()
    assert starter.office == office_staff_midt.office
    assert sorted(starter.municipalities.values_list("number", flat=True)) == ["1506", "1547"]
    assert starter.consent_given_at is not None
    # Contact details never reach the audit log.
    logged = str(list(AuditEntry.objects.values_list("data", "target_repr")))
    assert "liv@example.org" not in logged and "Liv" not in logged


def test_bad_input_is_a_form_error(login, office_staff_midt):
    response = login(office_staff_midt).post(
        CREATE, _form(name="", email="nope", municipalities="Molde, Narnia", trained_on="x")
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "email", "municipalities", "trained_on"}
    assert not Starter.objects.exists()


def test_list_filters_by_topic_and_municipality(login, office_staff_midt):
    office = office_staff_midt.office
    grief = helpers.topic("sorg", "Sorg", "Grief")
    anxiety = helpers.topic()
    molde = municipality("1506")
    a = _starter(office, "Anne", topics=[grief], municipalities=[molde])
    b = _starter(office, "Bjørn", topics=[anxiety], home_municipality="1505")
    client = login(office_staff_midt)

    def names(params: dict[str, str]) -> list[str]:
        return [s.name for s in client.get(LIST, params).context["starters"]]

    assert names({}) == ["Anne", "Bjørn"]
    assert names({"topic": str(grief.pk)}) == [a.name]
    assert names({"municipality": "Kristiansund"}) == [b.name]
    assert names({"municipality": "Molde", "topic": str(anxiety.pk)}) == []


def test_list_query_count_is_constant(login, office_staff_midt, django_assert_max_num_queries):
    office = office_staff_midt.office
    places = [municipality("1506"), municipality("1505")]
    client = login(office_staff_midt)
    for i in range(3):
        _starter(office, f"S{i}", topics=[helpers.topic()], municipalities=places)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for i in range(3, 30):
        _starter(office, f"S{i}", topics=[helpers.topic()], municipalities=places)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert len(response.context["starters"]) == 30


def test_detail_shows_groups_started_and_consent(login, office_staff_midt, contact_point_molde):
    starter = _starter(
        office_staff_midt.office,
        "Anne",
        consent_to_contact=True,
        trained_on=datetime.date(2024, 4, 20),
    )
    group = group_create(
        actor=None,
        topic=helpers.topic(),
        office=office_staff_midt.office,
        contact_point=contact_point_molde,
        starter=starter,
    )
    response = login(office_staff_midt).get(_url("starter_detail", starter))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response.context["groups"] == [group]
    assert response.context["can_edit"] is True


def test_edit_updates_and_restarts_the_retention_clock(login, office_staff_midt):
    starter = _starter(office_staff_midt.office, "Anne", consent_to_contact=True)
    old = starter.active_at - datetime.timedelta(days=400)
    Starter.objects.filter(pk=starter.pk).update(active_at=old, reminded_at=old)
    response = login(office_staff_midt).post(
        _url("starter_edit", starter), _form(name="Anne Berit")
    )
    assert response.status_code == 302
    starter.refresh_from_db()
    assert starter.name == "Anne Berit"
    assert starter.active_at > old + datetime.timedelta(days=399)
    assert starter.reminded_at is None


def test_withdrawn_consent_deletes_the_record_after_a_confirmation(login, office_staff_midt):
    starter = _starter(
        office_staff_midt.office, "Anne Zqx", consent_to_contact=True, email="anne.zqx@example.org"
    )
    client = login(office_staff_midt)
    url = _url("starter_edit", starter)
    asked = client.post(url, _form(name="Anne Zqx", consent_to_contact=""))
    assert asked.status_code == 200
    assert "Delete the record" in asked.content.decode()
    assert Starter.objects.filter(pk=starter.pk).exists()  # not before the confirmation
    done = client.post(url, _form(name="Anne Zqx", consent_to_contact="", confirm_withdrawal="1"))
    assert done.status_code == 302
    assert not Starter.objects.filter(pk=starter.pk).exists()
    entry = AuditEntry.objects.get(action="starters.starter.consent_withdrawn")
    assert entry.actor == office_staff_midt
    assert "Zqx" not in f"{entry.target_repr} {entry.data}"


def test_coordinator_sees_only_consenting_starters_read_only(
    login, contact_point_coordinator, office_midt
):
    yes = _starter(office_midt, "Ja", consent_to_contact=True)
    no = _starter(office_midt, "Nei")
    client = login(contact_point_coordinator)
    assert [s.name for s in client.get(LIST).context["starters"]] == ["Ja"]
    response = client.get(_url("starter_detail", yes))
    assert response.status_code == 200
    assert response.context["can_edit"] is False
    assert client.get(_url("starter_detail", no)).status_code == 404
    assert client.get(_url("starter_edit", yes)).status_code == 403
    assert client.post(_url("starter_edit", yes), _form(name="Hacked")).status_code == 403
    assert client.get(CREATE).status_code == 403
    yes.refresh_from_db()
    assert yes.name == "Ja"


def test_other_office_gets_404(login, office_staff_nord, office_midt):
    starter = _starter(office_midt, "Anne")
    client = login(office_staff_nord)
    assert client.get(_url("starter_detail", starter)).status_code == 404
    assert client.get(_url("starter_edit", starter)).status_code == 404
    assert client.post(_url("starter_edit", starter), _form(name="Hacked")).status_code == 404
    starter.refresh_from_db()
    assert starter.name == "Anne"
    assert [s.name for s in client.get(LIST).context["starters"]] == []


def test_funder_is_refused(login, funder_viewer, office_midt):
    starter = _starter(office_midt, "Anne", consent_to_contact=True)
    client = login(funder_viewer)
    assert client.get(LIST).status_code == 403
    assert client.get(_url("starter_detail", starter)).status_code == 403
