"""Background tasks (django-tasks) of starters. The retention run is idempotent: run daily
by the scheduler, or by hand as ``manage.py purge_starters`` (docs/personal-data.md)."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_inactive_starters() -> dict[str, int]:
    """Remind starters whose record is about to lapse; delete those past
    ``STARTER_RETENTION_DAYS`` without activity (after the reminder)."""
    from knutepunkt.starters.services import starter_purge_inactive

    result = starter_purge_inactive(actor=None)
    return {"reminded": result.reminded, "deleted": result.deleted}
