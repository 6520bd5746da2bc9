"""PostgreSQL ends the connection in the middle of a public sign-up (a restart, an
operator's ``pg_terminate_backend``): the transaction is rolled back, the view runs once
more on a new connection (knutepunkt/operations/db_retry.py), and the person gets the
confirmation: one sign-up, one e-mail, not the error page."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from knutepunkt.events.models import Registration
from knutepunkt.events.services import registrations
from knutepunkt.operations.models import OutboxMessage

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not settings.IS_POSTGRES, reason="terminates a PostgreSQL backend"),
    pytest.mark.django_db(transaction=True),
]


def test_sign_up_survives_its_connection_being_terminated(
    reference_data: None, make_event: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = make_event(capacity=5)
    original = registrations.audit_log
    runs: list[int] = []

    def audit_log_then_lose_the_connection(**kwargs: Any) -> Any:
        # Inside the sign-up's transaction, after its row is written.
        runs.append(1)
        result = original(**kwargs)
        if len(runs) == 1:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return result

    monkeypatch.setattr(registrations, "audit_log", audit_log_then_lose_the_connection)
    response = Client().post(
        event.get_absolute_url(),
        {"name": "Kari Nordmann", "email": "kari@example.org", "phone": "", "submission_key": "k1"},
    )

    assert response.status_code == 302
    assert "/pamelding/" in response["Location"]
    assert len(runs) == 2  # the first transaction was rolled back, the second saved it
    registration = Registration.objects.get(event=event)
    assert registration.submission_key == "k1"
    assert OutboxMessage.objects.filter(ref=f"events.registration:{registration.pk}").count() == 1
