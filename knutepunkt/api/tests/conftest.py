"""A small public directory for the API tests: groups of every kind the rules care about."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from knutepunkt.conftest import municipality
from knutepunkt.events.models import Event, EventKind
from knutepunkt.events.services import event_create
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget, SelfHelpGroup, Topic
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.network.models import ContactPoint

# A street address that must never reach any feed for a group.
SECRET_ADDRESS = "Hemmeligveien 13"


@pytest.fixture
def topic_anxiety(db: Any) -> Topic:
    return topic_create(actor=None, slug="angst", name_nb="Angst", name_en="Anxiety")


@pytest.fixture
def directory(
    topic_anxiety: Topic, contact_point_molde: ContactPoint, contact_point_tromso: ContactPoint
) -> dict[str, Any]:
    """Molde's contact point (with a street address) hosts an open weekly group, a forming
    group and a closed group; Nord has an online and a phone group; one group has ended."""
    contact_point_molde.address = SECRET_ADDRESS
    contact_point_molde.phone = "71 11 11 11"
    contact_point_molde.save(update_fields=["address", "phone"])
    office_midt = contact_point_molde.office
    office_nord = contact_point_tromso.office
    weekly = group_create(
        actor=None,
        topic=topic_anxiety,
        office=office_midt,
        contact_point=contact_point_molde,
        status=GroupStatus.OPEN,
        title="Angstgruppe i Molde",
        description_nb="En gruppe for deg med angst.",
        description_en="A group for people with anxiety.",
        meeting_time="Tirsdager kl. 18",
        meeting_weekday=1,
        meeting_starts=datetime.time(18, 0),
        meeting_ends=datetime.time(19, 30),
    )
    forming = group_create(
        actor=None,
        topic=topic_anxiety,
        office=office_midt,
        municipality="1505",
        status=GroupStatus.FORMING,
    )
    closed = group_create(
        actor=None,
        topic=topic_anxiety,
        office=office_midt,
        contact_point=contact_point_molde,
        status=GroupStatus.CLOSED,
        title="Lukket gruppe",
        meeting_weekday=3,
        meeting_starts=datetime.time(12, 0),
    )
    online = group_create(
        actor=None,
        topic=topic_anxiety,
        office=office_nord,
        format=GroupFormat.ONLINE,
        target=GroupTarget.RELATIVES,
        status=GroupStatus.OPEN,
        title="Pårørendegruppe på nett",
        meeting_weekday=6,
        meeting_starts=datetime.time(20, 0),
    )
    phone = group_create(
        actor=None,
        topic=topic_anxiety,
        office=office_nord,
        format=GroupFormat.PHONE,
        status=GroupStatus.OPEN,
        title="Telefongruppe",
        meeting_weekday=0,
        meeting_starts=datetime.time(10, 0),
    )
    ended = group_create(
        actor=None,
        topic=topic_anxiety,
        office=office_nord,
        municipality="5501",
        status=GroupStatus.ENDED,
        title="Avsluttet gruppe",
    )
    starts = timezone.now() + datetime.timedelta(days=7)
    event = event_create(
        actor=None,
        title="Åpent møte om selvhjelp",
        kind=EventKind.OPEN_MEETING,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        office=office_midt,
        contact_point=contact_point_molde,
        municipality=municipality("1506"),
        venue="Molde bibliotek",
        address="Torget 1",
        description="Velkommen, med æøå; komma, og semikolon.",
        capacity=20,
    )
    return {
        "weekly": weekly,
        "forming": forming,
        "closed": closed,
        "online": online,
        "phone": phone,
        "ended": ended,
        "event": event,
        "office_midt": office_midt,
        "office_nord": office_nord,
    }


def group_ids(items: list[dict[str, Any]]) -> set[int]:
    return {item["id"] for item in items}


__all__ = ["SECRET_ADDRESS", "Event", "SelfHelpGroup", "group_ids"]
