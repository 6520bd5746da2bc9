"""The API's list and detail answers never load municipality outlines with their rows (see
knutepunkt.core.testing.OutlineJoins): a page of 100 groups must not move megabytes."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from knutepunkt.core.testing import OutlineJoins
from knutepunkt.core.tests.public_data import build_public_site

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/topics",
    "/api/v1/groups",
    "/api/v1/contact-points",
    "/api/v1/offices",
    "/api/v1/municipalities",
    "/api/v1/counties",
    "/api/v1/events",
    "/api/hsds/services",
    "/api/hsds/organizations",
    "/api/hsds/service_at_locations",
    "/api/hsds/taxonomy_terms",
    "/api/meeting-guide.json",
    "/apne-data/",
    "/api/v1/groups?municipality=1506",
    "/api/v1/municipalities/1506",
    "/api/v1/counties/15",
]


def test_no_api_answer_joins_outlines_in(client: Any, reference_data: Any) -> None:
    build_public_site()
    answered = []
    with connection.execute_wrapper(outlines := OutlineJoins()):
        for path in PATHS:
            response = client.get(path)
            answered.append((path, response.status_code))
    assert [a for a in answered if a[1] != 200] == []
    assert outlines.queries == []
