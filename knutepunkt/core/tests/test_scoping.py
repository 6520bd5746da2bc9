"""Every scoped model, every way in: another office's record is invisible and uneditable.

Outcome for a record outside the user's scope in the admin: **404** on the change, delete
and history URLs (GET and POST alike), never the "doesn't exist" redirect. A model the
user may not use at all (the audit log and users, for district office staff) is a **403**.
KP-ADMIN-SERVICES
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict

from knutepunkt.accounts.models import User
from knutepunkt.accounts.services import user_update
from knutepunkt.activity.models import Activity
from knutepunkt.activity.services import activity_delete, activity_update
from knutepunkt.core.models import AuditEntry
from knutepunkt.core.tests import helpers
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.groups.services import group_set_status, group_update
from knutepunkt.network.models import ContactPoint, Partner, PartnerContact
from knutepunkt.network.services import (
    contact_point_set_status,
    contact_point_update,
    partner_contact_add,
    partner_contact_update,
    partner_delete,
    partner_update,
)
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_delete, starter_update

MODELS = [
    "partner",
    "partner_contact",
    "contact_point",
    "group",
    "starter",
    "activity",
    "audit",
    "user",
]
ADMIN_MODELS = [m for m in MODELS if m != "partner_contact"]  # contacts are a Partner inline
# Models district office staff may not open in the admin at all: a 403, not a 404.
FORBIDDEN_TO_STAFF = {"audit", "user"}


def _objects(office: Any, contact_point: ContactPoint, staff: User) -> dict[str, Any]:
    partner = helpers.partner(office, name=f"Partner {office.slug}")
    contact = partner_contact_add(
        actor=None, partner=partner, name="Kari Kontakt", email="kari@example.org"
    )
    return {
        "partner": partner,
        "partner_contact": contact,
        "contact_point": contact_point,
        "group": helpers.group(office, contact_point),
        "starter": helpers.starter(office),
        "activity": helpers.activity(office),
        "audit": AuditEntry.objects.filter(office=office).first(),
        "user": staff,
    }


@pytest.fixture
def midt(office_staff_midt: User, contact_point_molde: ContactPoint) -> dict[str, Any]:
    return _objects(office_staff_midt.office, contact_point_molde, office_staff_midt)


@pytest.fixture
def nord(office_staff_nord: User, contact_point_tromso: ContactPoint) -> dict[str, Any]:
    return _objects(office_staff_nord.office, contact_point_tromso, office_staff_nord)


def _model(obj: Any) -> Any:
    return type(obj)


# --- querysets ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", MODELS)
def test_staff_cannot_see_other_office_object_via_visible_to(
    name: str, midt: dict[str, Any], nord: dict[str, Any], office_staff_nord: User
) -> None:
    visible = _model(midt[name]).objects.visible_to(office_staff_nord)
    assert not visible.filter(pk=midt[name].pk).exists()
    if name != "audit":  # the audit log is head office's alone
        assert visible.filter(pk=nord[name].pk).exists()


@pytest.mark.parametrize("name", MODELS)
def test_head_office_sees_every_office_object(
    name: str, midt: dict[str, Any], nord: dict[str, Any], head_office_admin: User
) -> None:
    visible = _model(midt[name]).objects.visible_to(head_office_admin)
    assert visible.filter(pk__in=[midt[name].pk, nord[name].pk]).count() == 2


@pytest.mark.parametrize("name", MODELS)
def test_funder_sees_nothing_via_visible_to(
    name: str, midt: dict[str, Any], funder_viewer: User
) -> None:
    assert not _model(midt[name]).objects.visible_to(funder_viewer).exists()


def test_coordinator_sees_only_their_contact_points_groups(
    midt: dict[str, Any], nord: dict[str, Any], contact_point_coordinator: User
) -> None:
    office_group = helpers.group(midt["partner"].office)  # Midt, but no contact point
    visible = SelfHelpGroup.objects.visible_to(contact_point_coordinator)
    assert list(visible) == [midt["group"]]
    assert office_group not in visible and nord["group"] not in visible


# --- admin --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ADMIN_MODELS)
def test_staff_changelist_does_not_list_other_office_objects(
    name: str, midt: dict[str, Any], nord: dict[str, Any], office_staff_nord: User, login: Any
) -> None:
    response = login(office_staff_nord).get(helpers.admin_url(midt[name], "changelist"))
    if name in FORBIDDEN_TO_STAFF:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    listed = {obj.pk for obj in response.context["cl"].result_list}
    assert midt[name].pk not in listed
    assert nord[name].pk in listed


@pytest.mark.parametrize("name", ADMIN_MODELS)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_gets_404_for_other_office_object_and_nothing_changes(
    name: str,
    view: str,
    method: str,
    midt: dict[str, Any],
    office_staff_nord: User,
    login: Any,
) -> None:
    obj = midt[name]
    before = model_to_dict(obj)
    client = login(office_staff_nord)
    url = helpers.admin_url(obj, view)
    data = {"name": "Overtatt", "title": "Overtatt", "post": "yes", "status": "inactive"}
    response = client.post(url, data) if method == "post" else client.get(url)
    expected = 403 if name in FORBIDDEN_TO_STAFF else 404
    assert response.status_code == expected
    obj.refresh_from_db()
    assert model_to_dict(obj) == before


@pytest.mark.parametrize("name", ADMIN_MODELS)
def test_head_office_opens_every_office_object_in_admin(
    name: str, midt: dict[str, Any], head_office_admin: User, login: Any
) -> None:
    response = login(head_office_admin).get(helpers.admin_url(midt[name], "change"))
    assert response.status_code == 200


def test_coordinator_admin_lists_only_their_groups_and_404s_others(
    midt: dict[str, Any], nord: dict[str, Any], contact_point_coordinator: User, login: Any
) -> None:
    client = login(contact_point_coordinator)
    response = client.get(helpers.admin_url(midt["group"], "changelist"))
    assert [g.pk for g in response.context["cl"].result_list] == [midt["group"].pk]
    assert client.get(helpers.admin_url(nord["group"], "change")).status_code == 404
    assert client.get(helpers.admin_url(midt["group"], "change")).status_code == 200
    # Their own contact point: view only.
    own = client.get(helpers.admin_url(midt["contact_point"], "change"))
    assert own.status_code == 200
    assert own.context["has_change_permission"] is False
    assert client.get(helpers.admin_url(midt["partner"], "change")).status_code == 403


def test_funder_is_sent_to_login_by_the_admin(funder_viewer: User, login: Any) -> None:
    response = login(funder_viewer).get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_funder_marked_staff_still_gets_no_admin_model(
    funder_viewer: User, midt: dict[str, Any], login: Any
) -> None:
    funder_viewer.is_staff = True
    funder_viewer.save(update_fields=["is_staff"])
    client = login(funder_viewer)
    assert client.get("/admin/").context["app_list"] == []
    for name in ADMIN_MODELS:
        assert client.get(helpers.admin_url(midt[name], "changelist")).status_code == 403


@pytest.mark.parametrize("name", ADMIN_MODELS)
def test_anonymous_is_redirected_to_login(name: str, midt: dict[str, Any], client: Any) -> None:
    response = client.get(helpers.admin_url(midt[name], "change"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_needs_no_django_permission_rows(office_staff_nord: User, login: Any) -> None:
    assert not office_staff_nord.user_permissions.exists()
    app_list = login(office_staff_nord).get("/admin/").context["app_list"]
    models = {m["object_name"] for app in app_list for m in app["models"]}
    assert {"Partner", "ContactPoint", "SelfHelpGroup", "Starter", "Activity"} <= models
    assert not models & {"User", "AuditEntry"}


# --- services -----------------------------------------------------------------------------

SERVICE_CALLS = {
    "partner_update": lambda a, o: partner_update(
        actor=a, partner=o["partner"], data={"notes": "x"}
    ),
    "partner_delete": lambda a, o: partner_delete(actor=a, partner=o["partner"]),
    "partner_contact_update": lambda a, o: partner_contact_update(
        actor=a, contact=o["partner_contact"], data={"title": "x"}
    ),
    "contact_point_update": lambda a, o: contact_point_update(
        actor=a, contact_point=o["contact_point"], data={"next_step": "x"}
    ),
    "contact_point_set_status": lambda a, o: contact_point_set_status(
        actor=a, contact_point=o["contact_point"], status="inactive"
    ),
    "group_update": lambda a, o: group_update(actor=a, group=o["group"], data={"title": "x"}),
    "group_set_status": lambda a, o: group_set_status(actor=a, group=o["group"], status="ended"),
    "starter_update": lambda a, o: starter_update(
        actor=a, starter=o["starter"], data={"notes": "x"}
    ),
    "starter_delete": lambda a, o: starter_delete(actor=a, starter=o["starter"]),
    "activity_update": lambda a, o: activity_update(
        actor=a, activity=o["activity"], data={"title": "x"}
    ),
    "activity_delete": lambda a, o: activity_delete(actor=a, activity=o["activity"]),
    "user_update": lambda a, o: user_update(actor=a, user=o["user"], data={"first_name": "x"}),
}


@pytest.mark.parametrize("service", SERVICE_CALLS)
def test_staff_cannot_write_other_office_object_through_services(
    service: str, midt: dict[str, Any], office_staff_nord: User
) -> None:
    counts = {m: m.objects.count() for m in (Partner, PartnerContact, Starter, Activity)}
    entries = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        SERVICE_CALLS[service](office_staff_nord, midt)
    assert {m: m.objects.count() for m in counts} == counts
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("service", SERVICE_CALLS)
def test_own_office_staff_may_use_the_service(
    service: str, midt: dict[str, Any], office_staff_midt: User, head_office_admin: User
) -> None:
    # The same calls succeed for the right person, so the denial above is about scope.
    actor = head_office_admin if service == "user_update" else office_staff_midt
    SERVICE_CALLS[service](actor, midt)
