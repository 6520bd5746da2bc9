"""/api/v1/: the public directory as JSON, its filters, languages and HTTP behaviour."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

from knutepunkt.api.tests.conftest import SECRET_ADDRESS, group_ids
from knutepunkt.conftest import municipality

pytestmark = pytest.mark.django_db


def get(client: Client, path: str) -> Any:
    response = client.get(path)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_openapi_document_is_openapi_3_1(client: Client) -> None:
    document = get(client, "/api/v1/openapi.json")
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/groups" in document["paths"]
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert "429" in operation["responses"], path


def test_openapi_document_validates_as_openapi_3_1(client: Client) -> None:
    from jsonschema import Draft202012Validator

    document = get(client, "/api/v1/openapi.json")
    # The OpenAPI 3.1 base schema's essentials: every operation has responses, every
    # parameter a name, a place and a schema, every $ref resolves inside the document.
    text = json.dumps(document)
    for name in document["components"]["schemas"]:
        Draft202012Validator.check_schema(document["components"]["schemas"][name])
    for ref in {part.split('"')[0] for part in text.split('"$ref": "#/components/schemas/')[1:]}:
        assert ref in document["components"]["schemas"], ref


def test_groups_lists_only_public_groups(client: Client, directory: dict[str, Any]) -> None:
    data = get(client, "/api/v1/groups?per_page=100")
    ids = group_ids(data["items"])
    assert directory["weekly"].pk in ids
    assert directory["forming"].pk in ids
    assert directory["closed"].pk not in ids
    assert directory["ended"].pk not in ids
    assert data["count"] == len(ids) == 4
    assert SECRET_ADDRESS not in json.dumps(data)


def test_group_place_is_the_municipality_and_contact_an_organisation(
    client: Client, directory: dict[str, Any]
) -> None:
    group = get(client, f"/api/v1/groups/{directory['weekly'].pk}")
    assert group["place"]["municipality"] == {"number": "1506", "name": "Molde"}
    assert group["place"]["approximate"] is True
    assert group["contact"]["name"] == "Kontaktpunkt for selvhjelp i Molde"
    assert group["weekly"] == {
        "weekday": 1,
        "weekday_name": "tirsdag",
        "starts": "18:00",
        "ends": "19:30",
    }
    assert group["url"].endswith(f"/finn-hjelp/gruppe/{directory['weekly'].pk}/")


def test_closed_group_is_not_found(client: Client, directory: dict[str, Any]) -> None:
    response = client.get(f"/api/v1/groups/{directory['closed'].pk}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("format=online", {"online"}),
        ("format=phone", {"phone"}),
        ("format=in_person", {"weekly", "forming"}),
        ("municipality=1506", {"weekly"}),
        ("county=15", {"weekly", "forming"}),
        ("county=55", set()),
        ("target=relatives", {"online"}),
        ("topic=angst", {"weekly", "forming", "online", "phone"}),
        ("topic=sorg", set()),
        ("office=nord", {"online", "phone"}),
        ("contact_point=molde", {"weekly"}),
    ],
)
def test_group_filters(
    client: Client, directory: dict[str, Any], query: str, expected: set[str]
) -> None:
    data = get(client, f"/api/v1/groups?{query}")
    assert group_ids(data["items"]) == {directory[name].pk for name in expected}


def test_groups_near_a_point_nearest_first(client: Client, directory: dict[str, Any]) -> None:
    # Kristiansund is some 50 km from Molde: both in a 100 km circle around Molde's centre.
    centre = municipality("1506")
    molde = f"{centre.latitude:.4f},{centre.longitude:.4f}"
    data = get(client, f"/api/v1/groups?near={molde}&radius_km=100")
    assert [g["id"] for g in data["items"]] == [directory["weekly"].pk, directory["forming"].pk]
    assert data["items"][0]["distance_km"] < data["items"][1]["distance_km"]
    assert get(client, f"/api/v1/groups?near={molde}&radius_km=5")["count"] == 1


def test_invalid_parameters_are_422(client: Client) -> None:
    for query in ("near=91,10", "format=mail", "per_page=1000", "page=0", "lang=de"):
        response = client.get(f"/api/v1/groups?{query}")
        assert response.status_code == 422, query


def test_pagination(client: Client, directory: dict[str, Any]) -> None:
    first = get(client, "/api/v1/groups?per_page=3")
    second = get(client, "/api/v1/groups?per_page=3&page=2")
    assert (first["count"], first["pages"], len(first["items"]), len(second["items"])) == (
        4,
        2,
        3,
        1,
    )
    assert not group_ids(first["items"]) & group_ids(second["items"])
    assert get(client, "/api/v1/groups?per_page=3&page=9")["items"] == []


def test_both_languages(client: Client, directory: dict[str, Any]) -> None:
    path = f"/api/v1/groups/{directory['weekly'].pk}"
    english = client.get(path + "?lang=en")
    assert english["Content-Language"] == "en"
    assert english.json()["topic"]["name"] == "Anxiety"
    assert english.json()["description"] == "A group for people with anxiety."
    assert english.json()["weekly"]["weekday_name"] == "Tuesday"
    assert "/en/" in english.json()["url"]
    norwegian = client.get(path, HTTP_ACCEPT_LANGUAGE="nb-NO,nb;q=0.9")
    assert norwegian["Content-Language"] == "nb"
    assert norwegian.json()["topic"]["name"] == "Angst"
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="en-GB")["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"]


def test_etag_and_cache_headers(client: Client, directory: dict[str, Any]) -> None:
    response = client.get("/api/v1/topics")
    assert response.status_code == 200
    etag = response["ETag"]
    assert response["Cache-Control"].startswith("public, max-age=")
    again = client.get("/api/v1/topics", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_cors_open_for_reading(client: Client, directory: dict[str, Any]) -> None:
    response = client.get("/api/v1/offices", HTTP_ORIGIN="https://kommune.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/offices",
        HTTP_ORIGIN="https://kommune.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


@override_settings(KNUTEPUNKT={"PUBLIC_CACHE_SECONDS": 60, "API_RATE_LIMIT_PER_MINUTE": 3})
def test_rate_limit(client: Client, db: Any) -> None:
    statuses = [client.get("/api/v1/counties").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    blocked = client.get("/api/v1/counties")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    assert blocked.json()["detail"]


def test_contact_points_offices_and_geography(client: Client, directory: dict[str, Any]) -> None:
    points = get(client, "/api/v1/contact-points?municipality=1506")
    assert [p["slug"] for p in points["items"]] == ["molde"]
    molde = get(client, "/api/v1/contact-points/molde")
    assert molde["address"] == SECRET_ADDRESS  # an organisation's own public address
    assert molde["municipalities_served"] == [{"number": "1506", "name": "Molde"}]
    offices = get(client, "/api/v1/offices")
    assert {o["slug"] for o in offices["items"]} == {"midt", "nord"}
    midt = get(client, "/api/v1/offices/midt")
    assert [c["number"] for c in midt["counties"]] == ["15", "50"]
    assert get(client, "/api/v1/counties/15")["office"] == "midt"
    molde_municipality = get(client, "/api/v1/municipalities/1506")
    assert molde_municipality["county"]["number"] == "15"
    assert molde_municipality["office"] == "midt"
    assert get(client, "/api/v1/municipalities?q=Mold")["items"][0]["number"] == "1506"
    assert client.get("/api/v1/offices/nowhere").status_code == 404
    assert client.get("/api/v1/municipalities/0000").status_code == 404


def test_events(client: Client, directory: dict[str, Any]) -> None:
    data = get(client, "/api/v1/events?county=15")
    assert [e["slug"] for e in data["items"]] == [directory["event"].slug]
    event = data["items"][0]
    assert event["places_left"] == 20
    assert event["ics_url"].endswith(f"/arrangementer/{directory['event'].slug}/kalender.ics")
    assert get(client, "/api/v1/events?county=55")["count"] == 0
    assert get(client, "/api/v1/events?date_from=9999-12-31")["count"] == 0
    assert get(client, "/api/v1/events?near=69.65,18.96&radius_km=50")["count"] == 0
    assert get(client, f"/api/v1/events/{directory['event'].slug}")["title"]


def test_unknown_api_path_is_json_404(client: Client) -> None:
    for path in ("/api/v1/nothing", "/api/v1/groups/1/more", "/api/hsds/nothing"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json"), path


def test_docs_page_lists_operations(client: Client, db: Any) -> None:
    response = client.get("/en/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "GET /api/v1/groups" in html
    assert "/api/v1/openapi.json" in html
    assert "<script" not in html
    assert client.get("/api/").status_code == 200


def test_head_is_get_without_a_body(client: Client, directory: dict[str, Any]) -> None:
    get_response = client.get("/api/v1/topics")
    head = client.head("/api/v1/topics")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get_response["ETag"]
    assert head["Content-Length"] == str(len(get_response.content))
