"""Background tasks (django-tasks) of listing corrections. Idempotent; the scheduler runs
it daily, or by hand as ``manage.py purge_change_requests``."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_change_requests() -> dict[str, int]:
    """Delete closed listing corrections past ``CHANGE_REQUEST_RETENTION_DAYS``."""
    from knutepunkt.feedback.services import change_requests_purge

    return {"deleted": change_requests_purge()}
