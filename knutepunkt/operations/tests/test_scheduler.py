"""The scheduler enqueues each configured job once when it is due, the worker runs it
and the job's row says how it went (visible to head office in the admin)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from knutepunkt.operations.models import Heartbeat, ScheduledJob
from knutepunkt.operations.scheduling import Job, enqueue_due, jobs_sync

pytestmark = pytest.mark.django_db

OK = Job("test.ok", "knutepunkt.operations.tasks.purge_outbox", 60)
BROKEN = Job("test.broken", "knutepunkt.operations.tests.test_scheduler.broken_task", 60)


class _Broken:
    @staticmethod
    def call() -> None:
        raise ValueError("boom")


broken_task = _Broken()


def test_every_configured_job_gets_a_row_and_runs_on_the_first_round(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    jobs = ScheduledJob.objects.all()
    from django.conf import settings

    assert {job.name for job in jobs} == {name for name, _path, _s in settings.SCHEDULED_JOBS}
    for job in jobs:
        assert job.last_success_at is not None, (job.name, job.last_error)
        assert job.last_error == ""
        assert job.next_run_at is not None and job.next_run_at > timezone.now()
    assert Heartbeat.objects.filter(name="scheduler").exists()
    assert Heartbeat.objects.filter(name="worker").exists()  # the heartbeat job ran


def test_a_job_is_enqueued_once_per_interval_and_failures_are_recorded(
    django_capture_on_commit_callbacks: Any,
) -> None:
    now = timezone.now()
    jobs_sync([OK, BROKEN], now=now)
    with django_capture_on_commit_callbacks(execute=True):
        assert sorted(enqueue_due(now=now)) == ["test.broken", "test.ok"]
    assert enqueue_due(now=now + datetime.timedelta(seconds=30)) == []  # not due again yet
    ok = ScheduledJob.objects.get(name="test.ok")
    assert ok.last_result == "{'deleted': 0}" and ok.failures == 0
    broken = ScheduledJob.objects.get(name="test.broken")
    assert broken.last_error == "ValueError" and broken.failures == 1
    assert broken.last_success_at is None
    assert broken.next_run_at == now + datetime.timedelta(seconds=60)
    # A job no longer configured is switched off, not deleted (its history stays).
    jobs_sync([OK], now=now)
    assert not ScheduledJob.objects.get(name="test.broken").enabled


def test_head_office_sees_the_jobs_in_the_admin(login: Any, head_office_admin: Any) -> None:
    jobs_sync([OK])
    client = login(head_office_admin)
    page = client.get(reverse("admin:operations_scheduledjob_changelist"))
    assert page.status_code == 200
    assert "test.ok" in page.content.decode()


def test_office_staff_do_not_see_the_jobs(login: Any, office_staff_midt: Any) -> None:
    client = login(office_staff_midt)
    response = client.get(reverse("admin:operations_scheduledjob_changelist"))
    assert response.status_code in {302, 403}
