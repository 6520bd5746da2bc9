from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from knutepunkt.conftest import municipality
from knutepunkt.events.access import get_event_for_user, get_registration_for_user
from knutepunkt.events.models import Event, Registration, RegistrationStatus
from knutepunkt.events.services import registration_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(make_event, office_nord, contact_point_molde):
    midt = make_event(title="Midt-møte")
    molde_cp = make_event(title="Kontaktpunktets møte", contact_point=contact_point_molde)
    nord = make_event(title="Nord-møte", office=office_nord, municipality=municipality("5501"))
    registrations = {
        "midt": registration_create(event=midt, name="Kari", email="kari@example.org"),
        "molde_cp": registration_create(event=molde_cp, name="Per", email="per@example.org"),
        "nord": registration_create(event=nord, name="Ola", email="ola@example.org"),
    }
    return {"midt": midt, "molde_cp": molde_cp, "nord": nord, "reg": registrations}


def test_office_staff_see_only_their_offices_events(events, office_staff_nord):
    assert set(Event.objects.visible_to(office_staff_nord)) == {events["nord"]}
    assert set(Registration.objects.visible_to(office_staff_nord)) == {events["reg"]["nord"]}


def test_midt_staff_do_not_see_nord(events, office_staff_midt):
    assert events["nord"] not in Event.objects.visible_to(office_staff_midt)
    assert set(Registration.objects.visible_to(office_staff_midt)) == {
        events["reg"]["midt"],
        events["reg"]["molde_cp"],
    }


def test_coordinator_sees_only_their_contact_points_registrations(
    events, contact_point_coordinator
):
    assert set(Event.objects.visible_to(contact_point_coordinator)) == {events["molde_cp"]}
    assert set(Registration.objects.visible_to(contact_point_coordinator)) == {
        events["reg"]["molde_cp"]
    }


def test_funder_and_anonymous_see_no_registrations(events, funder_viewer):
    for user in (funder_viewer, AnonymousUser()):
        assert not Event.objects.visible_to(user).exists()
        assert not Registration.objects.visible_to(user).exists()


def test_head_office_sees_all(events, head_office_admin):
    assert Registration.objects.visible_to(head_office_admin).count() == 3


def test_get_for_user_raises_404_outside_scope(events, office_staff_midt):
    with pytest.raises(Http404):
        get_event_for_user(office_staff_midt, events["nord"].pk)
    with pytest.raises(Http404):
        get_registration_for_user(office_staff_midt, events["reg"]["nord"].pk)
    assert get_event_for_user(office_staff_midt, events["midt"].pk) == events["midt"]


# --- Admin ---------------------------------------------------------------------------------


def change_url(obj) -> str:
    return f"/admin/events/{obj._meta.model_name}/{obj.pk}/change/"


def test_other_offices_event_admin_is_404_and_changes_nothing(events, login, office_staff_midt):
    client = login(office_staff_midt)
    nord = events["nord"]
    assert client.get(change_url(nord)).status_code == 404
    response = client.post(change_url(nord), {"title": "Kapret", "slug": nord.slug})
    assert response.status_code == 404
    nord.refresh_from_db()
    assert nord.title == "Nord-møte"


def test_other_offices_registration_admin_is_404(events, login, office_staff_midt):
    client = login(office_staff_midt)
    assert client.get(change_url(events["reg"]["nord"])).status_code == 404


def test_organiser_sees_sign_ups_inline(events, login, office_staff_midt):
    response = login(office_staff_midt).get(change_url(events["midt"]))
    assert response.status_code == 200
    assert "kari@example.org" in response.content.decode()


def test_coordinator_sees_own_event_with_sign_ups_but_not_the_offices(
    events, login, contact_point_coordinator
):
    client = login(contact_point_coordinator)
    response = client.get(change_url(events["molde_cp"]))
    assert response.status_code == 200
    assert "per@example.org" in response.content.decode()
    assert client.get(change_url(events["midt"])).status_code == 404


def test_registration_list_is_scoped(events, login, office_staff_nord):
    html = login(office_staff_nord).get("/admin/events/registration/").content.decode()
    assert "ola@example.org" in html
    assert "kari@example.org" not in html


def test_funder_gets_no_event_admin(events, login, funder_viewer):
    client = login(funder_viewer)
    for url in ("/admin/events/event/", "/admin/events/registration/", change_url(events["midt"])):
        response = client.get(url)
        assert response.status_code in (302, 403, 404)
        assert b"kari@example.org" not in response.content


def test_anonymous_is_sent_to_login(events, client):
    response = client.get("/admin/events/registration/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_staff_changes_own_event_through_the_service(events, login, office_staff_midt):
    from knutepunkt.core.models import AuditEntry

    event = events["midt"]
    client = login(office_staff_midt)
    form = client.get(change_url(event)).context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name not in ("partners", "office")
    }
    data.update(
        {
            "title": "Nytt navn",
            "starts_at_0": event.starts_at.astimezone().strftime("%Y-%m-%d"),
            "starts_at_1": "18:00",
            "ends_at_0": event.ends_at.astimezone().strftime("%Y-%m-%d"),
            "ends_at_1": "20:00",
            "municipality": event.municipality_id,
            "registrations-TOTAL_FORMS": "1",
            "registrations-INITIAL_FORMS": "1",
            "registrations-MIN_NUM_FORMS": "0",
            "registrations-MAX_NUM_FORMS": "0",
            "registrations-0-id": events["reg"]["midt"].pk,
            "registrations-0-event": event.pk,
        }
    )
    for key in ("signup_opens_at", "signup_closes_at", "starts_at", "ends_at", "capacity"):
        data.pop(key, None)
    data.pop("attended_count", None)
    data = {k: v for k, v in data.items() if v is not False}
    response = client.post(change_url(event), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title == "Nytt navn"
    assert AuditEntry.objects.filter(action="events.event.updated", target_id=str(event.pk))


def test_admin_cancel_registration_action_promotes(make_event, login, office_staff_midt):
    event = make_event(capacity=1)
    first = registration_create(event=event, name="A", email="a@example.org")
    second = registration_create(event=event, name="B", email="b@example.org")
    client = login(office_staff_midt)
    response = client.post(
        "/admin/events/registration/",
        {"action": "cancel_registrations", "_selected_action": [first.pk]},
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert not type(first).objects.filter(pk=first.pk).exists()
    assert second.status == RegistrationStatus.CONFIRMED


def test_admin_cancel_action_cannot_reach_other_office(events, login, office_staff_nord):
    client = login(office_staff_nord)
    client.post(
        "/admin/events/registration/",
        {"action": "cancel_registrations", "_selected_action": [events["reg"]["midt"].pk]},
    )
    events["reg"]["midt"].refresh_from_db()
    assert events["reg"]["midt"].status == RegistrationStatus.CONFIRMED


def test_office_staff_add_event_in_admin_gets_their_office(login, office_staff_midt):
    client = login(office_staff_midt)
    response = client.post(
        "/admin/events/event/add/",
        {
            "title": "Informasjonsmøte i Ålesund",
            "slug": "informasjonsmote-alesund",
            "kind": "information_meeting",
            "starts_at_0": "2031-05-06",
            "starts_at_1": "18:00",
            "ends_at_0": "2031-05-06",
            "ends_at_1": "20:00",
            "municipality": municipality("1508").pk,
            "is_public": "on",
            "has_waiting_list": "on",
            "capacity": "30",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
            "registrations-MIN_NUM_FORMS": "0",
            "registrations-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="informasjonsmote-alesund")
    assert event.office == office_staff_midt.office
    assert event.capacity == 30
