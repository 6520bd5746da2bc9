"""Starters: consent is timestamped, records stay in their office. KP-ADMIN-SERVICES"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from knutepunkt.accounts.models import User
from knutepunkt.core.tests import helpers
from knutepunkt.network.models import DistrictOffice
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import (
    starter_create,
    starter_delete,
    starter_update,
    starter_withdraw_consent,
)


def test_consent_time_is_set_when_consent_turns_on_and_withdrawal_deletes(
    office_staff_midt: User,
) -> None:
    starter = starter_create(actor=office_staff_midt, name="Liv Igangsetter")
    assert starter.consent_given_at is None
    starter_update(actor=office_staff_midt, starter=starter, data={"consent_to_contact": True})
    starter.refresh_from_db()
    assert starter.consent_given_at is not None
    # Withdrawn consent is not an update: the record goes.
    with pytest.raises(ValidationError):
        starter_update(actor=office_staff_midt, starter=starter, data={"consent_to_contact": False})
    starter_withdraw_consent(actor=office_staff_midt, starter=starter)
    assert not Starter.objects.exists()


def test_consent_given_at_creation_is_timestamped(office_staff_midt: User) -> None:
    assert helpers.starter(office_staff_midt.office).consent_given_at is not None


def test_staff_cannot_register_starter_in_another_office(
    office_staff_midt: User, office_nord: DistrictOffice
) -> None:
    with pytest.raises(PermissionDenied):
        starter_create(actor=office_staff_midt, name="Per", office=office_nord)
    assert not Starter.objects.exists()


def test_coordinator_cannot_change_starters(
    contact_point_coordinator: User, office_midt: DistrictOffice
) -> None:
    starter = helpers.starter(office_midt)
    assert starter in Starter.objects.visible_to(contact_point_coordinator)
    with pytest.raises(PermissionDenied):
        starter_update(actor=contact_point_coordinator, starter=starter, data={"notes": "x"})
    with pytest.raises(PermissionDenied):
        starter_delete(actor=contact_point_coordinator, starter=starter)


def test_topics_and_places_are_set(office_staff_midt: User) -> None:
    from knutepunkt.conftest import municipality

    starter = starter_create(
        actor=office_staff_midt,
        name="Liv",
        topics=[helpers.topic()],
        municipalities=[municipality("1505")],
        home_municipality="1506",
    )
    assert starter.topics.count() == 1 and starter.municipalities.count() == 1
    assert starter.home_municipality is not None and starter.home_municipality.number == "1506"
