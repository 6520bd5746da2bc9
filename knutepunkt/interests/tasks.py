"""Background tasks (django-tasks). ``manage.py db_worker`` runs them in production; the
daily retention run is also a command, ``manage.py purge_interests`` (docs/operations.md)."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_expired_interests() -> dict[str, int]:
    """Remind people whose waiting time is nearly over; delete contact data past it."""
    from knutepunkt.interests.services import purge_expired

    result = purge_expired(actor=None)
    return {"reminded": result.reminded, "expired": result.expired}


@task()
def form_groups_for_topic(topic_id: int) -> int:
    """Run the group formation for one topic: enqueued after a new interest is committed,
    so the person's request never waits for (or fails with) the formation run."""
    from knutepunkt.interests.formation.proposals import run_formation

    return len(run_formation(topic_ids={topic_id}))


@task()
def form_groups() -> int:
    """The formation run over every topic (the scheduler's nightly run; a new interest
    also runs it for its own topic at once). Idempotent: a proposal already made or
    dismissed is not made again."""
    from knutepunkt.interests.formation.proposals import run_formation

    return len(run_formation())
