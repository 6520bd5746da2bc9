"""Events over several dated sessions: one sign-up books all, the public page and the
.ics list them, staff edit them in a formset, and attendance is recorded per session."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from knutepunkt.activity.models import Activity
from knutepunkt.events.calendar import event_calendar, event_uid
from knutepunkt.events.models import Event, EventKind, EventSession, QuestionKind
from knutepunkt.events.services import (
    SessionInput,
    event_update,
    registration_create,
)
from knutepunkt.events.tests.conftest import in_days
from knutepunkt.events.tests.test_staff_events import CREATE, form_data
from knutepunkt.starters.models import Starter
from knutepunkt.workflows.attendance import event_record_attendance

pytestmark = pytest.mark.django_db

HOURS = datetime.timedelta(hours=6)


def two_days(start: datetime.datetime) -> list[SessionInput]:
    second = start + datetime.timedelta(days=1)
    return [
        SessionInput(starts_at=start, ends_at=start + HOURS),
        SessionInput(starts_at=second, ends_at=second + HOURS, venue_note="Rom 2"),
    ]


def two_day_event(make_event, **overrides) -> Event:
    start = in_days(10, hour=10)
    return make_event(
        title="Igangsetteropplæring",
        kind=EventKind.STARTER_TRAINING,
        starts_at=start,
        sessions=two_days(start),
        **overrides,
    )


def move_into_past(event: Event, *, days_ago: int = 3) -> Event:
    """Shift the event and its sessions so that all of them are over."""
    shift = event.starts_at - (timezone.now() - datetime.timedelta(days=days_ago))
    for session in event.sessions.all():
        EventSession.objects.filter(pk=session.pk).update(
            starts_at=session.starts_at - shift, ends_at=session.ends_at - shift
        )
    Event.objects.filter(pk=event.pk).update(
        starts_at=event.starts_at - shift, ends_at=event.ends_at - shift
    )
    event.refresh_from_db()
    return event


# --- Services ----------------------------------------------------------------------------


def test_event_with_sessions_spans_them(make_event):
    event = two_day_event(make_event)
    sessions = event.session_list()
    assert len(sessions) == 2
    assert event.starts_at == sessions[0].starts_at
    assert event.ends_at == sessions[1].ends_at
    assert sessions[1].venue_note == "Rom 2"


def test_event_without_sessions_is_its_own_single_session(make_event):
    event = make_event()
    (session,) = event.session_list()
    assert session.pk is None
    assert (session.starts_at, session.ends_at) == (event.starts_at, event.ends_at)
    assert not EventSession.objects.exists()


def test_overlapping_sessions_are_refused(make_event):
    start = in_days(10, hour=10)
    with pytest.raises(ValidationError):
        make_event(
            starts_at=start,
            sessions=[
                SessionInput(starts_at=start, ends_at=start + HOURS),
                SessionInput(starts_at=start + datetime.timedelta(hours=1), ends_at=start + HOURS),
            ],
        )


def test_update_keeps_sessions_by_id_removes_and_collapses(make_event):
    event = two_day_event(make_event)
    first, second = event.session_list()
    third_start = second.starts_at + datetime.timedelta(days=7)
    event_update(
        event=event,
        actor=None,
        sessions=[
            SessionInput(starts_at=first.starts_at, ends_at=first.ends_at, pk=first.pk),
            SessionInput(starts_at=third_start, ends_at=third_start + HOURS),
        ],
    )
    event.refresh_from_db()
    kept, added = event.session_list()
    assert kept.pk == first.pk
    assert not EventSession.objects.filter(pk=second.pk).exists()
    assert event.ends_at == added.ends_at
    event_update(
        event=event,
        actor=None,
        sessions=[SessionInput(starts_at=first.starts_at, ends_at=first.ends_at, pk=first.pk)],
    )
    event.refresh_from_db()
    assert not event.sessions.exists()
    assert event.ends_at == first.ends_at


def test_one_signup_books_every_session(make_event):
    event = two_day_event(make_event, capacity=1)
    registration_create(event=event, name="Anne", email="anne@example.org")
    assert event.registrations.count() == 1  # no row per session


# --- Calendar ----------------------------------------------------------------------------


def test_ics_has_one_vevent_per_session(make_event):
    event = two_day_event(make_event)
    calendar = icalendar.Calendar.from_ical(event_calendar(event, url="https://example.org/"))
    vevents = calendar.walk("VEVENT")
    sessions = event.session_list()
    assert [v.decoded("DTSTART") for v in vevents] == [s.starts_at for s in sessions]
    assert len({str(v["UID"]) for v in vevents}) == 2
    assert "Rom 2" in str(vevents[1]["LOCATION"])
    assert "(session 2 of 2)" in str(vevents[1]["SUMMARY"])


def test_single_session_ics_is_unchanged(make_event):
    event = make_event()
    calendar = icalendar.Calendar.from_ical(event_calendar(event, url="https://example.org/"))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == event_uid(event)
    assert str(vevent["SUMMARY"]) == event.title


def test_feed_has_one_vevent_per_session(client, make_event):
    two_day_event(make_event)
    make_event(title="Åpent møte")
    body = client.get(reverse("events:ical")).content.decode()
    assert body.count("BEGIN:VEVENT") == 3


def test_public_page_lists_the_sessions(client, make_event):
    event = two_day_event(make_event)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'class="event-sessions"' in page
    assert page.count("<li><time") == 2
    assert "Rom 2" in page


# --- Staff form --------------------------------------------------------------------------


def sessions_data(rows: list[dict[str, str]], initial: int = 0) -> dict[str, str]:
    data = {
        "sessions-TOTAL_FORMS": str(len(rows)),
        "sessions-INITIAL_FORMS": str(initial),
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "9",
    }
    for index, row in enumerate(rows):
        data.update({f"sessions-{index}-{key}": value for key, value in row.items()})
    return data


def test_staff_create_a_two_day_event_in_the_form(login, office_staff_midt):
    data = form_data(starts_at="2031-05-04T10:00", ends_at="2031-05-04T16:00")
    data.update(
        sessions_data(
            [{"starts_at": "2031-05-05T10:00", "ends_at": "2031-05-05T15:00", "venue_note": "B"}]
        )
    )
    response = login(office_staff_midt).post(CREATE, data)
    assert response.status_code == 302
    event = Event.objects.get()
    first, second = event.session_list()
    assert timezone.localtime(first.starts_at).hour == 10 and second.venue_note == "B"
    assert timezone.localtime(event.ends_at).day == 5


def test_add_session_button_adds_a_row_without_saving(login, office_staff_midt):
    data = form_data(title="")  # half-filled: no error shown yet
    data.update(sessions_data([{"starts_at": "2031-05-05T10:00", "ends_at": "2031-05-05T15:00"}]))
    data["add_session"] = "1"
    response = login(office_staff_midt).post(CREATE, data)
    assert response.status_code == 200
    assert not Event.objects.exists()
    assert response.context["sessions"].total_form_count() == 2
    assert not response.context["form"].errors
    page = response.content.decode()
    assert 'value="2031-05-05T10:00"' in page
    assert "Session 3" in page


def test_staff_remove_a_session_in_the_form(login, office_staff_midt, make_event):
    event = two_day_event(make_event)
    first, second = event.session_list()
    client = login(office_staff_midt)
    edit = reverse("staff:events:event_edit", args=[event.pk])
    form = client.get(edit).context["form"]
    assert form.initial["ends_at"] == first.ends_at  # the event's own fields: session 1
    data = form_data(
        title=event.title,
        kind=event.kind,
        starts_at=timezone.localtime(first.starts_at).strftime("%Y-%m-%dT%H:%M"),
        ends_at=timezone.localtime(first.ends_at).strftime("%Y-%m-%dT%H:%M"),
        capacity="",
    )
    data.update(
        sessions_data(
            [
                {
                    "id": str(second.pk),
                    "starts_at": timezone.localtime(second.starts_at).strftime("%Y-%m-%dT%H:%M"),
                    "ends_at": timezone.localtime(second.ends_at).strftime("%Y-%m-%dT%H:%M"),
                    "DELETE": "on",
                },
                {},
            ],
            initial=1,
        )
    )
    response = client.post(edit, data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert not event.sessions.exists()
    assert event.ends_at == first.ends_at


def test_other_office_cannot_open_the_event_form(login, office_staff_nord, make_event):
    event = two_day_event(make_event)
    client = login(office_staff_nord)
    assert client.get(reverse("staff:events:event_edit", args=[event.pk])).status_code == 404


# --- Attendance per session --------------------------------------------------------------


def _training_with_two(make_event):
    event = two_day_event(make_event)
    consent = event.questions.get(kind=QuestionKind.STARTER_CONSENT)
    both = registration_create(
        event=event, name="Begge Dager", email="begge@example.org", answers={consent.pk: True}
    )
    one = registration_create(
        event=event, name="Bare Dag En", email="en@example.org", answers={consent.pk: True}
    )
    return move_into_past(event), both, one


def test_starter_trained_only_after_every_session(make_event, office_staff_midt):
    event, both, one = _training_with_two(make_event)
    first, second = event.session_list()
    result = event_record_attendance(
        event=event,
        attended_count=2,
        session_attendance={first.pk: [both.pk, one.pk], second.pk: [both.pk]},
        actor=office_staff_midt,
    )
    both.refresh_from_db()
    one.refresh_from_db()
    assert both.attended is True
    assert one.attended is False
    assert set(one.attended_sessions.all()) == {first}
    assert [starter.email for starter in result.starters] == ["begge@example.org"]
    assert Starter.objects.count() == 1
    activity = Activity.objects.get(event=event)
    assert activity.participants == 2
    assert activity.date == timezone.localdate(first.starts_at)
    assert activity.end_date == timezone.localdate(second.ends_at)


def test_session_attendance_counts_each_person_once(make_event, office_staff_midt):
    event, both, one = _training_with_two(make_event)
    first, second = event.session_list()
    with pytest.raises(ValidationError):
        event_record_attendance(
            event=event,
            attended_count=1,
            session_attendance={first.pk: [both.pk, one.pk], second.pk: [both.pk]},
            actor=office_staff_midt,
        )


def test_a_session_not_started_cannot_have_attendees(make_event, office_staff_midt):
    event = two_day_event(make_event)
    anne = registration_create(event=event, name="Anne", email="anne@example.org")
    # Day one is over, day two is ahead.
    first, second = event.session_list()
    shift = first.ends_at - (timezone.now() - datetime.timedelta(hours=1))
    EventSession.objects.filter(pk=first.pk).update(
        starts_at=first.starts_at - shift, ends_at=first.ends_at - shift
    )
    Event.objects.filter(pk=event.pk).update(starts_at=first.starts_at - shift)
    event.refresh_from_db()
    event_record_attendance(
        event=event, attended_count=1, session_attendance={first.pk: [anne.pk]}, actor=None
    )
    with pytest.raises(ValidationError) as error:
        event_record_attendance(
            event=event,
            attended_count=1,
            session_attendance={first.pk: [anne.pk], second.pk: [anne.pk]},
            actor=None,
        )
    assert error.value.code == "session_not_started"


def test_staff_attendance_page_has_a_checkbox_per_person_per_session(
    login, office_staff_midt, make_event
):
    event, both, one = _training_with_two(make_event)
    first, second = event.session_list()
    client = login(office_staff_midt)
    url = reverse("staff:events:event_attendance", args=[event.pk])
    page = client.get(url).content.decode()
    for registration in (both, one):
        for session in (first, second):
            assert f'id="attended-{session.pk}-{registration.pk}"' in page
    response = client.post(
        url,
        {
            "attended_count": "2",
            f"session_{first.pk}": [both.pk, one.pk],
            f"session_{second.pk}": [both.pk],
        },
    )
    assert response.status_code == 302
    assert Starter.objects.get().email == "begge@example.org"
    page = client.get(url).content.decode()
    assert f'id="attended-{second.pk}-{both.pk}" checked' in page
    assert f'id="attended-{second.pk}-{one.pk}" checked' not in page


def test_other_office_gets_404_on_the_attendance_page(login, office_staff_nord, make_event):
    event, _both, _one = _training_with_two(make_event)
    url = reverse("staff:events:event_attendance", args=[event.pk])
    client = login(office_staff_nord)
    assert client.get(url).status_code == 404
    assert client.post(url, {"attended_count": "1"}).status_code == 404


def test_export_has_a_column_per_session(make_event, office_staff_midt):
    from knutepunkt.events import exports

    event, both, one = _training_with_two(make_event)
    first, second = event.session_list()
    event_record_attendance(
        event=event,
        attended_count=2,
        session_attendance={first.pk: [both.pk, one.pk], second.pk: [both.pk]},
        actor=office_staff_midt,
    )
    header, *rows = exports.rows(event)
    column = header.index(next(h for h in header if h.startswith("Attended session 2")))
    assert {row[0]: row[column] for row in rows} == {"Begge Dager": "Yes", "Bare Dag En": "No"}
