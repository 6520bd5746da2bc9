"""User management is head office's; the role decides access. KP-ADMIN-SERVICES"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from knutepunkt.accounts.models import Role, User
from knutepunkt.accounts.services import user_create, user_update
from knutepunkt.core.models import AuditEntry
from knutepunkt.network.models import ContactPoint, DistrictOffice


def test_head_office_creates_office_staff(
    head_office_admin: User, office_midt: DistrictOffice
) -> None:
    user = user_create(
        actor=head_office_admin,
        username="nyansatt",
        role=Role.OFFICE_STAFF,
        office=office_midt,
        email="ny@selvhjelp.example",
        password="et langt og godt passord",
    )
    assert user.is_staff and user.check_password("et langt og godt passord")
    entry = AuditEntry.objects.get(action="accounts.user.created")
    assert entry.data["email"] == "***" and entry.data["username"] == "***"


def test_funder_never_gets_admin_access(head_office_admin: User) -> None:
    user = user_create(actor=head_office_admin, username="hdir", role=Role.FUNDER)
    assert not user.is_staff and not user.has_usable_password()


@pytest.mark.parametrize(
    ("role", "link", "field"),
    [
        (Role.OFFICE_STAFF, None, "office"),
        (Role.CONTACT_POINT, None, "contact_point"),
        (Role.FUNDER, "office", "office"),
        (Role.HEAD_OFFICE, "contact_point", "contact_point"),
        ("", None, "role"),
    ],
)
def test_role_must_match_its_link(
    head_office_admin: User,
    office_midt: DistrictOffice,
    contact_point_molde: ContactPoint,
    role: str,
    link: str | None,
    field: str,
) -> None:
    links: dict[str, Any] = {}
    if link == "office":
        links["office"] = office_midt
    if link == "contact_point":
        links["contact_point"] = contact_point_molde
    with pytest.raises(ValidationError) as excinfo:
        user_create(actor=head_office_admin, username="feil", role=role, **links)
    assert field in excinfo.value.message_dict
    assert not User.objects.filter(username="feil").exists()


def test_office_staff_cannot_manage_users(
    office_staff_midt: User, office_midt: DistrictOffice
) -> None:
    with pytest.raises(PermissionDenied):
        user_create(
            actor=office_staff_midt, username="x", role=Role.OFFICE_STAFF, office=office_midt
        )
    with pytest.raises(PermissionDenied):
        user_update(actor=office_staff_midt, user=office_staff_midt, data={"first_name": "x"})


def test_role_change_updates_admin_access(head_office_admin: User, office_staff_midt: User) -> None:
    user_update(
        actor=head_office_admin, user=office_staff_midt, data={"role": Role.FUNDER, "office": None}
    )
    office_staff_midt.refresh_from_db()
    assert office_staff_midt.role == Role.FUNDER and not office_staff_midt.is_staff


def test_head_office_cannot_lock_themselves_out(head_office_admin: User) -> None:
    with pytest.raises(ValidationError):
        user_update(actor=head_office_admin, user=head_office_admin, data={"is_active": False})


def test_head_office_adds_user_in_admin(
    head_office_admin: User, office_nord: DistrictOffice, login: Any
) -> None:
    response = login(head_office_admin).post(
        reverse("admin:accounts_user_add"),
        {
            "username": "tromso",
            "usable_password": "true",
            "password1": "et langt og godt passord",
            "password2": "et langt og godt passord",
            "role": Role.OFFICE_STAFF,
            "office": str(office_nord.pk),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="tromso")
    assert user.office == office_nord and user.is_staff
    assert AuditEntry.objects.get(action="accounts.user.created").actor == head_office_admin


def test_admin_shows_role_errors_as_form_errors(head_office_admin: User, login: Any) -> None:
    response = login(head_office_admin).post(
        reverse("admin:accounts_user_add"),
        {
            "username": "uten-kontor",
            "usable_password": "false",
            "role": Role.OFFICE_STAFF,
        },
    )
    assert response.status_code == 200
    assert "office" in response.context["adminform"].form.errors
    assert not User.objects.filter(username="uten-kontor").exists()


def test_users_admin_is_head_office_only(
    office_staff_midt: User, contact_point_coordinator: User, login: Any
) -> None:
    for user in (office_staff_midt, contact_point_coordinator):
        assert login(user).get(reverse("admin:accounts_user_changelist")).status_code == 403
