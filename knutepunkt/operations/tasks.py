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
