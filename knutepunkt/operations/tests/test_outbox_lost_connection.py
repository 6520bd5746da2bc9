"""The mail server took a message, then PostgreSQL ended the worker's connection before
the row said "sent": the worker records it on a new connection, so the next run does not
send the same e-mail again (the drill's terminated backends did exactly this)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMessage
from django.db import OperationalError, connection

from knutepunkt.operations import outbox
from knutepunkt.operations.models import OutboxMessage, OutboxStatus
from knutepunkt.operations.outbox import outbox_queue, outbox_send_due


@pytest.fixture(autouse=True)
def _no_immediate_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run tasks at once; here the sending run is called by the test itself."""
    monkeypatch.setattr(outbox, "_kick_worker", lambda ids: None)


pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not settings.IS_POSTGRES, reason="terminates a PostgreSQL backend"),
    pytest.mark.django_db(transaction=True),
]


def _lose_connection_when_marking_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    original = OutboxMessage.save

    def save(self: OutboxMessage, *args: Any, **kwargs: Any) -> None:
        if self.status == OutboxStatus.SENT:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        original(self, *args, **kwargs)

    monkeypatch.setattr(OutboxMessage, "save", save)


def test_a_sent_message_is_recorded_after_the_connection_is_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    [row] = outbox_queue(EmailMessage("Emne", "Tekst", None, ["a@example.org"]), kind="t")
    _lose_connection_when_marking_sent(monkeypatch)

    result = outbox_send_due()

    assert result.sent == 1
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.status == OutboxStatus.SENT
    assert (row.to_email, row.subject, row.body) == ("", "", "")
    outbox_send_due()
    assert len(mail.outbox) == 1  # not sent again


def test_a_lost_connection_before_sending_is_an_error_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outbox_queue(EmailMessage("Emne", "Tekst", None, ["a@example.org"]), kind="t")
    original = OutboxMessage.objects.select_for_update

    def select_for_update(*args: Any, **kwargs: Any) -> Any:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return original(*args, **kwargs)

    monkeypatch.setattr(OutboxMessage.objects, "select_for_update", select_for_update)
    with pytest.raises(OperationalError):
        outbox_send_due()
    connection.close()
    assert mail.outbox == []
    assert OutboxMessage.objects.get().status == OutboxStatus.PENDING
