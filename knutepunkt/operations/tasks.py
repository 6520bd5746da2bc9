"""Background tasks of operations (django-tasks): sending the outbox, its retention run,
and the worker's heartbeat. Each is idempotent; the scheduler queues them."""

from __future__ import annotations

from django_tasks import task


@task()
def send_outbox(ids: list[int] | None = None) -> dict[str, int]:
    """Send the e-mails that are due: ``ids`` right after their commit, all that are due
    when the scheduler runs it (every minute)."""
    from knutepunkt.operations.outbox import outbox_send_due

    return outbox_send_due(ids=ids).as_dict()


@task()
def purge_outbox() -> dict[str, int]:
    """Delete sent and given-up e-mails past their retention."""
    from knutepunkt.operations.outbox import outbox_purge

    return {"deleted": outbox_purge()}


@task()
def worker_heartbeat() -> str:
    """Proves that a worker runs queued tasks: ``/readyz`` reads the time."""
    from knutepunkt.operations.services import heartbeat

    heartbeat("worker")
    return "ok"


@task()
def prune_task_results() -> dict[str, int]:
    """Delete the worker's records of tasks finished more than a day ago (each outbox run
    leaves one). Idempotent."""
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - datetime.timedelta(days=1)
    deleted, _per_model = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return {"deleted": deleted}


@task()
def run_scheduled_job(name: str) -> str:
    """Run one job of the scheduler and record the outcome on its ``ScheduledJob`` row
    (last run, last success or error), so head office sees it in the admin."""
    from knutepunkt.operations.scheduling import run_job

    return run_job(name)
