"""The activity form shaped by type: which number a type counts, future dates, and direct
inquiries with a channel (quick form and the report's figure by channel)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from knutepunkt.accounts.models import User
from knutepunkt.activity.models import Activity
from knutepunkt.activity.services import activity_create
from knutepunkt.reports.builder import build_office_report

pytestmark = pytest.mark.django_db

with translation.override("en"):
    CREATE = reverse("staff:activity:activity_create")
    LIST = reverse("staff:activity:activity_list")
    INQUIRY = reverse("staff:activity:activity_inquiry_create")


def _post(**fields: Any) -> dict[str, Any]:
    data = {"date": timezone.localdate().isoformat(), "title": "Test"}
    data.update(fields)
    return data


def test_a_stand_counts_people_present_not_people_reached(
    office_staff_midt: User, login: Any
) -> None:
    client = login(office_staff_midt)
    wrong = client.post(CREATE, _post(kind="stand", people_reached="120"))
    assert wrong.status_code == 200
    assert "People present" in str(wrong.context["form"].errors["people_reached"])
    assert not Activity.objects.exists()

    right = client.post(CREATE, _post(kind="stand", participants="120"))
    assert right.status_code == 302
    stand = Activity.objects.get()
    report = build_office_report(office=stand.office, year=stand.date.year)
    assert report.figure("people_at_stands").value == 120


def test_own_starter_training_counts_as_people_informed(office_staff_midt: User) -> None:
    today = timezone.localdate()
    for kind, number in (("own_event", 20), ("starter_training", 9)):
        activity_create(
            actor=office_staff_midt, date=today, kind=kind, title=kind, participants=number
        )
    activity_create(
        actor=office_staff_midt, date=today, kind="contribution", title="Talk", people_reached=40
    )
    assert office_staff_midt.office is not None
    report = build_office_report(office=office_staff_midt.office, year=today.year)
    assert report.figure("participants_at_own_events").value == 29
    assert report.figure("people_informed").value == 69
    assert report.figure("people_trained").value == 9


@pytest.mark.parametrize(
    ("kind", "days", "ok"),
    [
        ("inquiry", 1, False),
        ("media_coverage", 1, False),
        ("own_event", 30, True),
        ("own_event", 367, False),
        ("inquiry", 0, True),
    ],
)
def test_future_dates_only_for_planned_kinds(
    office_staff_midt: User, login: Any, kind: str, days: int, ok: bool
) -> None:
    date = timezone.localdate() + datetime.timedelta(days=days)
    fields = {"channel": "phone"} if kind == "inquiry" else {}
    response = login(office_staff_midt).post(
        CREATE, _post(kind=kind, date=date.isoformat(), **fields)
    )
    assert (response.status_code == 302) is ok
    if not ok:
        assert "date" in response.context["form"].errors


def test_an_inquiry_needs_a_channel_and_only_an_inquiry_has_one(
    office_staff_midt: User, login: Any
) -> None:
    client = login(office_staff_midt)
    no_channel = client.post(CREATE, _post(kind="inquiry", participants="2"))
    assert "channel" in no_channel.context["form"].errors
    wrong_kind = client.post(CREATE, _post(kind="own_event", channel="phone"))
    assert "channel" in wrong_kind.context["form"].errors
    assert not Activity.objects.exists()


def test_quick_inquiry_form_and_the_figure_by_channel(office_staff_midt: User, login: Any) -> None:
    client = login(office_staff_midt)
    page = client.get(LIST)
    assert page.context["inquiry_form"]["date"].value() == timezone.localdate()
    for channel, count in (("phone", "3"), ("email", "2"), ("phone", "1")):
        response = client.post(
            INQUIRY,
            {
                "inquiry-date": timezone.localdate().isoformat(),
                "inquiry-channel": channel,
                "inquiry-count": count,
            },
        )
        assert response.status_code == 302
    refused = client.post(
        INQUIRY,
        {
            "inquiry-date": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
            "inquiry-channel": "phone",
            "inquiry-count": "1",
        },
    )
    assert refused.status_code == 200 and "date" in refused.context["form"].errors
    assert Activity.objects.filter(kind="inquiry").count() == 3

    assert office_staff_midt.office is not None
    report = build_office_report(office=office_staff_midt.office, year=timezone.localdate().year)
    assert report.figure("direct_inquiries").value == 6
    by_channel = next(b for b in report.breakdowns if b.key == "inquiry_channel")
    assert [(r.key, r.value) for r in by_channel.rows] == [("phone", 4), ("email", 2)]
