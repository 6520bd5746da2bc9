"""/api/v1/staff/: an office's tools read its own activities and events and log activities
through the same service as the workspace; scopes and offices are enforced."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from knutepunkt.activity.models import Activity
from knutepunkt.activity.services import activity_create
from knutepunkt.core.models import AuditEntry
from knutepunkt.tokens.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(office_staff_midt: Any) -> dict[str, str]:
    office = office_staff_midt.office
    _t, everything = api_token_create(
        actor=office_staff_midt,
        office=office,
        name="all",
        scopes=["activities:read", "activities:write", "events:read"],
    )
    _t, events_only = api_token_create(
        actor=office_staff_midt, office=office, name="events", scopes=["events:read"]
    )
    return {"all": everything, "events": events_only}


def auth(key: str) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_reads_only_its_own_office(
    client: Client, keys: dict[str, str], office_staff_midt: Any, office_staff_nord: Any
) -> None:
    mine = activity_create(
        actor=office_staff_midt, date=datetime.date(2025, 3, 1), kind="stand", title="Stand"
    )
    theirs = activity_create(
        actor=office_staff_nord, date=datetime.date(2025, 3, 2), kind="stand", title="Nord"
    )
    data = client.get("/api/v1/staff/activities", **auth(keys["all"])).json()
    assert [a["id"] for a in data["items"]] == [mine.pk]
    assert (
        client.get(f"/api/v1/staff/activities/{theirs.pk}", **auth(keys["all"])).status_code == 404
    )
    response = client.get("/api/v1/staff/activities", **auth(keys["all"]))
    assert response["Cache-Control"] == "private, no-store"
    assert "Access-Control-Allow-Origin" not in response


def test_no_token_or_wrong_scope(client: Client, keys: dict[str, str]) -> None:
    assert client.get("/api/v1/staff/activities").status_code == 401
    assert client.get("/api/v1/staff/activities", **auth("kp_wrong")).status_code == 401
    denied = client.get("/api/v1/staff/activities", **auth(keys["events"]))
    assert denied.status_code == 403
    assert "activities:read" in denied.json()["detail"]
    assert client.get("/api/v1/staff/events", **auth(keys["events"])).status_code == 200


def test_creates_an_activity_through_the_service(
    client: Client, keys: dict[str, str], office_staff_midt: Any
) -> None:
    payload = {
        "date": "2025-05-04",
        "kind": "own_event",
        "title": "Informasjonsmøte på Frisklivssentralen",
        "municipality": "1506",
        "participants": 14,
        "office_tasks": [1, 3],
    }
    response = client.post(
        "/api/v1/staff/activities", payload, content_type="application/json", **auth(keys["all"])
    )
    assert response.status_code == 201, response.content
    activity = Activity.objects.get()
    assert activity.office == office_staff_midt.office
    assert activity.created_by == office_staff_midt
    assert activity.municipality is not None and activity.municipality.number == "1506"
    assert sorted(t.number for t in activity.office_tasks.all()) == [1, 3]
    assert response.json()["participants"] == 14
    assert AuditEntry.objects.filter(action="activity.activity.created").exists()
    assert AuditEntry.objects.filter(action="tokens.token.used").exists()


def test_write_needs_the_write_scope_and_valid_data(client: Client, keys: dict[str, str]) -> None:
    payload = {"date": "2025-05-04", "kind": "own_event", "title": "X"}
    denied = client.post(
        "/api/v1/staff/activities", payload, content_type="application/json", **auth(keys["events"])
    )
    assert denied.status_code == 403
    bad = client.post(
        "/api/v1/staff/activities",
        {**payload, "municipality": "0000", "office_tasks": [9]},
        content_type="application/json",
        **auth(keys["all"]),
    )
    assert bad.status_code == 400
    assert not Activity.objects.exists()
    invalid = client.post(
        "/api/v1/staff/activities",
        {**payload, "participants": -1},
        content_type="application/json",
        **auth(keys["all"]),
    )
    assert invalid.status_code == 422
