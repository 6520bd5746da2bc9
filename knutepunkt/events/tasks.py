"""Background tasks (django-tasks) of events. The retention run is idempotent: run daily
by the scheduler, or by hand as ``manage.py purge_registrations`` (docs/personal-data.md)."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_past_registrations() -> dict[str, int]:
    """Delete the sign-ups of events that ended more than
    ``EVENT_REGISTRATION_RETENTION_DAYS`` ago."""
    from knutepunkt.events.services import registration_purge_for_past_events

    return {"deleted": registration_purge_for_past_events(actor=None)}
