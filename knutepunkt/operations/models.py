"""What running the site for years needs in the database: the e-mail outbox, the
scheduler's jobs and the worker's heartbeat. Knows no domain (just above ``core``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")


class OutboxMessage(models.Model):
    """One e-mail to one recipient, written in the same transaction as the change that
    causes it and sent by the worker (``knutepunkt.operations.outbox``).

    Personal data: the address and the text, blanked as soon as the message is sent (the
    row, kind and time stay for ``OUTBOX_SENT_RETENTION_HOURS``); a message the worker
    gave up on is deleted after ``OUTBOX_FAILED_RETENTION_DAYS``. Deleting a sign-up,
    interest or starter drops its unsent messages; erasing a person deletes theirs.
    ``last_error`` holds an error class and SMTP code only, never the server's text
    (which may quote the address)."""

    kind = models.CharField(_("kind"), max_length=80, db_index=True)
    # What caused it, as "<app>.<model>:<pk>" (no personal data): lets a drill or an
    # operator check that every sign-up has its confirmation queued.
    ref = models.CharField(_("reference"), max_length=80, blank=True, db_index=True)
    to_email = models.EmailField(_("recipient"), max_length=254)
    from_email = models.CharField(_("sender"), max_length=254, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    # [{"filename": …, "content": base64, "mimetype": …}]
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"


class ScheduledJob(models.Model):
    """One job of ``manage.py scheduler``: when it last ran and will run next, and its
    last failure. The rows are created by the scheduler from its list of jobs
    (``knutepunkt.workflows.schedule``); head office reads them in the admin."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    task_path = models.CharField(_("task"), max_length=200)
    interval_seconds = models.PositiveIntegerField(_("interval (seconds)"))
    enabled = models.BooleanField(_("enabled"), default=True)
    last_enqueued_at = models.DateTimeField(_("last queued"), null=True, blank=True)
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_result = models.CharField(_("last result"), max_length=200, blank=True)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Heartbeat(models.Model):
    """The last sign of life of a background process (``worker``, ``scheduler``), read
    by ``/readyz``."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    beat_at = models.DateTimeField(_("last beat"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return self.name
