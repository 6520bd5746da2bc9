"""Simultaneous sign-ups on PostgreSQL: the row lock keeps the count exact — also with
sign-up questions and the starter-consent question of a starter training."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.db import connection

from knutepunkt.events.models import EventKind, QuestionKind, RegistrationStatus
from knutepunkt.events.services import event_question_create, registration_create

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not settings.IS_POSTGRES, reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]

PEOPLE = 50
PLACES = 10
ROUNDS = 20


def test_fifty_simultaneous_sign_ups_for_ten_places(reference_data, make_event):
    for round_number in range(ROUNDS):
        event = make_event(
            title=f"Runde {round_number}", capacity=PLACES, kind=EventKind.STARTER_TRAINING
        )
        consent = event.questions.get(kind=QuestionKind.STARTER_CONSENT)
        town = event_question_create(
            event=event, actor=None, text="Hvor bor du?", kind="short_text", required=True
        )
        barrier = threading.Barrier(PEOPLE)
        errors: list[BaseException] = []

        def sign_up(
            n: int, event=event, barrier=barrier, errors=errors, consent=consent, town=town
        ) -> None:
            try:
                barrier.wait(timeout=30)
                registration_create(
                    event=event,
                    name=f"Person {n}",
                    email=f"p{n}@example.org",
                    answers={consent.pk: n % 2 == 0, town.pk: "Molde"},
                )
            except BaseException as exc:  # recorded and asserted below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

        assert errors == []
        statuses = list(event.registrations.values_list("status", flat=True))
        assert statuses.count(RegistrationStatus.CONFIRMED) == PLACES
        assert statuses.count(RegistrationStatus.WAITING) == PEOPLE - PLACES
        answers = list(event.registrations.values_list("answers", flat=True))
        assert all(a[str(town.pk)] == "Molde" for a in answers)
        assert sum(a[str(consent.pk)] is True for a in answers) == PEOPLE // 2
