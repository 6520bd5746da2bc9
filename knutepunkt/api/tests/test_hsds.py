"""Every /api/hsds/ answer validates against the HSDS 3 schemas (draft 2020-12), and the
directory's rules hold there too."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from knutepunkt.api.ids import Kind, make, read
from knutepunkt.api.tests.conftest import SECRET_ADDRESS
from knutepunkt.api.tests.hsds_validation import errors, validator

pytestmark = pytest.mark.django_db


def fetch(client: Client, path: str, template: str) -> Any:
    response = client.get("/api/hsds" + path)
    assert response.status_code == 200, (path, response.content[:300])
    data = response.json()
    problems = errors(template, data)
    assert not problems, (path, problems[:5])
    return data


def test_validator_rejects_what_hsds_rejects() -> None:
    """The validator is real: a service without a name, or with a bad id, fails."""
    assert errors("/services/{id}", {"id": make(Kind.GROUP, 1), "status": "active"})
    assert errors("/services/{id}", {"id": "not-a-uuid", "name": "x", "status": "active"})
    assert errors("/services", {"contents": [{"id": make(Kind.GROUP, 1)}]})
    assert not errors(
        "/services/{id}", {"id": make(Kind.GROUP, 1), "name": "x", "status": "active"}
    )


def test_ids_round_trip() -> None:
    value = make(Kind.SERVICE_AT_LOCATION, 12345)
    assert read(value, Kind.SERVICE_AT_LOCATION) == 12345
    assert read(value, Kind.GROUP) is None
    assert read("6f1c1d0e-0000-4000-8000-000000000000", Kind.GROUP) is None


def test_root_and_openapi(client: Client, db: Any) -> None:
    root = fetch(client, "/", "/")
    assert root["version"].startswith("3")
    assert root["openapi_url"].endswith("/api/hsds/openapi.json")
    document = client.get("/api/hsds/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"][0]["url"].endswith("/api/hsds")


def test_every_list_and_object_validates(client: Client, directory: dict[str, Any]) -> None:
    services = fetch(client, "/services", "/services")
    assert services["total_items"] == 4  # open and forming groups only
    for item in services["contents"]:
        fetch(client, f"/services/{item['id']}", "/services/{id}")
    fetch(client, "/services?full=true", "/services")
    fetch(client, "/services?minimal=true", "/services")
    organizations = fetch(client, "/organizations", "/organizations")
    assert organizations["total_items"] >= 4  # two offices, two contact points, a host
    for item in organizations["contents"]:
        fetch(client, f"/organizations/{item['id']}", "/organizations/{id}")
        fetch(client, f"/organizations/{item['id']}?full_service=true", "/organizations/{id}")
    fetch(client, "/organizations?full_service=true", "/organizations")
    sals = fetch(client, "/service_at_locations", "/service_at_locations")
    assert sals["total_items"] == 2  # the two in-person groups
    for item in sals["contents"]:
        fetch(client, f"/service_at_locations/{item['id']}", "/service_at_locations/{id}")
    taxonomies = fetch(client, "/taxonomies", "/taxonomies")
    for item in taxonomies["contents"]:
        fetch(client, f"/taxonomies/{item['id']}", "/taxonomies/{id}")
    terms = fetch(client, "/taxonomy_terms", "/taxonomy_terms")
    for item in terms["contents"]:
        fetch(client, f"/taxonomy_terms/{item['id']}", "/taxonomy_terms/{id}")


def test_pages(client: Client, directory: dict[str, Any]) -> None:
    first = fetch(client, "/services?per_page=3", "/services")
    last = fetch(client, "/services?per_page=3&page=2", "/services")
    assert (first["total_pages"], first["size"], first["first_page"], first["last_page"]) == (
        2,
        3,
        True,
        False,
    )
    assert (last["size"], last["last_page"], last["empty"]) == (1, True, False)
    assert client.get("/api/hsds/services?page=0").status_code == 400


def test_filters(client: Client, directory: dict[str, Any]) -> None:
    terms = fetch(client, "/taxonomy_terms", "/taxonomy_terms")["contents"]
    online_term = next(t for t in terms if t["code"] == "online")
    online = fetch(client, f"/services?taxonomy_term_id={online_term['id']}", "/services")
    assert [s["name"] for s in online["contents"]] == ["Pårørendegruppe på nett"]
    molde_org = make(Kind.CONTACT_POINT, directory["weekly"].contact_point_id)
    at_molde = fetch(client, f"/services?organization_id={molde_org}", "/services")
    assert [s["name"] for s in at_molde["contents"]] == ["Angstgruppe i Molde"]
    assert fetch(client, "/services?search=telefon", "/services")["total_items"] == 1
    assert fetch(client, "/services?modified_after=2999-01-01", "/services")["empty"] is True
    assert client.get("/api/hsds/services?modified_after=yesterday").status_code == 400


def test_group_locations_are_approximate(client: Client, directory: dict[str, Any]) -> None:
    everything = json.dumps(fetch(client, "/services?full=true&per_page=500", "/services"))
    assert SECRET_ADDRESS not in everything
    sal_id = make(Kind.SERVICE_AT_LOCATION, directory["weekly"].pk)
    sal = fetch(client, f"/service_at_locations/{sal_id}", "/service_at_locations/{id}")
    assert sal["location"]["name"] == "Molde"
    assert "addresses" not in sal["location"]
    assert sal["service"]["schedules"][0]["byday"] == "TU"
    # The contact point itself is an organisation: its own address is public.
    molde_org = make(Kind.CONTACT_POINT, directory["weekly"].contact_point_id)
    org = fetch(client, f"/organizations/{molde_org}", "/organizations/{id}")
    assert org["locations"][0]["addresses"][0]["address_1"] == SECRET_ADDRESS


def test_closed_and_unknown_are_404(client: Client, directory: dict[str, Any]) -> None:
    for path in (
        f"/services/{make(Kind.GROUP, directory['closed'].pk)}",
        f"/service_at_locations/{make(Kind.SERVICE_AT_LOCATION, directory['online'].pk)}",
        "/services/not-a-uuid",
        f"/organizations/{make(Kind.OFFICE, 999999)}",
        f"/taxonomy_terms/{make(Kind.TOPIC_TERM, 999999)}",
    ):
        response = client.get("/api/hsds" + path)
        assert response.status_code == 404, path
        assert response.json()["detail"]


def test_validator_for_every_openapi_path_resolves() -> None:
    for template in (
        "/",
        "/services",
        "/services/{id}",
        "/organizations",
        "/organizations/{id}",
        "/service_at_locations",
        "/service_at_locations/{id}",
        "/taxonomies",
        "/taxonomies/{id}",
        "/taxonomy_terms",
        "/taxonomy_terms/{id}",
    ):
        validator(template).is_valid({})
