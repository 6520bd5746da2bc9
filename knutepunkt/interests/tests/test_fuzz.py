"""Whatever arrives in the interest form, its query string or the status link, the answer
is a page (200, a redirect, 404 for a dead link or 429 when rate limited), never a 500."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knutepunkt.conftest import municipality
from knutepunkt.interests.testing import make_interest, make_topic
from knutepunkt.interests.tests.helpers import english  # noqa: F401
from knutepunkt.interests.tokens import status_token

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
value = st.one_of(
    text,
    st.sampled_from(["1506", "Molde", "Herøy", "7", "email", "phone", "in_person", "on", ""]),
    st.integers(-5, 10**12).map(str),
)
FIELDS = [
    "topic",
    "municipality",
    "for_whom",
    "formats",
    "contact_method",
    "email",
    "phone",
    "alias",
    "consent",
    "website",
    "pow_challenge",
    "pow_solution",
    "human_check",
    "action",
]


@pytest.fixture
def topic(office_midt: Any) -> Any:
    return make_topic()


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["topic", "kommune", "x"]), value, max_size=3))
def test_form_query_string_never_fails(client: Any, topic: Any, params: dict) -> None:
    response = client.get("/interesse/?" + urlencode(params))
    assert response.status_code == 200


@FUZZ
@given(data=st.dictionaries(st.sampled_from(FIELDS), value, max_size=len(FIELDS)))
def test_form_post_never_fails(client: Any, topic: Any, data: dict) -> None:
    response = client.post("/interesse/", data)
    assert response.status_code in (200, 302, 429)


@FUZZ
@given(token=text, data=st.dictionaries(st.sampled_from(FIELDS), value, max_size=8))
def test_status_link_never_fails(client: Any, topic: Any, token: str, data: dict) -> None:
    path = (
        f"/interesse/status/{quote(token, safe='')}/"
        if token.strip("/.")
        else "/interesse/status/x/"
    )
    response = client.post(path, data)
    assert response.status_code in (200, 404)


@FUZZ
@given(data=st.dictionaries(st.sampled_from(FIELDS), value, max_size=len(FIELDS)))
def test_change_form_never_fails(client: Any, topic: Any, data: dict) -> None:
    interest = make_interest(municipality=municipality("1505"), topic=topic)
    data = {**data, "action": "change"}
    response = client.post(f"/interesse/status/{status_token(interest)}/", data)
    assert response.status_code == 200
