"""The outbox: one row per recipient, written in the caller's transaction; retries with
backoff, giving up after the limit; sent rows lose their personal data at once and go
after the retention; a rolled-back change sends nothing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from knutepunkt.operations.models import OutboxMessage, OutboxStatus
from knutepunkt.operations.outbox import (
    outbox_discard,
    outbox_purge,
    outbox_queue,
    outbox_send_due,
    retry_delay,
)
from knutepunkt.operations.testing import free_port

pytestmark = pytest.mark.django_db


def _message(*to: str) -> EmailMessage:
    message = EmailMessage("Emne", "Tekst", None, list(to), reply_to=["kontor@example.org"])
    message.attach("møte.ics", "BEGIN:VCALENDAR", "text/calendar")
    return message


def test_one_row_per_recipient_and_the_attachment_survives() -> None:
    outbox_queue(_message("a@example.org", "b@example.org"), kind="test.kind", ref="x:1")
    assert OutboxMessage.objects.count() == 2
    assert outbox_send_due().sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all(m.to == [m.to[0]] for m in mail.outbox)  # nobody sees the other
    assert mail.outbox[0].attachments[0][0] == "møte.ics"
    assert mail.outbox[0].reply_to == ["kontor@example.org"]


def test_a_rolled_back_change_queues_nothing() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox_queue(_message("a@example.org"), kind="test.kind")
        raise RuntimeError("the change failed")
    assert not OutboxMessage.objects.exists()


def test_failures_back_off_then_give_up(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.OUTBOX_MAX_ATTEMPTS = 3
    [row] = outbox_queue(_message("a@example.org"), kind="test.kind")
    assert outbox_send_due().failed == 1
    row.refresh_from_db()
    assert row.attempts == 1 and row.status == OutboxStatus.PENDING
    assert row.next_attempt_at > timezone.now()
    assert outbox_send_due().failed == 0  # not due yet
    later = timezone.now() + datetime.timedelta(hours=2)
    outbox_send_due(now=later)
    outbox_send_due(now=later + datetime.timedelta(hours=2))
    row.refresh_from_db()
    assert row.attempts == 3 and row.status == OutboxStatus.FAILED
    assert row.last_error == "ConnectionRefusedError"
    assert retry_delay(1) < retry_delay(2) < retry_delay(3) <= datetime.timedelta(hours=1)


def test_sent_rows_keep_no_personal_data_and_go_after_the_retention() -> None:
    [row] = outbox_queue(_message("a@example.org"), kind="test.kind", ref="x:1")
    outbox_send_due()
    row.refresh_from_db()
    assert row.status == OutboxStatus.SENT
    assert (row.to_email, row.subject, row.body, row.attachments) == ("", "", "", [])
    assert outbox_purge() == 0
    assert outbox_purge(now=timezone.now() + datetime.timedelta(days=2)) == 1
    assert not OutboxMessage.objects.exists()


def test_discard_drops_only_unsent_mail_of_that_row() -> None:
    outbox_queue(_message("a@example.org"), kind="test.kind", ref="x:1")
    outbox_queue(_message("b@example.org"), kind="test.kind", ref="x:2")
    outbox_queue(_message("c@example.org"), kind="test.farewell")
    assert outbox_discard("x:1") == 1
    assert sorted(OutboxMessage.objects.values_list("to_email", flat=True)) == [
        "b@example.org",
        "c@example.org",
    ]
