"""Merging two partners: nothing is lost, nothing is left behind, another office's partners
are out of reach."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.core.models import AuditEntry
from knutepunkt.events.models import Event, EventKind
from knutepunkt.network.models import (
    ContactPoint,
    Partner,
    PartnerContact,
    PartnerKind,
    PlanningGroupMember,
)
from knutepunkt.network.services import (
    contact_point_create,
    partner_contact_add,
    partner_create,
    partner_merge,
    planning_group_member_add,
)


def _event(office, title: str) -> Event:
    start = timezone.now() + datetime.timedelta(days=10)
    return Event.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-"),
        kind=EventKind.INFORMATION_MEETING,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        office=office,
        online=True,
    )


@pytest.fixture
def pair(office_midt):
    keep = partner_create(
        actor=None,
        name="Molde Frivilligsentral",
        kind=PartnerKind.VOLUNTEER_CENTRE,
        office=office_midt,
        municipality="1506",
    )
    duplicate = partner_create(
        actor=None,
        name="Molde frivillig-sentral",
        kind=PartnerKind.VOLUNTEER_CENTRE,
        office=office_midt,
        organisation_number="974760673",
        email="post@molde.example",
        notes="Fra gammel liste.",
    )
    return keep, duplicate


@pytest.fixture
def linked(office_midt, pair):
    """Everything that can point at a partner, pointing at the duplicate."""
    keep, duplicate = pair
    contact = partner_contact_add(actor=None, partner=duplicate, name="Kari")
    activity_both = Activity.objects.create(
        office=office_midt,
        date=datetime.date(2024, 2, 1),
        kind=ActivityKind.PARTNER_MEETING,
        title="Begge",
    )
    activity_both.partners.add(keep, duplicate)
    activity_dup = Activity.objects.create(
        office=office_midt,
        date=datetime.date(2024, 3, 1),
        kind=ActivityKind.PARTNER_MEETING,
        title="Bare dup",
    )
    activity_dup.partners.add(duplicate)
    event_partner = _event(office_midt, "Infomote")
    event_partner.partners.add(duplicate)
    event_organised = _event(office_midt, "Fagdag")
    event_organised.organiser_partner = duplicate
    event_organised.save()
    hosted = contact_point_create(
        actor=None,
        name="Kontaktpunkt Molde",
        municipality="1506",
        office=office_midt,
        host=duplicate,
    )
    other = contact_point_create(
        actor=None, name="Møteplass Molde", municipality="1506", office=office_midt
    )
    member = planning_group_member_add(
        actor=None, contact_point=other, partner=duplicate, person_name="Ola", role="leder"
    )
    return {
        "contact": contact,
        "activity_both": activity_both,
        "activity_dup": activity_dup,
        "event_partner": event_partner,
        "event_organised": event_organised,
        "hosted": hosted,
        "member": member,
    }


def _assert_all_moved(keep: Partner, linked: dict) -> None:
    assert not Partner.objects.filter(name="Molde frivillig-sentral").exists()
    assert PartnerContact.objects.get(pk=linked["contact"].pk).partner_id == keep.pk
    assert list(linked["activity_both"].partners.all()) == [keep]
    assert list(linked["activity_dup"].partners.all()) == [keep]
    assert list(linked["event_partner"].partners.all()) == [keep]
    assert Event.objects.get(pk=linked["event_organised"].pk).organiser_partner_id == keep.pk
    assert ContactPoint.objects.get(pk=linked["hosted"].pk).host_id == keep.pk
    assert PlanningGroupMember.objects.get(pk=linked["member"].pk).partner_id == keep.pk
    # No orphan links anywhere.
    partner_ids = set(Partner.objects.values_list("pk", flat=True))
    assert (
        set(Activity.partners.through.objects.values_list("partner_id", flat=True)) <= partner_ids
    )
    assert set(Event.partners.through.objects.values_list("partner_id", flat=True)) <= partner_ids


def test_merge_service_moves_everything_and_fills_blanks(pair, linked):
    keep, duplicate = pair
    duplicate_pk = duplicate.pk
    partner_merge(actor=None, keep=keep, duplicate=duplicate)
    _assert_all_moved(keep, linked)
    keep.refresh_from_db()
    assert keep.name == "Molde Frivilligsentral"  # the kept partner's own values win
    assert keep.municipality.number == "1506"
    assert keep.organisation_number == "974760673"  # blanks filled from the duplicate
    assert keep.email == "post@molde.example"
    assert "Fra gammel liste." in keep.notes
    entry = AuditEntry.objects.get(action="network.partner.merged")
    assert entry.data["kept"] == keep.pk and entry.data["merged"] == duplicate_pk


def test_merge_through_the_pages_with_a_confirm_step(login, office_staff_midt, pair, linked):
    keep, duplicate = pair
    client = login(office_staff_midt)
    url = reverse("staff:network:partner_merge", kwargs={"pk": keep.pk})
    response = client.get(url, {"duplicate": duplicate.pk})
    assert response.status_code == 200
    assert response.context["duplicate"] == duplicate
    # Without the confirmation nothing happens.
    response = client.post(url, {"duplicate": duplicate.pk})
    assert response.status_code == 200
    assert "confirm" in response.context["form"].errors
    assert Partner.objects.filter(pk=duplicate.pk).exists()
    response = client.post(url, {"duplicate": duplicate.pk, "confirm": "on"})
    assert response.status_code == 302
    _assert_all_moved(keep, linked)


def test_another_office_partner_cannot_be_merged_via_the_page(
    login, office_staff_midt, office_nord, pair
):
    keep, _ = pair
    foreign = partner_create(
        actor=None, name="Molde frivilligsentral", kind="volunteer_centre", office=office_nord
    )
    url = reverse("staff:network:partner_merge", kwargs={"pk": keep.pk})
    client = login(office_staff_midt)
    assert client.get(url, {"duplicate": foreign.pk}).status_code == 404
    assert client.post(url, {"duplicate": foreign.pk, "confirm": "on"}).status_code == 404
    assert Partner.objects.filter(pk=foreign.pk).exists()
    # Nor can another office merge Midt's pair.
    nord = login(_staff_nord(office_nord))
    assert nord.post(url, {"duplicate": pair[1].pk, "confirm": "on"}).status_code == 404
    assert Partner.objects.count() == 3


def _staff_nord(office):
    from knutepunkt.accounts.models import Role, User

    return User.objects.create_user(
        username="nord2", password="x", role=Role.OFFICE_STAFF, office=office
    )


def test_merge_service_refuses_another_office(office_staff_midt, office_nord, pair):
    keep, _ = pair
    foreign = partner_create(actor=None, name="Fremmed", kind="other", office=office_nord)
    with pytest.raises(PermissionDenied):
        partner_merge(actor=office_staff_midt, keep=keep, duplicate=foreign)
    assert Partner.objects.filter(pk=foreign.pk).exists()


def test_merge_service_refuses_partners_of_two_offices_even_for_head_office(
    head_office_admin, office_nord, pair
):
    from django.core.exceptions import ValidationError

    keep, _ = pair
    foreign = partner_create(actor=None, name="Fremmed", kind="other", office=office_nord)
    with pytest.raises(ValidationError):
        partner_merge(actor=head_office_admin, keep=keep, duplicate=foreign)
    assert Partner.objects.filter(pk=foreign.pk).exists()


def test_coordinator_cannot_merge(login, contact_point_coordinator, pair):
    keep, duplicate = pair
    url = reverse("staff:network:partner_merge", kwargs={"pk": keep.pk})
    response = login(contact_point_coordinator).post(
        url, {"duplicate": duplicate.pk, "confirm": "on"}
    )
    assert response.status_code == 403
    assert Partner.objects.filter(pk=duplicate.pk).exists()
