from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from knutepunkt.public.interests import abuse

REGISTER_URL = "/interesse/"


def valid_data(topic: Any, /, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "topic": topic.pk,
        "municipality": "Molde",
        "for_whom": "affected",
        "formats": ["in_person", "online"],
        "contact_method": "email",
        "email": "ola.nordmann@example.org",
        "phone": "",
        "alias": "Ola",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def solved(client: Client) -> dict[str, str]:
    """Open the form and do the proof of work, as the script would."""
    response = client.get(reverse("interests:register"))
    challenge = response.context["challenge"]
    return {
        "pow_challenge": challenge.token,
        "pow_solution": abuse.solve(challenge.nonce, challenge.bits),
    }


def post_interest(client: Client, topic: Any, /, **overrides: Any) -> Any:
    data = valid_data(topic, **solved(client))
    data.update(overrides)
    return client.post(reverse("interests:register"), data)


@pytest.fixture
def english() -> Any:
    """Pages (reverse() gives /en/ URLs) and e-mails in English, so the assertions hold
    whatever the bokmål translation says."""
    with translation.override("en"):
        yield
