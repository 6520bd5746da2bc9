"""Partner register services. KP-ADMIN-SERVICES"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from knutepunkt.accounts.models import User
from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import DistrictOffice, Partner, PartnerContact, PartnerKind
from knutepunkt.network.services import (
    partner_contact_add,
    partner_contact_remove,
    partner_contact_update,
    partner_create,
    partner_delete,
    partner_update,
)


def _create(actor: User | None, **fields: object) -> Partner:
    defaults: dict[str, object] = {
        "name": "Kristiansund frivilligsentral",
        "kind": PartnerKind.VOLUNTEER_CENTRE,
    }
    defaults.update(fields)
    return partner_create(actor=actor, **defaults)  # type: ignore[arg-type]


def test_staff_partner_lands_in_their_own_office(office_staff_midt: User) -> None:
    partner = _create(office_staff_midt, municipality="1505", organisation_number="974 760 673")
    assert partner.office == office_staff_midt.office
    assert partner.municipality == municipality("1505")
    assert partner.organisation_number == "974760673"
    entry = AuditEntry.objects.get(action="network.partner.created")
    assert entry.actor == office_staff_midt
    assert entry.office == office_staff_midt.office
    assert entry.data["name"] == "Kristiansund frivilligsentral"


def test_staff_cannot_create_partner_in_another_office(
    office_staff_midt: User, office_nord: DistrictOffice
) -> None:
    with pytest.raises(PermissionDenied):
        _create(office_staff_midt, office=office_nord)
    assert not Partner.objects.exists()


def test_head_office_must_choose_an_office(head_office_admin: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _create(head_office_admin)
    assert "office" in excinfo.value.message_dict


def test_head_office_chooses_the_office(
    head_office_admin: User, office_nord: DistrictOffice
) -> None:
    assert _create(head_office_admin, office=office_nord).office == office_nord


def test_wrong_organisation_number_is_refused_and_nothing_saved(office_staff_midt: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _create(office_staff_midt, organisation_number="974760674")
    assert "not a valid Norwegian organisation number" in str(excinfo.value.message_dict)
    assert not Partner.objects.exists()
    assert not AuditEntry.objects.exists()


def test_unknown_municipality_number_is_a_clear_error(office_staff_midt: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _create(office_staff_midt, municipality="9999")
    assert excinfo.value.message_dict["municipality"] == ["Unknown municipality number: 9999."]
    assert not Partner.objects.exists()


def test_update_records_only_changed_fields(
    office_staff_midt: User, partner_molde: Partner
) -> None:
    partner_update(
        actor=office_staff_midt,
        partner=partner_molde,
        data={
            "name": partner_molde.name,
            "notes": "Ny leder fra mars",
            "email": "post@molde.example",
        },
    )
    partner_molde.refresh_from_db()
    assert partner_molde.notes == "Ny leder fra mars"
    entry = AuditEntry.objects.get(action="network.partner.updated")
    assert entry.data == {"notes": "Ny leder fra mars", "email": "***"}


def test_update_with_bad_organisation_number_changes_nothing(
    office_staff_midt: User, partner_molde: Partner
) -> None:
    with pytest.raises(ValidationError):
        partner_update(
            actor=office_staff_midt,
            partner=partner_molde,
            data={"organisation_number": "12345678", "notes": "x"},
        )
    partner_molde.refresh_from_db()
    assert partner_molde.notes == "" and partner_molde.organisation_number == ""


def test_staff_cannot_move_partner_to_another_office(
    office_staff_midt: User, partner_molde: Partner, office_nord: DistrictOffice
) -> None:
    with pytest.raises(PermissionDenied):
        partner_update(actor=office_staff_midt, partner=partner_molde, data={"office": office_nord})
    partner_molde.refresh_from_db()
    assert partner_molde.office.slug == "midt"


def test_head_office_moves_partner(
    head_office_admin: User, partner_molde: Partner, office_nord: DistrictOffice
) -> None:
    partner_update(actor=head_office_admin, partner=partner_molde, data={"office": office_nord})
    partner_molde.refresh_from_db()
    assert partner_molde.office == office_nord


def test_unknown_field_is_a_programming_error(
    head_office_admin: User, partner_molde: Partner
) -> None:
    with pytest.raises(TypeError):
        partner_update(actor=head_office_admin, partner=partner_molde, data={"colour": "red"})


def test_partner_hosting_a_contact_point_cannot_be_deleted(
    office_staff_midt: User, contact_point_molde: object, partner_molde: Partner
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        partner_delete(actor=office_staff_midt, partner=partner_molde)
    assert "still in use" in excinfo.value.messages[0]
    assert Partner.objects.filter(pk=partner_molde.pk).exists()
    assert not AuditEntry.objects.filter(action="network.partner.deleted").exists()


def test_partner_delete_is_logged(office_staff_midt: User, partner_molde: Partner) -> None:
    pk = partner_molde.pk
    partner_delete(actor=office_staff_midt, partner=partner_molde)
    assert not Partner.objects.exists()
    assert AuditEntry.objects.get(action="network.partner.deleted").target_id == str(pk)


def test_contact_persons_are_logged_without_personal_data(
    office_staff_midt: User, partner_molde: Partner
) -> None:
    contact = partner_contact_add(
        actor=office_staff_midt,
        partner=partner_molde,
        name="Kari Nordmann",
        email="kari.nordmann@molde.example",
        phone="+47 900 00 000",
    )
    partner_contact_update(actor=office_staff_midt, contact=contact, data={"title": "Leder"})
    partner_contact_remove(actor=office_staff_midt, contact=contact)
    assert not PartnerContact.objects.exists()
    entries = AuditEntry.objects.filter(action__startswith="network.partner_contact.")
    assert entries.count() == 3
    dump = str(list(entries.values("data", "target_repr")))
    assert "Kari" not in dump and "kari.nordmann" not in dump and "900" not in dump
