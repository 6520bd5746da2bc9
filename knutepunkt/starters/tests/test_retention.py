"""A starter's record lives while it is used: withdrawn consent deletes it at once, and a
record without activity is deleted by the daily run, after a reminder e-mail whose link
lets the starter stay (or leave now)."""

from __future__ import annotations

import datetime
import re
from typing import Any
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from knutepunkt.core.models import AuditEntry
from knutepunkt.groups.models import GroupStatus
from knutepunkt.groups.services import group_create
from knutepunkt.interests.testing import make_topic
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_create, starter_purge_inactive
from knutepunkt.starters.tasks import purge_inactive_starters
from knutepunkt.starters.tokens import status_token

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office_midt", "short_retention")]


@pytest.fixture
def short_retention() -> Any:
    with override_settings(STARTER_RETENTION_DAYS=100, STARTER_REMINDER_DAYS_BEFORE=10):
        yield


def _starter(name: str, *, idle_days: int, email: str = "", office: Any = None) -> Starter:
    from knutepunkt.network.models import DistrictOffice

    starter = starter_create(
        actor=None,
        name=name,
        email=email,
        office=office or DistrictOffice.objects.get(slug="midt"),
        consent_to_contact=True,
    )
    Starter.objects.filter(pk=starter.pk).update(
        active_at=timezone.now() - datetime.timedelta(days=idle_days)
    )
    starter.refresh_from_db()
    return starter


def _link(message: Any) -> str:
    match = re.search(r"https?://\S+/igangsetter/\S+/", str(message.body))
    assert match, message.body
    return urlparse(match.group(0)).path


def test_reminder_first_then_deletion(django_capture_on_commit_callbacks: Any) -> None:
    fresh = _starter("Fersk", idle_days=10, email="fresh@example.org")
    due = _starter("Snart", idle_days=95, email="due@example.org")
    late = _starter("Sein", idle_days=300, email="late@example.org")
    silent = _starter("Uten e-post", idle_days=101)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = starter_purge_inactive()
    # Nobody with an address is deleted before being asked, however old the record.
    assert (first.reminded, first.deleted) == (2, 1)
    assert not Starter.objects.filter(pk=silent.pk).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["due@example.org", "late@example.org"]
    assert "/igangsetter/" in mail.outbox[0].body
    # Run again the same day: nothing more happens.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = starter_purge_inactive()
    assert (again.reminded, again.deleted) == (0, 0) and mail.outbox == []
    # Ten days after the reminder, the two are gone; the fresh one stays.
    later = timezone.now() + datetime.timedelta(days=10, minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        result = starter_purge_inactive(now=later)
    assert result.deleted == 2
    assert list(Starter.objects.all()) == [fresh]
    assert not Starter.objects.filter(pk__in=[due.pk, late.pk]).exists()
    for entry in AuditEntry.objects.filter(action__startswith="starters.starter."):
        text = f"{entry.target_repr} {entry.data}"
        assert "Snart" not in text and "due@example.org" not in text


def test_a_group_that_still_runs_keeps_the_starter(contact_point_molde: Any) -> None:
    busy = _starter("Opptatt", idle_days=200)
    group = group_create(
        actor=None, topic=make_topic(), contact_point=contact_point_molde, starter=busy
    )
    assert group.status == GroupStatus.FORMING
    assert starter_purge_inactive().deleted == 0
    type(group).objects.filter(pk=group.pk).update(status=GroupStatus.ENDED)
    assert starter_purge_inactive().deleted == 1


def test_the_task_runs_the_same_retention() -> None:
    _starter("Gammel", idle_days=150)
    assert purge_inactive_starters.enqueue().return_value == {"reminded": 0, "deleted": 1}
    assert purge_inactive_starters.enqueue().return_value == {"reminded": 0, "deleted": 0}


def test_the_link_keeps_the_record_or_deletes_it(
    client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    keeper = _starter("Kari Bli", idle_days=95, email="kari.bli@example.org")
    leaver = _starter("Ola Gå", idle_days=95, email="ola.ga@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        starter_purge_inactive()
    links = {m.to[0]: _link(m) for m in mail.outbox}

    page = client.get(links["kari.bli@example.org"])
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert "kari.bli@example.org" in page.content.decode()
    client.post(links["kari.bli@example.org"], {"action": "keep"})
    keeper.refresh_from_db()
    assert keeper.reminded_at is None
    assert keeper.active_at > timezone.now() - datetime.timedelta(minutes=1)

    done = client.post(links["ola.ga@example.org"], {"action": "delete"})
    assert done.status_code == 200
    assert not Starter.objects.filter(pk=leaver.pk).exists()
    assert AuditEntry.objects.filter(action="starters.starter.consent_withdrawn").count() == 1
    assert client.get(links["ola.ga@example.org"]).status_code == 404
    # A link for another key never opens the record.
    stale = Starter(pk=keeper.pk, access_key="not-the-key")
    url = reverse("starters:status", kwargs={"token": status_token(stale)})
    assert client.get(url).status_code == 404
    assert client.get("/igangsetter/not-a-token/").status_code == 404
