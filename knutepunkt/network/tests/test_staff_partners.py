"""The partner register in the staff workspace: list, search, create with duplicate
warnings, edit, contact persons, history, and office scoping."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import Partner, PartnerContact, PartnerKind
from knutepunkt.network.services import partner_contact_add, partner_create
from knutepunkt.staff.network.selectors import names_look_alike

# The staff pages in English (/en/...), like reverse() inside the tests and the messages
# the tests assert.
with translation.override("en"):
    LIST = reverse("staff:network:partner_list")
    CREATE = reverse("staff:network:partner_create")


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Kristiansund frivilligsentral",
        "kind": PartnerKind.VOLUNTEER_CENTRE,
        "municipality": "Kristiansund",
        "organisation_number": "",
        "website": "",
        "email": "",
        "phone": "",
        "notes": "",
    }
    data.update(overrides)
    return data


def _url(name: str, partner: Partner, **extra: Any) -> str:
    return reverse(f"staff:network:{name}", kwargs={"pk": partner.pk, **extra})


# --- List, search, filters -------------------------------------------------------------


def test_office_staff_sees_only_their_office_partners(login, office_staff_midt, office_nord):
    partner_create(
        actor=None,
        name="Molde frivilligsentral",
        kind="volunteer_centre",
        office=office_staff_midt.office,
        municipality="1506",
    )
    partner_create(
        actor=None,
        name="Tromsø frivilligsentral",
        kind="volunteer_centre",
        office=office_nord,
        municipality="5501",
    )
    response = login(office_staff_midt).get(LIST)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Molde frivilligsentral" in response.content.decode()
    assert "Tromsø frivilligsentral" not in response.content.decode()


def test_search_and_filters_narrow_the_list(login, office_staff_midt):
    office = office_staff_midt.office
    partner_create(actor=None, name="NAV Molde", kind="nav", office=office, municipality="1506")
    partner_create(
        actor=None,
        name="Frisklivssentralen Ålesund",
        kind="healthy_life_centre",
        office=office,
        municipality="1508",
    )
    partner_create(actor=None, name="Trondheim LMS", kind="lms", office=office, municipality="5001")
    client = login(office_staff_midt)

    def names(params: dict[str, str]) -> set[str]:
        partners = client.get(LIST, params).context["partners"]
        return {p.name for p in partners}

    assert names({"q": "nav"}) == {"NAV Molde"}
    assert names({"kind": "healthy_life_centre"}) == {"Frisklivssentralen Ålesund"}
    assert names({"municipality": "1506"}) == {"NAV Molde"}
    trondelag = municipality("5001").county
    assert names({"county": str(trondelag.pk)}) == {"Trondheim LMS"}


def test_unknown_municipality_filter_is_a_form_error_not_a_500(login, office_staff_midt):
    response = login(office_staff_midt).get(LIST, {"municipality": "Atlantis"})
    assert response.status_code == 200
    assert "We do not know the municipality" in response.content.decode()


def test_list_query_count_does_not_grow_with_rows(
    login, office_staff_midt, django_assert_max_num_queries
):
    office = office_staff_midt.office
    client = login(office_staff_midt)

    def make(n: int, start: int) -> None:
        for i in range(start, start + n):
            p = partner_create(
                actor=None,
                name=f"Partner {i}",
                kind="other",
                office=office,
                municipality="1506" if i % 2 else "1505",
            )
            partner_contact_add(actor=None, partner=p, name=f"Kontakt {i}")

    make(3, 0)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    make(27, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert len(response.context["partners"]) == 30


def test_a_large_register_comes_in_pages_that_keep_the_search(login, office_staff_midt):
    from knutepunkt.web.pagination import PER_PAGE

    office = office_staff_midt.office
    for i in range(PER_PAGE + 4):
        partner_create(actor=None, name=f"Lag {i:03d}", kind="other", office=office)
    partner_create(actor=None, name="NAV Molde", kind="nav", office=office)
    client = login(office_staff_midt)
    first = client.get(LIST, {"q": "Lag"})
    html = first.content.decode()
    assert f"{PER_PAGE + 4} partners" in html and len(first.context["partners"]) == PER_PAGE
    assert "NAV Molde" not in html
    assert 'href="?q=Lag&amp;page=2" rel="next"' in html
    second = client.get(LIST, {"q": "Lag", "page": "2"})
    assert len(second.context["partners"]) == 4


def test_coordinator_and_funder_cannot_open_the_register(
    login, contact_point_coordinator, funder_viewer
):
    assert login(contact_point_coordinator).get(LIST).status_code == 403
    assert login(funder_viewer).get(LIST).status_code == 403


# --- Create, validation, duplicates -----------------------------------------------------


def test_staff_creates_a_partner_in_their_own_office(login, office_staff_midt):
    response = login(office_staff_midt).post(
        CREATE, _form(organisation_number="974 760 673", municipality="1505")
    )
    partner = Partner.objects.get(name="Kristiansund frivilligsentral")
    assert response.status_code == 302
    assert response["Location"] == _url("partner_detail", partner)
    assert partner.office == office_staff_midt.office
    assert partner.organisation_number == "974760673"
    assert partner.municipality is not None and partner.municipality.number == "1505"
    assert AuditEntry.objects.filter(action="network.partner.created").count() == 1


def test_municipality_can_be_typed_by_name_with_county(login, office_staff_midt):
    login(office_staff_midt).post(CREATE, _form(municipality="Herøy (Møre og Romsdal)"))
    found = Partner.objects.get().municipality
    assert found is not None and found.number == "1515"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation_number", "974760674", "not a valid Norwegian organisation number"),
        ("organisation_number", "12345", "not a valid Norwegian organisation number"),
        ("municipality", "Atlantis", "We do not know the municipality"),
        ("municipality", "Herøy", "Several municipalities match"),
        ("email", "not-an-address", "Enter a valid email address"),
        ("kind", "spaceship", "Select a valid choice"),
        ("name", "", "This field is required"),
    ],
)
def test_bad_input_gives_form_errors(login, office_staff_midt, field, value, message):
    response = login(office_staff_midt).post(CREATE, _form(**{field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    if field in ("organisation_number", "municipality"):  # our own messages
        assert message in response.content.decode()
    assert not Partner.objects.exists()


def test_same_organisation_number_is_warned_and_needs_confirmation(login, office_staff_midt):
    office = office_staff_midt.office
    partner_create(
        actor=None,
        name="Noe helt annet",
        kind="other",
        office=office,
        organisation_number="974760673",
    )
    client = login(office_staff_midt)
    response = client.post(CREATE, _form(organisation_number="974760673"))
    assert response.status_code == 200
    assert [hit.name for hit in response.context["duplicates"]] == ["Noe helt annet"]
    assert "Create anyway" in response.content.decode()
    assert Partner.objects.count() == 1

    response = client.post(CREATE, _form(organisation_number="974760673", confirm_duplicate="on"))
    assert response.status_code == 302
    assert Partner.objects.count() == 2


def test_similar_name_in_same_municipality_is_warned(login, office_staff_midt):
    partner_create(
        actor=None,
        name="Molde Frivilligsentral",
        kind="volunteer_centre",
        office=office_staff_midt.office,
        municipality="1506",
    )
    response = login(office_staff_midt).post(
        CREATE, _form(name="Molde frivillig-sentral", municipality="Molde")
    )
    assert response.status_code == 200
    assert [hit.reason for hit in response.context["duplicates"]] == ["similar_name"]
    assert Partner.objects.count() == 1


def test_same_name_in_another_municipality_is_not_warned(login, office_staff_midt):
    partner_create(
        actor=None,
        name="Molde Frivilligsentral",
        kind="volunteer_centre",
        office=office_staff_midt.office,
        municipality="1506",
    )
    response = login(office_staff_midt).post(
        CREATE, _form(name="Molde Frivilligsentral", municipality="Kristiansund")
    )
    assert response.status_code == 302
    assert Partner.objects.count() == 2


def test_another_office_partner_is_never_a_duplicate(login, office_staff_midt, office_nord):
    partner_create(
        actor=None,
        name="Molde Frivilligsentral",
        kind="volunteer_centre",
        office=office_nord,
        municipality="1506",
        organisation_number="974760673",
    )
    response = login(office_staff_midt).post(
        CREATE,
        _form(name="Molde Frivilligsentral", municipality="1506", organisation_number="974760673"),
    )
    assert response.status_code == 302


def test_name_similarity_rules():
    assert names_look_alike("Molde Frivilligsentral", "Molde frivillig-sentral")
    assert names_look_alike("Frivilligsentralen i Molde AS", "Frivilligsentralen i Molde")
    assert names_look_alike("Ålesund frivilligsentral", "Alesund Frivilligsentral")
    assert not names_look_alike("Molde frivilligsentral", "Molde frisklivssentral")
    assert not names_look_alike("NAV Molde", "NAV Kristiansund")


def test_list_shows_possible_duplicates_panel(login, office_staff_midt):
    office = office_staff_midt.office
    a = partner_create(
        actor=None,
        name="Molde Frivilligsentral",
        kind="volunteer_centre",
        office=office,
        municipality="1506",
    )
    b = partner_create(
        actor=None,
        name="Molde frivillig-sentral",
        kind="volunteer_centre",
        office=office,
        municipality="1506",
    )
    partner_create(
        actor=None,
        name="Molde frisklivssentral",
        kind="healthy_life_centre",
        office=office,
        municipality="1506",
    )
    pairs = login(office_staff_midt).get(LIST).context["duplicates"]
    assert [(p.first_id, p.second_id) for p in pairs] in ([(a.pk, b.pk)], [(b.pk, a.pk)])


# --- Detail, edit, contact persons ------------------------------------------------------


def test_detail_shows_history_with_the_partner(
    login, office_staff_midt, partner_molde, contact_point_molde
):
    activity = Activity.objects.create(
        office=office_staff_midt.office,
        date=datetime.date(2024, 3, 1),
        kind=ActivityKind.PARTNER_MEETING,
        title="Møte med frivilligsentralen",
    )
    activity.partners.add(partner_molde)
    response = login(office_staff_midt).get(_url("partner_detail", partner_molde))
    assert response.status_code == 200
    history = response.context["history"]
    assert history.activities == [activity]
    assert history.hosted_contact_points == [contact_point_molde]
    assert "Møte med frivilligsentralen" in response.content.decode()


def test_edit_saves_through_the_service(login, office_staff_midt, partner_molde):
    response = login(office_staff_midt).post(
        _url("partner_edit", partner_molde),
        _form(name="Molde frivilligsentral", municipality="1506", phone="71 11 11 11"),
    )
    assert response.status_code == 302
    partner_molde.refresh_from_db()
    assert partner_molde.phone == "71 11 11 11"
    assert AuditEntry.objects.filter(action="network.partner.updated").count() == 1


def test_edit_does_not_warn_about_the_partner_itself(login, office_staff_midt, partner_molde):
    response = login(office_staff_midt).post(
        _url("partner_edit", partner_molde),
        _form(name="Molde frivilligsentral", municipality="1506"),
    )
    assert response.status_code == 302


def test_contact_persons_are_added_edited_and_removed(login, office_staff_midt, partner_molde):
    client = login(office_staff_midt)
    response = client.post(
        _url("partner_contact_add", partner_molde),
        {"name": "Kari Nordmann", "title": "Daglig leder", "email": "kari@example.org"},
    )
    assert response.status_code == 302
    contact = PartnerContact.objects.get(partner=partner_molde)
    response = client.post(
        _url("partner_contact_edit", partner_molde, contact_pk=contact.pk),
        {"name": "Kari Nordmann", "title": "Leder", "email": "kari@example.org", "phone": ""},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.title == "Leder"
    response = client.post(_url("partner_contact_remove", partner_molde, contact_pk=contact.pk))
    assert response.status_code == 302
    assert not PartnerContact.objects.exists()
    # Personal data never lands in the audit log.
    assert "Kari" not in str(list(AuditEntry.objects.values_list("data", "target_repr")))


def test_invalid_contact_person_is_a_form_error(login, office_staff_midt, partner_molde):
    response = login(office_staff_midt).post(
        _url("partner_contact_add", partner_molde), {"name": "", "email": "nope"}
    )
    assert response.status_code == 400
    assert set(response.context["contact_form"].errors) == {"name", "email"}
    assert not PartnerContact.objects.exists()


# --- Another office: 404 everywhere, database unchanged --------------------------------


def test_other_office_gets_404_on_every_partner_url(login, office_staff_nord, partner_molde):
    contact = partner_contact_add(actor=None, partner=partner_molde, name="Kari")
    client = login(office_staff_nord)
    for name in ("partner_detail", "partner_edit", "partner_merge"):
        assert client.get(_url(name, partner_molde)).status_code == 404, name
    assert client.post(_url("partner_edit", partner_molde), _form(name="Hacked")).status_code == 404
    assert client.post(_url("partner_contact_add", partner_molde), {"name": "X"}).status_code == 404
    kwargs = {"contact_pk": contact.pk}
    assert client.get(_url("partner_contact_edit", partner_molde, **kwargs)).status_code == 404
    assert (
        client.post(
            _url("partner_contact_edit", partner_molde, **kwargs), {"name": "X"}
        ).status_code
        == 404
    )
    assert client.post(_url("partner_contact_remove", partner_molde, **kwargs)).status_code == 404
    partner_molde.refresh_from_db()
    assert partner_molde.name == "Molde frivilligsentral"
    assert list(PartnerContact.objects.values_list("name", flat=True)) == ["Kari"]


def test_contact_of_another_partner_is_404(login, office_staff_midt, partner_molde):
    other = partner_create(actor=None, name="Annen", kind="other", office=office_staff_midt.office)
    contact = partner_contact_add(actor=None, partner=other, name="Ola")
    url = _url("partner_contact_remove", partner_molde, contact_pk=contact.pk)
    assert login(office_staff_midt).post(url).status_code == 404
    assert PartnerContact.objects.filter(pk=contact.pk).exists()


def test_head_office_chooses_the_office(login, head_office_admin, office_nord):
    response = login(head_office_admin).post(CREATE, _form(office=str(office_nord.pk)))
    assert response.status_code == 302
    assert Partner.objects.get().office == office_nord
