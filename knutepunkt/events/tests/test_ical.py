from __future__ import annotations

import datetime

import pytest

from knutepunkt.conftest import municipality
from knutepunkt.events.ical import CalendarEvent, build_calendar, escape_text, fold, format_utc
from knutepunkt.events.services import event_cancel
from knutepunkt.events.tests.conftest import past_event

UTC = datetime.UTC


def unfold(body: str) -> list[str]:
    """Parse an iCalendar body into logical lines, checking the physical rules on the way."""
    assert body.endswith("\r\n")
    physical = body[:-2].split("\r\n")
    logical: list[str] = []
    for line in physical:
        assert "\n" not in line and "\r" not in line, "bare line break"
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def vevents(body: str) -> list[dict[str, str]]:
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(body):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def test_escape_text_escapes_specials():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("x\r\ny") == "x\\ny"


def test_fold_keeps_lines_within_75_octets_and_unfolds_back():
    line = "DESCRIPTION:" + "æøå " * 60
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line


def test_fold_leaves_short_lines_alone():
    assert fold("SUMMARY:kort") == "SUMMARY:kort"


def test_format_utc_converts_and_refuses_naive():
    oslo = datetime.timezone(datetime.timedelta(hours=1))
    assert format_utc(datetime.datetime(2030, 1, 2, 18, 0, tzinfo=oslo)) == "20300102T170000Z"
    with pytest.raises(ValueError):
        format_utc(datetime.datetime(2030, 1, 2, 18, 0))


def test_build_calendar_structure():
    start = datetime.datetime(2030, 1, 2, 17, 0, tzinfo=UTC)
    body = build_calendar(
        [
            CalendarEvent(
                uid="event-1@example.org",
                start=start,
                end=start + datetime.timedelta(hours=2),
                stamp=start,
                summary="Møte, med komma; og semikolon",
                description="Linje 1\nLinje 2 " + "lang tekst " * 20,
                location="Storgata 1, Molde",
                url="https://example.org/arrangementer/mote/",
                cancelled=True,
            )
        ],
        name="Test",
    )
    lines = unfold(body)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    [event] = vevents(body)
    assert event["SUMMARY"] == "Møte\\, med komma\\; og semikolon"
    assert event["DTSTART"] == "20300102T170000Z"
    assert event["DTEND"] == "20300102T190000Z"
    assert event["LOCATION"] == "Storgata 1\\, Molde"
    assert event["DESCRIPTION"].startswith("Linje 1\\nLinje 2")
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == "event-1@example.org"
    assert "DTSTAMP" in event


@pytest.mark.django_db
def test_calendar_feed_has_one_vevent_per_public_event(client, make_event, office_nord):
    molde = make_event(title="Møte i Molde, med komma")
    tromso = make_event(title="Tromsø", office=office_nord, municipality=municipality("5501"))
    cancelled = event_cancel(event=make_event(title="Avlyst"), actor=None)
    make_event(title="Internt", is_public=False)
    past_event(make_event(title="Altfor gammelt"), days_ago=400)

    response = client.get("/arrangementer/kalender.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = vevents(response.content.decode("utf-8"))
    by_uid = {e["UID"]: e for e in events}
    assert len(events) == 3
    assert set(by_uid) == {f"event-{e.pk}@127.0.0.1" for e in (molde, tromso, cancelled)}
    assert by_uid[f"event-{molde.pk}@127.0.0.1"]["SUMMARY"] == "Møte i Molde\\, med komma"
    assert by_uid[f"event-{cancelled.pk}@127.0.0.1"]["STATUS"] == "CANCELLED"
    assert by_uid[f"event-{molde.pk}@127.0.0.1"]["URL"].endswith(molde.get_absolute_url())
    # The UID is stable between fetches.
    again = vevents(client.get("/arrangementer/kalender.ics").content.decode())
    assert {e["UID"] for e in again} == set(by_uid)


@pytest.mark.django_db
def test_office_feed_has_only_that_offices_events(client, make_event, office_nord):
    make_event(title="Midt")
    nord = make_event(title="Nord", office=office_nord, municipality=municipality("5501"))
    response = client.get(f"/arrangementer/kontor/{office_nord.slug}.ics")
    assert response.status_code == 200
    events = vevents(response.content.decode())
    assert [e["SUMMARY"] for e in events] == ["Nord"]
    assert events[0]["UID"] == f"event-{nord.pk}@127.0.0.1"


@pytest.mark.django_db
def test_unknown_office_feed_is_404(client):
    assert client.get("/arrangementer/kontor/finnes-ikke.ics").status_code == 404
