"""The network admin: writes go through the services, choices stay in scope.
KP-ADMIN-SERVICES"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from knutepunkt.accounts.models import User
from knutepunkt.core.models import AuditEntry
from knutepunkt.core.tests import helpers
from knutepunkt.network.models import (
    ContactPoint,
    DistrictOffice,
    OfficeCounty,
    Partner,
    PartnerContact,
)

ADD_PARTNER = reverse("admin:network_partner_add")


def _partner_form(**fields: str) -> dict[str, str]:
    data = {
        "name": "Kristiansund frivilligsentral",
        "kind": "volunteer_centre",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def test_staff_adds_partner_in_own_office_without_choosing_it(
    office_staff_midt: User, office_nord: DistrictOffice, login: Any
) -> None:
    client = login(office_staff_midt)
    assert "office" not in client.get(ADD_PARTNER).context["adminform"].form.fields
    # Even a forged office in the POST is ignored: the field is not theirs to set.
    response = client.post(ADD_PARTNER, _partner_form(office=str(office_nord.pk)))
    assert response.status_code == 302
    partner = Partner.objects.get()
    assert partner.office == office_staff_midt.office
    entry = AuditEntry.objects.get(action="network.partner.created")
    assert entry.actor == office_staff_midt


def test_wrong_organisation_number_is_a_form_error_in_admin(
    office_staff_midt: User, login: Any
) -> None:
    response = login(office_staff_midt).post(
        ADD_PARTNER, _partner_form(organisation_number="974760674")
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "organisation_number" in errors
    assert not Partner.objects.exists()
    assert not AuditEntry.objects.exists()


def test_head_office_must_choose_office_in_admin(head_office_admin: User, login: Any) -> None:
    response = login(head_office_admin).post(ADD_PARTNER, _partner_form())
    assert response.status_code == 200
    assert "office" in response.context["adminform"].form.errors
    assert not Partner.objects.exists()


def test_contact_person_added_through_inline_goes_through_the_service(
    office_staff_midt: User, partner_molde: Partner, login: Any
) -> None:
    client = login(office_staff_midt)
    url = helpers.admin_url(partner_molde, "change")
    data = helpers.form_post_data(client.get(url))
    data.update(
        {
            "contacts-TOTAL_FORMS": "1",
            "contacts-0-name": "Kari Nordmann",
            "contacts-0-email": "kari@molde.example",
            "contacts-0-partner": str(partner_molde.pk),
        }
    )
    assert client.post(url, data).status_code == 302
    assert PartnerContact.objects.get().name == "Kari Nordmann"
    entry = AuditEntry.objects.get(action="network.partner_contact.added")
    assert entry.actor == office_staff_midt
    assert entry.data["email"] == "***"


def test_contact_point_status_edited_in_admin_writes_history(
    office_staff_midt: User, contact_point_molde: ContactPoint, login: Any
) -> None:
    response = helpers.change_via_admin(
        login(office_staff_midt), contact_point_molde, status="inactive", next_step="Ring rådmannen"
    )
    assert response.status_code == 302
    contact_point_molde.refresh_from_db()
    assert contact_point_molde.status == "inactive"
    assert contact_point_molde.next_step == "Ring rådmannen"
    change = contact_point_molde.status_changes.get()
    assert (change.from_status, change.to_status) == ("established", "inactive")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"network.contact_point.updated", "network.contact_point.status_changed"} <= actions


def test_host_choices_are_own_office_partners_only(
    office_staff_nord: User, partner_molde: Partner, login: Any
) -> None:
    nord_partner = helpers.partner(office_staff_nord.office, name="Tromsø frivilligsentral")
    form = (
        login(office_staff_nord)
        .get(reverse("admin:network_contactpoint_add"))
        .context["adminform"]
        .form
    )
    assert list(form.fields["host"].queryset) == [nord_partner]


def test_partner_autocomplete_respects_scope(
    office_staff_nord: User, partner_molde: Partner, login: Any
) -> None:
    nord_partner = helpers.partner(office_staff_nord.office, name="Tromsø frivilligsentral")
    response = login(office_staff_nord).get(
        reverse("admin:autocomplete"),
        {
            "app_label": "activity",
            "model_name": "activity",
            "field_name": "partners",
            "term": "frivillig",
        },
    )
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["results"]]
    assert ids == [str(nord_partner.pk)]


def test_staff_search_does_not_reveal_other_office_partners(
    office_staff_nord: User, partner_molde: Partner, login: Any
) -> None:
    response = login(office_staff_nord).get(
        reverse("admin:network_partner_changelist"), {"q": "Molde"}
    )
    assert list(response.context["cl"].result_list) == []


def test_office_admin_refuses_a_county_another_office_covers(
    head_office_admin: User, office_midt: DistrictOffice, office_nord: DistrictOffice, login: Any
) -> None:
    client = login(head_office_admin)
    url = helpers.admin_url(office_midt, "change")
    data = helpers.form_post_data(client.get(url))
    nordland = OfficeCounty.objects.get(county__number="18").county
    total = int(data["officecounty_set-TOTAL_FORMS"])
    data.update(
        {
            "officecounty_set-TOTAL_FORMS": str(total + 1),
            f"officecounty_set-{total}-county": str(nordland.pk),
            f"officecounty_set-{total}-office": str(office_midt.pk),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "is covered by Nordland, Troms og Finnmark" in response.content.decode()
    assert OfficeCounty.objects.get(county=nordland).office == office_nord


def test_office_staff_read_offices_but_cannot_change_them(
    office_staff_midt: User, office_midt: DistrictOffice, login: Any
) -> None:
    client = login(office_staff_midt)
    page = client.get(helpers.admin_url(office_midt, "change"))
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    response = client.post(helpers.admin_url(office_midt, "change"), {"name": "Overtatt"})
    assert response.status_code == 403
    office_midt.refresh_from_db()
    assert office_midt.name == "Møre og Romsdal og Trøndelag"
