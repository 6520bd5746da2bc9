from __future__ import annotations

import datetime
import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from knutepunkt.conftest import municipality
from knutepunkt.events.models import EventKind, Registration, RegistrationStatus
from knutepunkt.events.services import event_cancel, registration_cancel, registration_create
from knutepunkt.events.tests.conftest import in_days, past_event

pytestmark = pytest.mark.django_db

CANCEL_LINK = re.compile(r"https?://[^\s]+/arrangementer/avmelding/[^\s/]+/")


def post_sign_up(client: Client, event, **data: str):
    payload = {"name": "Kari Nordmann", "email": "kari@example.org", "phone": ""}
    payload.update(data)
    return client.post(event.get_absolute_url(), payload)


# --- Event page and sign-up -----------------------------------------------------------------


def test_event_page_shows_facts_places_and_form(client, make_event):
    event = make_event(capacity=12, description="Velkommen, alle!")
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert event.title in html
    assert "Molde bibliotek" in html
    assert "12" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="email"' in html


def test_event_page_date_is_norwegian_in_bokmal(client, make_event):
    event = make_event(starts_at=datetime.datetime(2031, 3, 4, 17, 0, tzinfo=datetime.UTC))
    with translation.override("nb"):
        url = event.get_absolute_url()  # the default (bokmål) page, unprefixed
    assert not url.startswith("/en/")
    html = client.get(url).content.decode()
    # 17:00 UTC is 18:00 in Oslo in March (CET).
    assert "4. mars 2031" in html
    assert "18:00" in html


def test_non_public_event_page_is_404(client, make_event):
    event = make_event(is_public=False)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_sign_up_through_the_page_confirms_and_sends_e_mail(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_sign_up(client, event)
    assert response.status_code == 302
    result = client.get(response["Location"])
    assert result.status_code == 200
    assert "You are signed up" in result.content.decode()
    assert "e-mail" in result.content.decode()
    assert mail.outbox[0].to == ["kari@example.org"]
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_sign_up_when_full_says_waiting_list_with_position(client, make_event):
    event = make_event(capacity=1)
    registration_create(event=event, name="A", email="a@example.org")
    registration_create(event=event, name="B", email="b@example.org")
    page = client.get(event.get_absolute_url()).content.decode()
    assert "waiting list" in page
    response = post_sign_up(client, event)
    html = client.get(response["Location"]).content.decode()
    assert "You are on the waiting list" in html
    assert "number 2" in html


def test_sign_up_in_english_stores_the_language(client, make_event):
    event = make_event()
    with translation.override("en"):
        url = event.get_absolute_url()
    assert url.startswith("/en/")
    response = client.post(url, {"name": "Ola", "email": "ola@example.org"})
    assert response.status_code == 302
    assert Registration.objects.get().language == "en"


def test_invalid_email_gives_accessible_form_error(client, make_event):
    event = make_event()
    response = post_sign_up(client, event, email="not-an-address")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html
    match = re.search(r"<input[^>]*name=\"email\"[^>]*>", html)
    assert match is not None
    email_input = match.group(0)
    assert 'aria-invalid="true"' in email_input
    assert "id_email_error" in email_input
    assert 'id="id_email_error"' in html
    assert not Registration.objects.exists()


def test_duplicate_email_through_the_page_shows_message(client, make_event):
    event = make_event()
    registration_create(event=event, name="Kari", email="kari@example.org")
    response = post_sign_up(client, event)
    assert response.status_code == 200
    assert "already signed up" in response.content.decode()
    assert Registration.objects.count() == 1


def test_past_event_page_says_over_and_refuses_sign_up(client, make_event):
    event = past_event(make_event(), days_ago=2)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "This event is over" in html
    assert 'name="email"' not in html
    response = post_sign_up(client, event)
    assert response.status_code == 200
    assert "This event is over" in response.content.decode()
    assert not Registration.objects.exists()


def test_cancelled_event_page_says_cancelled(client, make_event):
    event = event_cancel(event=make_event(), actor=None)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "has been cancelled" in html
    assert 'name="email"' not in html


def test_closed_sign_up_says_so(client, make_event):
    event = make_event(signup_opens_at=in_days(-5), signup_closes_at=in_days(-1))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Sign-up for this event has closed" in html


def test_full_event_without_waiting_list_says_full(client, make_event):
    event = make_event(capacity=1, has_waiting_list=False)
    registration_create(event=event, name="A", email="a@example.org")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "no waiting list" in html


def test_json_ld_is_valid_with_the_right_start(client, make_event, office_midt):
    event = make_event(
        title='Møte </script><script>alert("x")</script>',
        starts_at=datetime.datetime(2031, 3, 4, 17, 0, tzinfo=datetime.UTC),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.starts_at
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["addressLocality"] == "Molde"
    assert office_midt.name in data["organizer"]["name"]
    assert "<script>alert" not in html


def test_json_ld_for_online_event_has_virtual_location(client, make_event):
    event = make_event(online=True, municipality=None)
    html = client.get(event.get_absolute_url()).content.decode()
    match = re.search(r'ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    assert data["location"]["@type"] == "VirtualLocation"


# --- The cancel link ------------------------------------------------------------------------


def test_cancel_link_in_e_mail_asks_on_get_and_cancels_on_post(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(event=event, name="Kari", email="kari@example.org")
        waiting = registration_create(event=event, name="Ola", email="ola@example.org")
    match = CANCEL_LINK.search(str(mail.outbox[0].body))
    assert match is not None
    link = match.group(0)
    path = link.split("//", 1)[1].split("/", 1)[1]
    path = "/" + path

    response = client.get(path)
    assert response.status_code == 200
    assert "Yes, cancel my sign-up" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED  # GET never cancels

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 200
    waiting.refresh_from_db()
    assert not type(registration).objects.filter(pk=registration.pk).exists()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[0].to == ["ola@example.org"]

    again = client.get(path)
    assert "already cancelled" in again.content.decode()


def test_cancel_needs_csrf(make_event):
    from knutepunkt.events.tokens import cancel_token

    event = make_event()
    registration = registration_create(event=event, name="Kari", email="kari@example.org")
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(reverse("events:cancel", args=[cancel_token(registration)]))
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize(
    "token", ["garbage", "eyJyIjoxLCJlIjoxfQ:1abcde:forgedsignature", "a" * 300, "%00"]
)
def test_forged_or_broken_cancel_token_is_a_friendly_404(client, make_event, token):
    event = make_event()
    registration = registration_create(event=event, name="Kari", email="kari@example.org")
    # A raw path (not reverse(), which would quote the token); the English page, since the
    # message is asserted in English.
    path = f"/en/arrangementer/avmelding/{token}/"
    response = client.get(path)
    assert response.status_code == 404
    assert "The link does not work" in response.content.decode()
    assert "incomplete, has been changed, or is too old" in response.content.decode()
    assert client.post(path).status_code == 404
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_result_token_cannot_cancel(client, make_event):
    from knutepunkt.events.tokens import result_token

    registration = registration_create(event=make_event(), name="K", email="k@example.org")
    response = client.post(reverse("events:cancel", args=[result_token(registration)]))
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancel_link_of_a_sign_up_that_is_gone_says_so(client, make_event):
    """A cancelled sign-up is deleted; a second click (or a click after the sign-ups of a
    past event were deleted) says so. A link whose event is gone too is 404."""
    from knutepunkt.events.services import registration_purge_for_past_events
    from knutepunkt.events.tokens import cancel_token, result_token

    event = make_event()
    registration = registration_create(event=event, name="K", email="k@example.org")
    token = cancel_token(registration)
    registration_cancel(registration=registration)
    response = client.get(reverse("events:cancel", args=[token]))
    assert response.status_code == 200
    assert "already cancelled" in response.content.decode()
    assert client.post(reverse("events:cancel", args=[token])).status_code == 200
    result = client.get(reverse("events:registered", args=[result_token(registration)]))
    assert "has been cancelled" in result.content.decode()

    later = registration_create(event=event, name="L", email="l@example.org")
    past_event(event, days_ago=40)
    registration_purge_for_past_events()
    page = client.get(reverse("events:cancel", args=[cancel_token(later)])).content.decode()
    assert "sign-ups for it have been deleted" in page

    gone = registration_create(event=make_event(title="Borte"), name="M", email="m@example.org")
    token = cancel_token(gone)
    type(event).objects.filter(pk=gone.event_id).delete()
    response = client.get(reverse("events:cancel", args=[token]))
    assert response.status_code == 404
    assert "could not find" in response.content.decode()


# --- The calendar ---------------------------------------------------------------------------


@pytest.fixture
def calendar(make_event, office_nord):
    return {
        "molde": make_event(title="Møte i Molde", starts_at=in_days(5)),
        "tromso": make_event(
            title="Igangsetteropplæring i Tromsø",
            kind=EventKind.STARTER_TRAINING,
            office=office_nord,
            municipality=municipality("5501"),
            starts_at=in_days(40),
        ),
        "hidden": make_event(title="Internt planmøte", is_public=False),
        "cancelled": event_cancel(event=make_event(title="Avlyst seminar"), actor=None),
        "past": past_event(make_event(title="Gammelt møte"), days_ago=3),
    }


def titles(response) -> set[str]:
    html = response.content.decode()
    return set(re.findall(r'<h3(?: lang="nb")?><a href="[^"]+">([^<]+)</a></h3>', html))


def test_calendar_lists_public_upcoming_not_cancelled(client, calendar):
    response = client.get(reverse("events:list"))
    assert response.status_code == 200
    assert titles(response) == {"Møte i Molde", "Igangsetteropplæring i Tromsø"}


def test_calendar_filters_by_county(client, calendar):
    assert titles(client.get("/arrangementer/?county=55")) == {"Igangsetteropplæring i Tromsø"}
    assert titles(client.get("/arrangementer/?county=15")) == {"Møte i Molde"}


def test_calendar_filters_by_type(client, calendar):
    response = client.get("/arrangementer/?kind=starter_training")
    assert titles(response) == {"Igangsetteropplæring i Tromsø"}


def test_calendar_filters_by_date_range(client, calendar):
    day = (in_days(5)).date().isoformat()
    assert titles(client.get(f"/arrangementer/?date_from={day}&date_to={day}")) == {"Møte i Molde"}
    later = in_days(20).date().isoformat()
    assert titles(client.get(f"/arrangementer/?date_from={later}")) == {
        "Igangsetteropplæring i Tromsø"
    }


def test_calendar_empty_state_is_clear(client, calendar):
    response = client.get(f"{reverse('events:list')}?county=03")
    assert response.status_code == 200
    assert "No upcoming events match your choices" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "county=abc",
        "date_from=2026-13-45",
        "kind=<script>alert(1)</script>",
        "date_from=0001-01-01",
        "date_to=9999-12-31",
        "date_from=2030-05-01&date_to=2030-04-01",
        "page=-1",
        "page=999999999999999999",
        "county=15&county=55",
    ],
)
def test_bad_calendar_filters_give_200_with_a_message(client, calendar, query):
    response = client.get(f"/arrangementer/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    if "page" not in query and "county=15&" not in query:
        assert "error-summary" in html


def test_calendar_pages(client, make_event):
    for n in range(25):
        make_event(title=f"Møte {n:02d}", starts_at=in_days(2 + n))
    first = client.get("/arrangementer/?kind=open_meeting")
    assert len(titles(first)) == 20
    assert "page=2" in first.content.decode()
    second = client.get("/arrangementer/?kind=open_meeting&page=2")
    assert len(titles(second)) == 5


def test_calendar_shows_new_event_at_once(client, make_event, django_capture_on_commit_callbacks):
    make_event(title="Første")
    client.get("/arrangementer/")
    assert titles(client.get("/arrangementer/")) == {"Første"}  # served from the cache
    with django_capture_on_commit_callbacks(execute=True):
        make_event(title="Andre")
    assert titles(client.get("/arrangementer/")) == {"Første", "Andre"}


def test_calendar_query_count_does_not_grow(client, make_event, django_assert_max_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/arrangementer/").status_code == 200
        return len(ctx.captured_queries)

    make_event(title="En")
    few = count_queries()
    for n in range(10):
        make_event(title=f"Flere {n}", municipality=municipality("5501"))
    assert count_queries() == few
    with django_assert_max_num_queries(few):
        cache.clear()
        client.get("/arrangementer/")
