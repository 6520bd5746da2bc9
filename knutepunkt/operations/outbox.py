"""The e-mail outbox: every e-mail the site sends is first a row, written in the same
transaction as the change that causes it, and then sent by the worker with retries.

So a sign-up never fails because the mail server is down or slow, a crash between the
commit and the sending loses no e-mail, and a rolled-back change sends none. Domains build
an ``EmailMessage`` (attachments included) and hand it to :func:`outbox_queue`.

Logs name a message by id and kind only: never its address, subject or text.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import F
from django.utils import timezone

from knutepunkt.operations.db_retry import connection_lost
from knutepunkt.operations.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def retry_delay(attempts: int) -> datetime.timedelta:
    """Exponential backoff after the ``attempts``-th failure, capped at an hour."""
    base = _setting("OUTBOX_RETRY_BASE_SECONDS", 30)
    return datetime.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


def _attachments(message: EmailMessage) -> list[dict[str, str]]:
    stored = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment  # MIMEBase parts are not used here
        data = content.encode() if isinstance(content, str) else bytes(content)
        stored.append(
            {
                "filename": str(filename),
                "content": base64.b64encode(data).decode("ascii"),
                "mimetype": str(mimetype or "application/octet-stream"),
            }
        )
    return stored


def outbox_queue(message: EmailMessage, *, kind: str, ref: str = "") -> list[OutboxMessage]:
    """Queue ``message`` (one row per recipient, so nobody sees another's address) in the
    current transaction, and ask the worker to send once it commits. ``kind`` names the
    e-mail (``events.registration_received``); ``ref`` what caused it
    (``events.registration:12``), never personal data."""
    now = timezone.now()
    attachments = _attachments(message)
    rows = [
        OutboxMessage(
            kind=kind,
            ref=ref,
            to_email=address,
            from_email=message.from_email or "",
            reply_to=list(message.reply_to),
            subject=str(message.subject),
            body=str(message.body),
            attachments=attachments,
            next_attempt_at=now,
        )
        for address in dict.fromkeys([*message.to, *message.cc, *message.bcc])
        if address
    ]
    if not rows:
        return []
    OutboxMessage.objects.bulk_create(rows)
    transaction.on_commit(partial(_kick_worker, [row.pk for row in rows]))
    return rows


def _kick_worker(ids: list[int]) -> None:
    """Enqueue the sending of these messages right after the commit. If even that fails
    they are safe: the scheduler's ``send_outbox`` job sends whatever is due."""
    from knutepunkt.operations.tasks import send_outbox

    try:
        send_outbox.enqueue(ids)
    except Exception as exc:  # the row is committed; never fail the person's request
        logger.warning("outbox: could not enqueue a sending run (%s)", type(exc).__name__)


def _as_email(row: OutboxMessage) -> EmailMessage:
    message = EmailMessage(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email or None,
        to=[row.to_email],
        reply_to=row.reply_to or None,
    )
    for attachment in row.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


def describe_error(exc: BaseException) -> str:
    """The class of an error and its SMTP code: enough to act on, no server text (which
    may quote an address)."""
    code = getattr(exc, "smtp_code", None)
    return f"{type(exc).__name__}{f' {code}' if code else ''}"[:200]


# Errors that say the server (not this message) is unreachable: stop the run, retry later.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
)


SCRUBBED_FIELDS = ["to_email", "from_email", "subject", "body", "reply_to", "attachments"]


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    gave_up: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "failed": self.failed, "gave_up": self.gave_up}


def _due_ids(now: datetime.datetime, limit: int, only: list[int] | None) -> list[int]:
    due = OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
    if only is not None:
        due = due.filter(pk__in=only)
    return list(due.order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit])


def outbox_send_due(
    *, ids: list[int] | None = None, limit: int = 200, now: datetime.datetime | None = None
) -> SendResult:
    """Send the messages that are due, each in its own short transaction holding its row
    (``SKIP LOCKED``: two workers never send the same message). A message that fails is
    retried with exponential backoff; after ``OUTBOX_MAX_ATTEMPTS`` the worker gives up
    and the message stays visible to the operator until its retention ends. A connection
    error ends the run: the server is down, the next run tries again. ``ids`` limits the
    run to those messages (the run queued right after their commit)."""
    now = now or timezone.now()
    result = SendResult()
    max_attempts = _setting("OUTBOX_MAX_ATTEMPTS", 10)
    connection: Any = None
    try:
        for pk in _due_ids(now, limit, ids):
            delivered = False
            try:
                with transaction.atomic():
                    row = (
                        OutboxMessage.objects.select_for_update(skip_locked=True)
                        .filter(pk=pk, status=OutboxStatus.PENDING, next_attempt_at__lte=now)
                        .first()
                    )
                    if row is None:  # sent by another worker meanwhile
                        continue
                    if connection is None:
                        connection = get_connection()
                    try:
                        connection.send_messages([_as_email(row)])
                    except Exception as exc:
                        row.attempts += 1
                        row.last_error = describe_error(exc)
                        if row.attempts >= max_attempts:
                            row.status = OutboxStatus.FAILED
                            result.gave_up += 1
                        else:
                            row.next_attempt_at = timezone.now() + retry_delay(row.attempts)
                        result.failed += 1
                        row.save(
                            update_fields=["attempts", "last_error", "status", "next_attempt_at"]
                        )
                        logger.warning(
                            "outbox: message %s (%s) failed, attempt %s: %s",
                            row.pk,
                            row.kind,
                            row.attempts,
                            row.last_error,
                        )
                        if isinstance(exc, CONNECTION_ERRORS):
                            break
                        continue
                    # Sent: the address and the text go at once; the row stays, without
                    # personal data, as a record that it went (deleted after the retention).
                    delivered = True
                    row.status = OutboxStatus.SENT
                    row.attempts += 1
                    row.sent_at = timezone.now()
                    row.last_error = ""
                    row.to_email = row.from_email = row.subject = row.body = ""
                    row.reply_to, row.attachments = [], []
                    row.save(
                        update_fields=[
                            *SCRUBBED_FIELDS,
                            "status",
                            "attempts",
                            "sent_at",
                            "last_error",
                        ]
                    )
                    result.sent += 1
            except DatabaseError as exc:
                # The server took the message, then the database connection was cut
                # before the row said so: record it on a new connection, or the next
                # run would send the same e-mail again.
                if not delivered or not connection_lost(exc):
                    raise
                _record_sent(pk)
                result.sent += 1
    finally:
        if connection is not None:
            with contextlib.suppress(Exception):  # a broken connection is closed anyway
                connection.close()
    if result.sent or result.failed:
        logger.info("outbox: %s", result.as_dict())
    return result


def _record_sent(pk: int) -> None:
    connections[DEFAULT_DB_ALIAS].close()
    OutboxMessage.objects.filter(pk=pk, status=OutboxStatus.PENDING).update(
        status=OutboxStatus.SENT,
        attempts=F("attempts") + 1,
        sent_at=timezone.now(),
        last_error="",
        to_email="",
        from_email="",
        subject="",
        body="",
        reply_to=[],
        attachments=[],
    )
    logger.warning("outbox: message %s sent; recorded after the database connection was lost", pk)


def outbox_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the records of sent messages (their address and text went when they were
    sent) after ``OUTBOX_SENT_RETENTION_HOURS`` (24), and given-up messages, which still
    hold both, after ``OUTBOX_FAILED_RETENTION_DAYS`` (14). Idempotent."""
    now = now or timezone.now()
    sent_cutoff = now - datetime.timedelta(hours=_setting("OUTBOX_SENT_RETENTION_HOURS", 24))
    failed_cutoff = now - datetime.timedelta(days=_setting("OUTBOX_FAILED_RETENTION_DAYS", 14))
    deleted, _per_model = OutboxMessage.objects.filter(
        status=OutboxStatus.SENT, sent_at__lt=sent_cutoff
    ).delete()
    gave_up, _per_model = OutboxMessage.objects.filter(
        status=OutboxStatus.FAILED, created_at__lt=failed_cutoff
    ).delete()
    return deleted + gave_up


def outbox_discard(*refs: str) -> int:
    """Drop the unsent e-mails caused by these rows (``ref``): called when a domain
    deletes a person's data, so no queued message outlives it (a confirmation for a sign-up
    that was cancelled or purged). Messages queued on purpose after a deletion (an
    interest's farewell) carry no ``ref`` and are kept."""
    if not refs:
        return 0
    deleted, _per_model = OutboxMessage.objects.filter(
        ref__in=refs, status=OutboxStatus.PENDING
    ).delete()
    return deleted


def outbox_delete(rows: Iterable[OutboxMessage]) -> int:
    """Delete messages (a person's erasure): sent or not, they go."""
    ids = [row.pk for row in rows]
    deleted, _per_model = OutboxMessage.objects.filter(pk__in=ids).delete()
    return deleted
