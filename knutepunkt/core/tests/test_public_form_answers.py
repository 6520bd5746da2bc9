"""How the public site answers what it cannot use, the same way on every public form:

- a form that fails validation answers **200** with the form again, the error summary on
  top and each field marked (Django's convention; the browser shows a page, not an error);
- a link that leads nowhere (a broken, changed or unknown token) answers **404**, on GET and
  POST alike, for sign-ups and interests;
- a page that only shows something refuses POST with **405**."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from knutepunkt.conftest import municipality
from knutepunkt.events.models import EventKind
from knutepunkt.events.services import event_create, registration_create
from knutepunkt.events.tokens import cancel_token
from knutepunkt.interests.testing import make_interest, make_topic
from knutepunkt.interests.tokens import status_token

pytestmark = pytest.mark.django_db

LANGUAGE_PREFIXES = ["", "/nn", "/en"]


@pytest.fixture
def event(office_midt: Any) -> Any:
    starts = timezone.now() + datetime.timedelta(days=10)
    return event_create(
        actor=None,
        title="Åpent møte om selvhjelp",
        kind=EventKind.OPEN_MEETING,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        office=office_midt,
        municipality=municipality("1506"),
        venue="Molde bibliotek",
    )


def assert_form_again(response: Any) -> None:
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html
    assert 'aria-invalid="true"' in html


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_invalid_sign_up_answers_200_with_the_form(client: Client, event: Any, prefix: str):
    path = f"{prefix}/arrangementer/{event.slug}/"
    response = client.post(path, {"email": "ikke-en-adresse"})
    assert_form_again(response)
    assert not event.registrations.exists()


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_invalid_interest_answers_200_with_the_form(client: Client, prefix: str, db: Any):
    make_topic()
    response = client.post(f"{prefix}/interesse/", {"topic": "x", "municipality": "\x00"})
    assert_form_again(response)


def test_invalid_interest_change_answers_200_with_the_form(
    client: Client, contact_point_molde: Any
) -> None:
    interest = make_interest(municipality=municipality("1506"))
    path = f"/interesse/status/{status_token(interest)}/"
    response = client.post(path, {"action": "change", "contact_method": "email", "email": "x"})
    assert_form_again(response)


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES)
def test_links_that_lead_nowhere_answer_404_on_get_and_post(
    client: Client, event: Any, contact_point_molde: Any, prefix: str
) -> None:
    registration = registration_create(event=event, name="Kari", email="kari@example.org")
    interest = make_interest(municipality=municipality("1506"))
    broken = [
        "/arrangementer/avmelding/not-a-token/",
        f"/arrangementer/avmelding/{cancel_token(registration)[:-3]}xyz/",
        "/arrangementer/pamelding/not-a-token/",
        "/interesse/status/not-a-token/",
        f"/interesse/status/{status_token(interest)[:-3]}xyz/",
        "/interesse/takk/not-a-token/",
    ]
    for path in broken:
        assert client.get(prefix + path).status_code == 404, path
        assert client.post(prefix + path).status_code in (404, 405), path
    registration.delete()
    gone = f"{prefix}/arrangementer/avmelding/{cancel_token(registration)}/"
    assert client.get(gone).status_code == 404
    assert client.post(gone).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/om/",
        "/om/personvern/",
        "/kart/",
        "/kontorer/",
        "/kommune/",
        "/kommune/1506/",
        "/arrangementer/",
        "/finn-hjelp/",
        "/statistikk/",
        "/arrangementer/kalender.ics",
    ],
)
def test_pages_that_only_show_refuse_post(client: Client, path: str, db: Any) -> None:
    assert client.post(path).status_code == 405
    assert client.get(path).status_code == 200
