"""The scheduler: one process (``manage.py scheduler``) that enqueues due jobs into the
task queue (django-tasks, database backend); the worker runs them.

The jobs are listed in ``settings.SCHEDULED_JOBS`` as (name, task path, interval in
seconds): the tasks live in their domains, this module knows none of them. Each job is a
``ScheduledJob`` row; a due job is claimed with a conditional update, so two schedulers
(by mistake, or during a switch-over) still enqueue it once. Every job is idempotent, so a
run that is repeated or late does no harm.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from knutepunkt.operations.models import ScheduledJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    task_path: str
    interval_seconds: int


def configured_jobs() -> list[Job]:
    return [Job(*entry) for entry in getattr(settings, "SCHEDULED_JOBS", [])]


def jobs_sync(jobs: list[Job] | None = None, *, now: datetime.datetime | None = None) -> None:
    """Create a row per configured job (due at once), update changed ones, disable jobs
    no longer configured."""
    now = now or timezone.now()
    jobs = configured_jobs() if jobs is None else jobs
    with transaction.atomic():
        for job in jobs:
            row, created = ScheduledJob.objects.get_or_create(
                name=job.name,
                defaults={
                    "task_path": job.task_path,
                    "interval_seconds": job.interval_seconds,
                    "next_run_at": now,
                },
            )
            if not created and (
                row.task_path != job.task_path or row.interval_seconds != job.interval_seconds
            ):
                row.task_path, row.interval_seconds = job.task_path, job.interval_seconds
                row.save(update_fields=["task_path", "interval_seconds"])
        ScheduledJob.objects.exclude(name__in=[job.name for job in jobs]).update(enabled=False)


def enqueue_due(*, now: datetime.datetime | None = None) -> list[str]:
    """Enqueue every enabled job whose time has come; returns their names."""
    from knutepunkt.operations.tasks import run_scheduled_job

    now = now or timezone.now()
    enqueued = []
    due = ScheduledJob.objects.filter(enabled=True, next_run_at__lte=now)
    for job in due.order_by("next_run_at", "name"):
        following = now + datetime.timedelta(seconds=job.interval_seconds)
        with transaction.atomic():
            # Claimed only if nobody moved it meanwhile (a second scheduler).
            claimed = ScheduledJob.objects.filter(pk=job.pk, next_run_at=job.next_run_at).update(
                next_run_at=following, last_enqueued_at=now
            )
            if claimed:
                transaction.on_commit(partial(run_scheduled_job.enqueue, job.name))
                enqueued.append(job.name)
    return enqueued


def run_job(name: str) -> str:
    """Run the job's task in this (worker) process and record how it went. The error is
    recorded by class (and the log has the traceback): task errors hold no personal data,
    but their text is not shown to be sure."""
    job = ScheduledJob.objects.get(name=name)
    started = timezone.now()
    try:
        result = import_string(job.task_path).call()
    except Exception as exc:
        logger.exception("scheduled job %s failed", name)
        ScheduledJob.objects.filter(pk=job.pk).update(
            last_run_at=started, last_error=type(exc).__name__[:200], failures=job.failures + 1
        )
        raise
    summary = str(result)[:200]
    ScheduledJob.objects.filter(pk=job.pk).update(
        last_run_at=started,
        last_success_at=timezone.now(),
        last_result=summary,
        last_error="",
        failures=0,
    )
    return summary
