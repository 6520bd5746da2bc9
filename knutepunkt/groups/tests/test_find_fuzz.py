"""Whatever arrives in the query string, the finder and the typeahead answer 200 or 400,
never a server error (the test client re-raises any exception a view lets through)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knutepunkt.groups.models import GroupStatus
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.network.models import ContactPoint

# Paths spelled out: a request in English leaves English active, which reverse() would follow.
FIND = "/finn-hjelp/"
TYPEAHEAD = "/finn-hjelp/kommuner.json"

NASTY = [
    "",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e999",
    "-1e999",
    "1e-999",
    "0x10",
    "../../",
    "../../etc/passwd",
    "\x00",
    "a\x00b",
    "%00",
    "Molde\x00",
    "'; DROP TABLE groups_selfhelpgroup; --",
    "<script>alert(1)</script>",
    "å" * 5000,
    "9" * 400,
    "1506" * 3,
    "Herøy (",
    "(()))",
    "🙂🙃",
    "\u202e\u200b\ufeff",
    " ",
    "angst & | ! :* ' \\",
]

value = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
params = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(("q", "sted", "kommune", "lat", "lon"), value),
)


@pytest.fixture
def finder_data(contact_point_molde: ContactPoint) -> None:
    topic = topic_create(actor=None, slug="angst", name_nb="Angst", name_en="Anxiety")
    group_create(
        actor=None,
        topic=topic,
        contact_point=contact_point_molde,
        municipality="1506",
        status=GroupStatus.OPEN,
        title="Angstgruppe Molde",
    )


def _query_string(data: dict[str, str]) -> str:
    return "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in data.items())


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=params, english=st.booleans())
def test_find_page_never_fails_on_any_input(
    client: Client, finder_data: None, data: dict[str, str], english: bool
) -> None:
    cache.clear()
    prefix = "/en" if english else ""
    response = client.get(f"{prefix}{FIND}?{_query_string(data)}")
    assert response.status_code in (200, 400)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=value)
def test_typeahead_never_fails_on_any_input(client: Client, db: Any, text: str) -> None:
    response = client.get(f"{TYPEAHEAD}?q={quote(text, safe='')}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert isinstance(response.json(), list)
        assert len(response.json()) <= 10


@pytest.mark.parametrize(
    "raw",
    [
        "q=%ff%fe&sted=%c3",
        "lat=nan&lon=nan",
        "lat=1e999&lon=1",
        "lat=69.65",
        "kommune=../../",
        "kommune=9999",
        "q=angst&q=sorg&sted=Molde&sted=Tromsø",
        "sted=" + "x" * 5000,
        "q=a%00b",
    ],
)
def test_find_page_handles_broken_query_strings(
    client: Client, finder_data: None, raw: str
) -> None:
    response = client.get(f"{FIND}?{raw}")
    assert response.status_code in (200, 400)


def test_bad_position_gives_a_clear_message(client: Client, finder_data: None) -> None:
    response = client.get(f"/en{FIND}", {"q": "angst", "lat": "nan", "lon": "1"})
    assert response.status_code == 200
    assert "We could not search with what was entered" in response.content.decode()


def test_unknown_municipality_number_falls_back_to_the_typed_name(
    client: Client, finder_data: None
) -> None:
    response = client.get(FIND, {"q": "angst", "kommune": "9999", "sted": "Molde"})
    assert "Angstgruppe Molde" in response.content.decode()
