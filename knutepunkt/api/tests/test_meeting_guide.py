"""/api/meeting-guide.json: the Meeting Guide format, without any meeting address."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from knutepunkt.api.meeting_guide import meeting_guide_day
from knutepunkt.api.tests.conftest import SECRET_ADDRESS

pytestmark = pytest.mark.django_db


def feed(client: Client, query: str = "") -> list[dict[str, Any]]:
    response = client.get("/api/meeting-guide.json" + query)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert isinstance(data, list)
    return data


def test_items_have_the_documented_fields(client: Client, directory: dict[str, Any]) -> None:
    items = feed(client)
    assert items
    slugs = [item["slug"] for item in items]
    assert len(slugs) == len(set(slugs))
    for item in items:
        assert item["name"] and item["slug"]
        assert item["day"] in range(7)
        assert re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", item["time"])
        assert item["timezone"] == "Europe/Oslo"
        assert "C" in item["types"]
        assert item["approximate"] == "yes"
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", item["updated"])
        assert item["url"].startswith("http")
        assert item["entity"]


def test_weekly_open_groups_only(client: Client, directory: dict[str, Any]) -> None:
    slugs = {item["slug"] for item in feed(client)}
    expected = {f"group-{directory[name].pk}" for name in ("weekly", "online", "phone")}
    assert slugs == expected  # not the forming, closed or ended groups


def test_no_closed_group_street_address(client: Client, directory: dict[str, Any]) -> None:
    """The closed group and the open one both meet at a contact point with a street
    address: neither the address nor the closed group reaches the feed."""
    text = json.dumps(feed(client), ensure_ascii=False)
    assert SECRET_ADDRESS not in text
    assert "Lukket gruppe" not in text
    weekly = next(i for i in feed(client) if i["slug"] == f"group-{directory['weekly'].pk}")
    assert weekly["location"] == "Molde"
    assert weekly["regions"] == ["Møre og Romsdal", "Molde"]
    assert "address" not in weekly
    assert weekly["day"] == 2  # Tuesday: Meeting Guide counts from Sunday
    assert (weekly["time"], weekly["end_time"]) == ("18:00", "19:30")
    assert weekly["entity"] == "Kontaktpunkt for selvhjelp i Molde"
    assert weekly["entity_phone"] == "71 11 11 11"


def test_online_and_phone_groups_go_through_an_organisation(
    client: Client, directory: dict[str, Any]
) -> None:
    items = {i["slug"]: i for i in feed(client)}
    online = items[f"group-{directory['online'].pk}"]
    assert "ONL" in online["types"]
    assert online["conference_url"] == online["url"]  # the group's page, not its link
    assert online["day"] == 0  # Sunday
    phone = items[f"group-{directory['phone'].pk}"]
    assert phone["day"] == 1  # Monday
    assert "conference_url" not in phone


def test_english(client: Client, directory: dict[str, Any]) -> None:
    items = feed(client, "?lang=en")
    assert all("/en/" in item["url"] for item in items)


def test_day_numbering() -> None:
    assert [meeting_guide_day(d) for d in range(7)] == [1, 2, 3, 4, 5, 6, 0]
