"""Questions, answers, the sign-up list, exports and messages to participants."""

from __future__ import annotations

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from knutepunkt.core.models import AuditEntry
from knutepunkt.events.models import Registration, RegistrationStatus
from knutepunkt.events.services import (
    event_question_create,
    event_question_delete,
    registration_create,
)

pytestmark = pytest.mark.django_db


def detail_url(event) -> str:
    return reverse("staff:events:event_detail", args=[event.pk])


@pytest.fixture
def event_with_questions(make_event):
    event = make_event(capacity=2)
    diet = event_question_create(
        event=event, actor=None, text="Allergier eller matbehov?", kind="short_text"
    )
    parking = event_question_create(
        event=event, actor=None, text="Trenger du parkering?", kind="yes_no", required=True
    )
    return event, diet, parking


def test_staff_adds_a_question_and_it_appears_on_the_public_form(
    client, login, office_staff_midt, make_event
):
    event = make_event()
    response = login(office_staff_midt).post(
        reverse("staff:events:question_add", args=[event.pk]),
        {"text": "Hvor hørte du om møtet?", "kind": "short_text"},
    )
    assert response.status_code == 302
    question = event.questions.get()
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Hvor hørte du om møtet?" in html
    assert f'name="q_{question.pk}"' in html


def test_answers_are_stored_and_required_questions_enforced(client, event_with_questions):
    event, diet, parking = event_with_questions
    url = event.get_absolute_url()
    person = {"name": "Kari Nordmann", "email": "kari@example.org", "phone": ""}

    response = client.post(url, {**person, f"q_{diet.pk}": "Glutenfri"})
    assert response.status_code == 200
    assert f"q_{parking.pk}" in response.context["form"].errors
    assert not Registration.objects.exists()

    response = client.post(url, {**person, f"q_{diet.pk}": "Glutenfri", f"q_{parking.pk}": "no"})
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.answers == {str(diet.pk): "Glutenfri", str(parking.pk): False}


def test_answers_are_never_written_to_the_audit_log(event_with_questions):
    event, diet, parking = event_with_questions
    registration_create(
        event=event,
        name="Kari",
        email="kari@example.org",
        answers={diet.pk: "Nøtteallergi", parking.pk: True},
    )
    assert not any("Nøtteallergi" in str(entry.data) for entry in AuditEntry.objects.all())


def test_organiser_sees_answers_other_office_and_public_do_not(
    client, login, office_staff_midt, office_staff_nord, event_with_questions
):
    event, diet, parking = event_with_questions
    registration_create(
        event=event,
        name="Kari",
        email="kari@example.org",
        answers={diet.pk: "Nøtteallergi", parking.pk: True},
    )
    html = login(office_staff_midt).get(detail_url(event)).content.decode()
    assert "Nøtteallergi" in html
    assert "kari@example.org" in html
    assert login(office_staff_nord).get(detail_url(event)).status_code == 404
    assert "Nøtteallergi" not in client.get(event.get_absolute_url()).content.decode()


def test_deleting_a_question_deletes_its_answers(event_with_questions):
    event, diet, parking = event_with_questions
    registration = registration_create(
        event=event,
        name="Kari",
        email="kari@example.org",
        answers={diet.pk: "Nøtteallergi", parking.pk: True},
    )
    event_question_delete(question=diet, actor=None)
    registration.refresh_from_db()
    assert registration.answers == {str(parking.pk): True}


def test_detail_lists_confirmed_waiting_with_position_and_counts_cancelled(
    login, office_staff_midt, make_event
):
    event = make_event(capacity=1)
    registration_create(event=event, name="Anne Først", email="a@example.org")
    registration_create(event=event, name="Bjørn Venter", email="b@example.org")
    gone = registration_create(event=event, name="Cecilie Andre", email="c@example.org")
    from knutepunkt.events.services import registration_cancel

    registration_cancel(registration=gone)
    response = login(office_staff_midt).get(detail_url(event))
    groups = response.context["groups"]
    assert [row["registration"].name for row in groups["confirmed"]] == ["Anne Først"]
    assert [(row["registration"].name, row["position"]) for row in groups["waiting"]] == [
        ("Bjørn Venter", 1)
    ]
    assert set(groups) == {"confirmed", "pending", "waiting"}  # no group of cancelled ones
    page = response.content.decode()
    assert "Cecilie Andre" not in page and "c@example.org" not in page
    assert "1 sign-up was cancelled" in page


def test_staff_cancel_promotes_the_next_on_the_waiting_list(
    login, office_staff_midt, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    first = registration_create(event=event, name="Anne", email="a@example.org")
    second = registration_create(event=event, name="Bjørn", email="b@example.org")
    url = reverse("staff:events:registration_cancel", args=[event.pk, first.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(office_staff_midt).post(url)
    assert response.status_code == 302
    second.refresh_from_db()
    assert not type(first).objects.filter(pk=first.pk).exists()
    assert second.status == RegistrationStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


def test_give_a_place_by_hand_only_when_one_is_free(login, office_staff_midt, make_event):
    event = make_event(capacity=1)
    registration_create(event=event, name="Anne", email="a@example.org")
    waiting = registration_create(event=event, name="Bjørn", email="b@example.org")
    client = login(office_staff_midt)
    url = reverse("staff:events:registration_confirm", args=[event.pk, waiting.pk])

    client.post(url)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING  # full: refused

    # A place appears without the automatic promotion (set directly, not via the service).
    type(event).objects.filter(pk=event.pk).update(capacity=2)
    client.post(url)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_export_csv_holds_everyone_with_answers_and_is_formula_safe(
    login, office_staff_midt, event_with_questions
):
    event, diet, parking = event_with_questions
    registration_create(
        event=event,
        name='=HYPERLINK("http://evil")',
        email="kari@example.org",
        answers={diet.pk: "@SUM(A1)", parking.pk: True},
    )
    registration_create(
        event=event, name="Ola", email="ola@example.org", answers={parking.pk: False}
    )
    registration_create(
        event=event, name="Per", email="per@example.org", answers={parking.pk: True}
    )
    url = reverse("staff:events:event_export_csv", args=[event.pk])
    response = login(office_staff_midt).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4
    assert rows[0][-2:] == ["Allergier eller matbehov?", "Trenger du parkering?"]
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert rows[1][1] == "kari@example.org"
    assert rows[1][-2] == "'@SUM(A1)"
    assert rows[3][0] == "Per"
    assert rows[3][4] == "1"  # first on the waiting list


def test_export_xlsx_has_no_formulas(login, office_staff_midt, event_with_questions):
    event, _diet, parking = event_with_questions
    registration_create(
        event=event, name="=1+1", email="kari@example.org", answers={parking.pk: True}
    )
    url = reverse("staff:events:event_export_xlsx", args=[event.pk])
    response = login(office_staff_midt).get(url)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][0] == "'=1+1"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_message_goes_one_by_one_to_the_chosen_set_only(
    login, office_staff_midt, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=2)
    for n in range(4):
        registration_create(event=event, name=f"Person {n}", email=f"p{n}@example.org")
    mail.outbox.clear()
    url = reverse("staff:events:event_message", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(office_staff_midt).post(
            url, {"recipients": "waiting", "subject": "Ny plass?", "body": "Vi melder fra."}
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["p2@example.org", "p3@example.org"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)
    assert all("Vi melder fra." in m.body for m in mail.outbox)
    entry = AuditEntry.objects.get(action="events.event.messaged")
    assert entry.data["count"] == 2
    assert "example.org" not in str(entry.data)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        login(office_staff_midt).post(
            url, {"recipients": "all", "subject": "Til alle", "body": "Hei."}
        )
    assert len(mail.outbox) == 4


def test_message_without_subject_is_a_form_error(login, office_staff_midt, make_event):
    event = make_event()
    registration_create(event=event, name="Kari", email="kari@example.org")
    mail.outbox.clear()
    url = reverse("staff:events:event_message", args=[event.pk])
    response = login(office_staff_midt).post(url, {"recipients": "all", "body": "Hei"})
    assert response.status_code == 200
    assert "subject" in response.context["form"].errors
    assert mail.outbox == []
