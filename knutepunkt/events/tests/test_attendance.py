"""Recording attendance: the office's activity log and the starter register follow."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.events.models import EventKind, QuestionKind
from knutepunkt.events.services import registration_create
from knutepunkt.events.tests.conftest import past_event
from knutepunkt.starters.models import Starter
from knutepunkt.workflows.attendance import event_record_attendance

pytestmark = pytest.mark.django_db


def attendance_url(event) -> str:
    return reverse("staff:events:event_attendance", args=[event.pk])


def test_recording_attendance_creates_one_activity_and_again_updates_it(
    login, office_staff_midt, make_event, partner_molde
):
    event = make_event(partners=[partner_molde])
    kari = registration_create(event=event, name="Kari", email="kari@example.org")
    registration_create(event=event, name="Ola", email="ola@example.org")
    past_event(event, days_ago=1)
    client = login(office_staff_midt)

    response = client.post(attendance_url(event), {"attended_count": "14", "attended": [kari.pk]})
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.event == event
    assert activity.office == event.office
    assert activity.kind == ActivityKind.OWN_EVENT
    assert activity.title == event.title
    assert activity.date == timezone.localdate(event.starts_at)
    assert activity.municipality == event.municipality
    assert list(activity.partners.all()) == [partner_molde]
    assert activity.participants == 14
    assert activity.created_by == office_staff_midt
    kari.refresh_from_db()
    assert kari.attended is True

    response = client.post(attendance_url(event), {"attended_count": "17"})
    assert response.status_code == 302
    assert Activity.objects.count() == 1
    activity.refresh_from_db()
    assert activity.participants == 17
    event.refresh_from_db()
    assert event.attended_count == 17
    kari.refresh_from_db()
    assert kari.attended is False


def test_event_page_links_to_the_activity(login, office_staff_midt, make_event):
    event = past_event(make_event(), days_ago=1)
    event_record_attendance(event=event, attended_count=5, actor=office_staff_midt)
    html = (
        login(office_staff_midt)
        .get(reverse("staff:events:event_detail", args=[event.pk]))
        .content.decode()
    )
    activity = Activity.objects.get()
    assert str(activity) in html


@pytest.mark.parametrize(
    ("kind", "organiser", "expected"),
    [
        (EventKind.STARTER_TRAINING, None, ActivityKind.STARTER_TRAINING),
        (EventKind.STARTER_FOLLOW_UP, None, ActivityKind.STARTER_FOLLOW_UP),
        (EventKind.SEMINAR, "partner", ActivityKind.CONTRIBUTION),
        (EventKind.INFORMATION_MEETING, None, ActivityKind.OWN_EVENT),
    ],
)
def test_activity_kind_follows_event_kind_and_organiser(
    make_event, office_staff_midt, partner_molde, kind, organiser, expected
):
    extra = {"organiser_partner": partner_molde} if organiser == "partner" else {}
    event = past_event(make_event(kind=kind, **extra), days_ago=1)
    result = event_record_attendance(event=event, attended_count=8, actor=office_staff_midt)
    assert result.activity.kind == expected


def test_stand_counts_people_present(make_event, office_staff_midt):
    # Seed 003 §4.1: at a stand the figure is the people present ("til stede"), the
    # same field the activity form labels "People present" for a stand.
    from knutepunkt.reports.figures import activity_totals

    event = past_event(make_event(kind=EventKind.STAND), days_ago=1)
    activity = event_record_attendance(
        event=event, attended_count=783, actor=office_staff_midt
    ).activity
    assert activity.participants == 783
    assert activity.people_reached is None
    totals = activity_totals([activity.office_id], activity.date.year)[activity.office_id]
    assert totals["people_at_stands"] == 783


def test_attendance_cannot_be_recorded_before_the_event(make_event, office_staff_midt):
    event = make_event()
    with pytest.raises(ValidationError):
        event_record_attendance(event=event, attended_count=3, actor=office_staff_midt)
    assert not Activity.objects.exists()


def test_negative_count_is_a_form_error(login, office_staff_midt, make_event):
    event = past_event(make_event(), days_ago=1)
    response = login(office_staff_midt).post(attendance_url(event), {"attended_count": "-1"})
    assert response.status_code == 200
    assert "attended_count" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_other_office_cannot_record_attendance(make_event, office_staff_nord):
    event = past_event(make_event(), days_ago=1)
    with pytest.raises(PermissionDenied):
        event_record_attendance(event=event, attended_count=3, actor=office_staff_nord)
    event.refresh_from_db()
    assert event.attended_count is None
    assert not Activity.objects.exists()


def _starter_training(make_event):
    event = make_event(kind=EventKind.STARTER_TRAINING, title="Igangsetteropplæring Molde")
    consent = event.questions.get(kind=QuestionKind.STARTER_CONSENT)
    yes = registration_create(
        event=event,
        name="Siri Samtykke",
        email="siri@example.org",
        phone="900 00 000",
        answers={consent.pk: True},
    )
    no = registration_create(event=event, name="Nils Nei", email="nils@example.org")
    return past_event(event, days_ago=2), yes, no


def test_consent_question_is_on_the_public_form_of_a_starter_training(client, make_event):
    event = make_event(kind=EventKind.STARTER_TRAINING)
    consent = event.questions.get()
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'name="q_{consent.pk}"' in html
    assert 'type="checkbox"' in html


def test_starter_training_attendance_with_consent_makes_starters_without_not(
    login, office_staff_midt, make_event
):
    event, yes, no = _starter_training(make_event)
    client = login(office_staff_midt)
    response = client.post(
        attendance_url(event), {"attended_count": "2", "attended": [yes.pk, no.pk]}
    )
    assert response.status_code == 302

    starter = Starter.objects.get()
    assert starter.name == "Siri Samtykke"
    assert starter.email == "siri@example.org"
    assert starter.phone == "900 00 000"
    assert starter.office == event.office
    assert starter.trained_on == timezone.localdate(event.starts_at)
    assert starter.consent_to_contact is True
    assert starter.consent_given_at == yes.created_at
    assert list(starter.trainings.all()) == [event]
    assert Activity.objects.get().kind == ActivityKind.STARTER_TRAINING

    # Recording again updates; it does not duplicate the starter.
    client.post(attendance_url(event), {"attended_count": "2", "attended": [yes.pk, no.pk]})
    assert Starter.objects.count() == 1
    assert Activity.objects.count() == 1


def test_consenting_registration_not_ticked_as_attended_is_not_a_starter(
    make_event, office_staff_midt
):
    event, _yes, no = _starter_training(make_event)
    event_record_attendance(
        event=event, attended_count=1, attended_registration_ids=[no.pk], actor=office_staff_midt
    )
    assert not Starter.objects.exists()


def test_existing_starter_gets_the_new_training_linked(make_event, office_staff_midt):
    from knutepunkt.starters.services import starter_create

    existing = starter_create(
        actor=None, name="Siri S.", office=office_staff_midt.office, email="SIRI@example.org"
    )
    event, yes, _no = _starter_training(make_event)
    event_record_attendance(
        event=event, attended_count=1, attended_registration_ids=[yes.pk], actor=office_staff_midt
    )
    existing.refresh_from_db()
    assert Starter.objects.count() == 1
    assert existing.consent_to_contact is True
    assert list(existing.trainings.all()) == [event]


def test_ticked_registration_of_another_event_is_refused(make_event, office_staff_midt):
    event = past_event(make_event(), days_ago=1)
    other = make_event(title="Annet")
    stranger = registration_create(event=other, name="Kari", email="kari@example.org")
    with pytest.raises(ValidationError):
        event_record_attendance(
            event=event,
            attended_count=2,
            attended_registration_ids=[stranger.pk],
            actor=office_staff_midt,
        )
    assert not Activity.objects.exists()
