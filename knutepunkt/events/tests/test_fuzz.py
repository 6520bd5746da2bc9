"""Whatever arrives in the calendar's query string or the sign-up form, the answer is a
page (200, or a redirect after a sign-up), never a server error."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knutepunkt.events.models import Registration

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text without surrogates (they cannot be sent in a URL or form at all).
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
param_value = st.one_of(
    text,
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["15", "55", "abc", "2026-13-45", "<script>", "open_meeting", "-1", ""]),
)


@pytest.fixture
def fuzz_event(make_event):
    # Made once per test; every generated example reuses it (and fills it up).
    return make_event(capacity=3)


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["county", "kind", "date_from", "date_to", "page", "other"]),
        param_value,
        max_size=5,
    )
)
def test_calendar_never_fails(client, fuzz_event, params):
    response = client.get("/arrangementer/?" + urlencode(params))
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</header>", 1)[-1]


@FUZZ
@given(name=text, email=st.one_of(text, st.emails().map(str)), phone=text)
def test_sign_up_form_never_fails(client, fuzz_event, name, email, phone):
    event = fuzz_event
    before = Registration.objects.count()
    response = client.post(event.get_absolute_url(), {"name": name, "email": email, "phone": phone})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Registration.objects.count() == before
        assert b"error-summary" in response.content
