"""Operations in the admin, for head office (read only): the scheduler's jobs with their
last and next run and last error, and the outbox's state. The outbox list shows no
address, subject or text: only what an operator needs to see whether mail flows."""

from __future__ import annotations

from django.contrib import admin

from knutepunkt.operations.models import OutboxMessage, ScheduledJob
from knutepunkt.staff.admin.base import VIEW, ScopedModelAdmin


@admin.register(ScheduledJob)
class ScheduledJobAdmin(ScopedModelAdmin):
    head_office_access = VIEW
    allow_add = False
    allow_delete = False
    head_office_only_fields = ()
    list_display = [
        "name",
        "enabled",
        "last_run_at",
        "last_success_at",
        "next_run_at",
        "failures",
        "last_error",
    ]
    list_filter = ["enabled"]
    fields = readonly_fields = (
        "name",
        "task_path",
        "interval_seconds",
        "enabled",
        "last_enqueued_at",
        "last_run_at",
        "last_success_at",
        "last_result",
        "next_run_at",
        "failures",
        "last_error",
    )


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ScopedModelAdmin):
    head_office_access = VIEW
    allow_add = False
    allow_delete = False
    head_office_only_fields = ()
    list_display = ["pk", "kind", "status", "attempts", "created_at", "next_attempt_at", "sent_at"]
    list_filter = ["status", "kind"]
    fields = readonly_fields = (
        "kind",
        "ref",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    )
